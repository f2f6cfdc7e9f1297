from django.core.management.base import BaseCommand

from charter.outbox import relay_pending


class Command(BaseCommand):
    help = "Publish the task messages still in the outbox (every worker also does it itself)."

    def handle(self, *args, **options):
        sent = relay_pending()
        self.stdout.write(f"{sent} message(s) handed to the broker.")
