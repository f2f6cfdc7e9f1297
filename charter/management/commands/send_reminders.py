from django.core.management.base import BaseCommand

from charter.actuals.reminders import send_due_reminders


class Command(BaseCommand):
    help = "Email metric owners about overdue actuals (once per metric and period)."

    def handle(self, *args, **options):
        sent = send_due_reminders()
        self.stdout.write(f"{sent} reminder(s) queued.")
