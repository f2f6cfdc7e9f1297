from django.db import transaction

from .tasks import send_email


def queue_email(subject: str, body: str, recipients: list[str]) -> None:
    """Send an email from the worker once the current transaction has committed."""
    recipients = [address for address in recipients if address]
    if recipients:
        transaction.on_commit(lambda: send_email.delay(str(subject), str(body), recipients))
