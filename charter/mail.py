"""Email from the worker, through the outbox: written with the request's work, sent once."""

from celery import shared_task
from django.core.files.storage import default_storage
from django.core.mail import EmailMessage, send_mail
from django.db import transaction
from django.utils import timezone

from charter import outbox
from charter.models import OutboxMessage


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_email(
    self,
    subject: str,
    body: str,
    recipients: list[str],
    attachments: list | None = None,
    files: list | None = None,
) -> int:
    """Send the email of one outbox message; a duplicate of the message finds it handled.

    The message row stays locked while the email goes out, so two copies delivered at once
    send one email; a failure rolls the mark back and the retry sends it.
    """
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().filter(task_id=self.request.id).first()
        if message is not None and message.handled_at is not None:
            return 0
        if attachments or files:
            email = EmailMessage(subject, body, None, recipients)
            for name, content, mimetype in attachments or []:
                email.attach(name, content, mimetype)
            for name, stored_as, mimetype in files or []:
                with default_storage.open(stored_as, "rb") as handle:
                    email.attach(name, handle.read(), mimetype)
            sent = email.send()
        else:
            sent = send_mail(subject, body, None, recipients)
        if message is not None:
            message.handled_at = timezone.now()
            message.save(update_fields=["handled_at"])
    return sent


def queue_email(
    subject: str,
    body: str,
    recipients: list[str],
    attachments: list[tuple[str, str, str]] | None = None,
    files: list[tuple[str, str, str]] | None = None,
) -> OutboxMessage | None:
    """Send an email from the worker once the current transaction has committed.

    ``attachments`` are (file name, text content, MIME type): text, so that the outbox row
    stays plain JSON. ``files`` are (file name, name in the default storage, MIME type):
    binary files such as a PDF, read by the worker when it sends, so that neither the row
    nor the broker carries megabytes. The returned message says, after commit, whether the
    broker took it (``is_sent``).
    """
    recipients = [address for address in recipients if address]
    if not recipients:
        return None
    kwargs = {}
    if attachments:
        kwargs["attachments"] = [
            [str(name), str(content), str(kind)] for name, content, kind in attachments
        ]
    if files:
        kwargs["files"] = [[str(name), str(stored), str(kind)] for name, stored, kind in files]
    return outbox.enqueue(
        send_email.name, args=[str(subject), str(body), recipients], kwargs=kwargs
    )
