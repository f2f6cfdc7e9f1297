import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the web server and a Celery worker (and beat) together, for local use."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", default="8000")

    def handle(self, *args, host, port, **options):
        if "SITE_URL" not in os.environ:
            # Links in emails must point where this server listens; the worker inherits it.
            shown_host = f"[{host}]" if ":" in host else host
            os.environ["SITE_URL"] = settings.SITE_URL = f"http://{shown_host}:{port}"
        # The solo pool keeps the local worker to one process; beat runs inside it (-B).
        worker = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                "-B",
                "--pool=solo",
                # One local worker for every kind of task; production runs one per queue.
                f"--queues={','.join(settings.WORKER_QUEUES)}",
                "--loglevel=warning",
            ],
        )
        self.stdout.write(f"Celery worker started (pid {worker.pid}).")
        try:
            call_command("runserver", f"{host}:{port}", use_reloader=False)
        finally:
            worker.send_signal(signal.SIGTERM)
            try:
                worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                worker.kill()
