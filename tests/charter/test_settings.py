import os
import subprocess
import sys
from pathlib import Path

import pytest

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


def test_a_mistyped_boolean_refuses_to_start_naming_the_variable_and_the_accepted_words():
    result = run_manage("check", env={**PRODUCTION, "DJANGO_SECURE_SSL_REDIRECT": "flase"})

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECURE_SSL_REDIRECT='flase'" in result.stderr
    assert "1, true, yes, on or 0, false, no, off" in result.stderr


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1", True), ("TRUE", True), (" yes ", True), ("On", True)]
    + [("0", False), ("false", False), ("No", False), ("off", False)]
    + [("", None), ("   ", None)],
)
def test_booleans_read_the_accepted_words_and_empty_means_the_default(monkeypatch, value, expected):
    from config.settings import env_bool

    monkeypatch.setenv("CHARTERBOARD_TEST_FLAG", value)

    assert env_bool("CHARTERBOARD_TEST_FLAG", True) is (True if expected is None else expected)
    assert env_bool("CHARTERBOARD_TEST_FLAG", False) is (False if expected is None else expected)


@pytest.mark.parametrize("value", ["flase", "ture", "2", "y", "enabled"])
def test_a_boolean_other_than_the_accepted_words_is_refused(monkeypatch, value):
    from django.core.exceptions import ImproperlyConfigured

    from config.settings import env_bool

    monkeypatch.setenv("CHARTERBOARD_TEST_FLAG", value)

    with pytest.raises(ImproperlyConfigured, match="CHARTERBOARD_TEST_FLAG"):
        env_bool("CHARTERBOARD_TEST_FLAG", False)


ASKS_AS_HTTPS = """
from django.test import Client
response = Client().get("/workspaces/", SERVER_NAME="charter.example.com", HTTP_X_FORWARDED_PROTO="https")
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
    assert forwarded_https_answer(tmp_path) == ["301", "https://charter.example.com/workspaces/"]


def test_x_forwarded_proto_is_trusted_when_the_deployment_says_a_proxy_sets_it(tmp_path):
    # Secure, so past the HTTPS redirect to the page's own answer: log in first.
    assert forwarded_https_answer(tmp_path, DJANGO_TRUST_X_FORWARDED_PROTO="1") == [
        "302",
        "/accounts/login/?next=/workspaces/",
    ]


def test_check_deploy_stays_silent_behind_a_trusted_proxy():
    env = {**PRODUCTION, "DJANGO_TRUST_X_FORWARDED_PROTO": "1"}
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
