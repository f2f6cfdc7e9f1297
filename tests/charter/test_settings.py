import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "a-long-random-production-secret-key-with-enough-entropy-1234567890",
    "DJANGO_ALLOWED_HOSTS": "charter.example.com",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://charter.example.com",
}


def run_manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_silent_with_production_values():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr
    assert "no issues" in result.stdout


def test_debug_off_without_secret_key_refuses_to_start():
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_SECRET_KEY"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_healthz_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


ASKS_AS_HTTPS = """
from django.test import Client
response = Client().get("/healthz", SERVER_NAME="charter.example.com", HTTP_X_FORWARDED_PROTO="https")
print(response.status_code, response.headers.get("Location", ""))
"""


def forwarded_https_answer(tmp_path, **env):
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        ASKS_AS_HTTPS,
        env={**PRODUCTION, "CHARTERBOARD_VAR_DIR": str(tmp_path), **env},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_a_clients_x_forwarded_proto_is_not_trusted_by_default(tmp_path):
    assert forwarded_https_answer(tmp_path) == ["301", "https://charter.example.com/healthz"]


def test_x_forwarded_proto_is_trusted_when_the_deployment_says_a_proxy_sets_it(tmp_path):
    assert forwarded_https_answer(tmp_path, DJANGO_TRUST_X_FORWARDED_PROTO="1") == ["200"]


def test_check_deploy_stays_silent_behind_a_trusted_proxy():
    env = {**PRODUCTION, "DJANGO_TRUST_X_FORWARDED_PROTO": "1"}
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
