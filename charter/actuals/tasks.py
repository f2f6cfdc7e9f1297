"""The daily task that reminds metric owners of overdue actuals (scheduled by Celery beat)."""

from celery import shared_task

from charter.actuals.reminders import send_due_reminders


@shared_task
def send_actual_reminders() -> int:
    return send_due_reminders()
