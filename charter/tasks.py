from celery import shared_task
from django.core.mail import send_mail


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_email(subject: str, body: str, recipients: list[str]) -> int:
    return send_mail(subject, body, None, recipients)


@shared_task
def send_actual_reminders() -> int:
    # Imported here: reminders queue emails through this module's send_email.
    from .reminders import send_due_reminders

    return send_due_reminders()
