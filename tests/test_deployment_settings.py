"""What the environment switches for a deployment on several hosts: S3 storage and
PgBouncer's transaction pooling, read by a fresh process as in production."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHOW = (
    "import django, json; django.setup(); from django.conf import settings; "
    "print(json.dumps({'storage': settings.STORAGES['default'], "
    "'cursors_off': settings.DATABASES['default'].get('DISABLE_SERVER_SIDE_CURSORS')}))"
)


def settings_with(tmp_path, **env) -> dict:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CHARTERBOARD_S3_")}
    ran = subprocess.run(
        [sys.executable, "-c", SHOW],
        cwd=ROOT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "CHARTERBOARD_VAR_DIR": str(tmp_path),
            "DATABASE_URL": "postgres://u@127.0.0.1:6432/charterboard",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ran.returncode == 0, ran.stderr
    return json.loads(ran.stdout.strip().splitlines()[-1])


def test_files_stay_on_the_local_disk_without_a_bucket(tmp_path):
    shown = settings_with(tmp_path)

    assert shown["storage"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert shown["cursors_off"] is False


def test_a_bucket_switches_files_to_private_s3_objects_with_short_links(tmp_path):
    shown = settings_with(
        tmp_path,
        CHARTERBOARD_S3_BUCKET="charter-files",
        CHARTERBOARD_S3_ENDPOINT_URL="https://s3.example.net",
        CHARTERBOARD_S3_REGION="eu-central-1",
        CHARTERBOARD_S3_ACCESS_KEY_ID="key-id",
        CHARTERBOARD_S3_SECRET_ACCESS_KEY="secret",
        CHARTERBOARD_S3_PRESIGN_SECONDS="30",
    )

    assert shown["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    options = shown["storage"]["OPTIONS"]
    assert options["bucket_name"] == "charter-files"
    assert options["endpoint_url"] == "https://s3.example.net"
    assert options["region_name"] == "eu-central-1"
    assert (options["access_key"], options["secret_key"]) == ("key-id", "secret")
    assert options["querystring_expire"] == 30
    assert options["default_acl"] is None and options["file_overwrite"] is False


def test_transaction_pooling_turns_server_side_cursors_off(tmp_path):
    assert settings_with(tmp_path, DATABASE_TRANSACTION_POOLING="1")["cursors_off"] is True
