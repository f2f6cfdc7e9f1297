"""Daily governance chores scheduled by Celery beat."""

from celery import shared_task

from . import cadence, members


@shared_task
def send_cadence_reminders() -> int:
    return cadence.send_cadence_reminders()


@shared_task
def send_digests() -> int:
    return members.send_digests()
