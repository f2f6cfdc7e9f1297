"""A process that starts the app — a web process, a message worker — loads none of the heavy
libraries only some requests and tasks need: each costs every process seconds to start and
tens of MB for as long as it lives."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ["weasyprint", "pyhanko", "pypdf", "pikepdf", "openpyxl", "boto3", "fontTools"]

STARTS_THE_APP = f"""
import json, sys
import django
django.setup()
from django.urls import get_resolver
get_resolver().url_patterns  # every view module, as the first request loads them
from config.celery import app
app.loader.import_default_modules()  # every task module, as a worker loads them
print(json.dumps([name for name in {HEAVY!r} if name in sys.modules]))
"""


def test_starting_the_app_and_its_workers_loads_no_rendering_or_file_format_library(tmp_path):
    ran = subprocess.run(
        [sys.executable, "-c", STARTS_THE_APP],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "CHARTERBOARD_VAR_DIR": str(tmp_path / "var"),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert ran.returncode == 0, ran.stderr
    assert json.loads(ran.stdout.strip().splitlines()[-1]) == []
