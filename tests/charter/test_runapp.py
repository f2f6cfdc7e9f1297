"""``make run`` serves on HOST:PORT; links in emails must point there."""

import os

import pytest
from django.conf import settings
from django.core.management import call_command

from charter.management.commands import runapp


class FakeWorker:
    pid = 1

    def send_signal(self, signal):
        pass

    def wait(self, timeout):
        pass


@pytest.fixture
def started(monkeypatch):
    """What runapp passed on, without starting a server or a worker process."""
    seen = {}
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.setattr(settings, "SITE_URL", settings.SITE_URL)

    def popen(command, **kwargs):
        seen["worker_site_url"] = os.environ.get("SITE_URL")
        return FakeWorker()

    def runserver(name, address, **kwargs):
        seen["address"] = address

    monkeypatch.setattr(runapp.subprocess, "Popen", popen)
    monkeypatch.setattr(runapp, "call_command", runserver)
    return seen


def test_links_follow_the_port_served_when_site_url_is_not_set(started):
    call_command("runapp", "--host", "127.0.0.1", "--port", "8123")

    assert started["address"] == "127.0.0.1:8123"
    assert started["worker_site_url"] == "http://127.0.0.1:8123"
    assert settings.SITE_URL == "http://127.0.0.1:8123"


def test_an_ipv6_host_is_bracketed_in_links(started):
    call_command("runapp", "--host", "::1", "--port", "9000")

    assert started["worker_site_url"] == "http://[::1]:9000"


def test_an_explicit_site_url_wins(started, monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://charter.example.com")

    call_command("runapp", "--port", "8123")

    assert started["worker_site_url"] == "https://charter.example.com"
