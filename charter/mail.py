"""Email from the worker: queued once the request's transaction has committed."""

from celery import shared_task
from django.core.mail import send_mail
from django.db import transaction


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_email(subject: str, body: str, recipients: list[str]) -> int:
    return send_mail(subject, body, None, recipients)


def queue_email(subject: str, body: str, recipients: list[str]) -> None:
    """Send an email from the worker once the current transaction has committed."""
    recipients = [address for address in recipients if address]
    if recipients:
        transaction.on_commit(lambda: send_email.delay(str(subject), str(body), recipients))
