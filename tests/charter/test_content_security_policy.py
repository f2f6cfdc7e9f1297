"""Every page is sent with a strict Content-Security-Policy, and no page needs it loosened."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from charter.models import Charter

EXPECTED = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}


def policy(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in directives}


def inline_code(html: str) -> list[str]:
    """What a strict policy would block: inline scripts, handlers, <style> and style=."""
    return [
        *re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html),
        *re.findall(r"<style\b[^>]*>", html),
        *re.findall(r"\sstyle=[\"']", html),
        *re.findall(r"\son[a-z]+=[\"']", html),
        *re.findall(r"javascript:", html),
    ]


@pytest.fixture
def demo_pages(client, db):
    call_command("seed_demo", stdout=io.StringIO())
    client.force_login(get_user_model().objects.get(username="owner"))
    charter = Charter.objects.get(workspace__name="Northwind Sales Enablement")
    slug = charter.workspace.slug
    approved = charter.versions.order_by("number").first()
    return [
        reverse("charter:workspace", args=[slug]),
        reverse("charter:charter", args=[slug, charter.pk]),
        reverse("charter:versions", args=[slug, charter.pk]),
        reverse("charter:version", args=[slug, approved.pk]),
        reverse("charter:audit", args=[slug]),
        *(
            reverse("charter:section", args=[slug, charter.pk, key])
            for key in ("current-state", "future-success", "scope", "collaboration", "roadmap")
        ),
        reverse("governance:board", args=[slug]),
        reverse("governance:review", args=[slug, approved.pk]),
    ]


def test_the_policy_is_strict_and_sent_with_every_demo_page(client, demo_pages):
    for url in demo_pages:
        response = client.get(url)
        assert response.status_code == 200, url
        sent = policy(response)
        assert {name: sent.get(name) for name in EXPECTED} == EXPECTED, url
        assert not {"'unsafe-inline'", "'unsafe-eval'"} & set(sent["script-src"]), url


def test_no_demo_page_carries_inline_script_or_style_the_policy_would_block(client, demo_pages):
    for url in demo_pages:
        html = client.get(url).content.decode()
        assert inline_code(html) == [], url


def test_htmx_is_told_not_to_inject_its_indicator_style(client, demo_pages):
    html = client.get(demo_pages[0]).content.decode()
    assert """<meta name="htmx-config" content='{"includeIndicatorStyles": false}'>""" in html


@pytest.mark.django_db
def test_anonymous_pages_and_errors_get_the_policy_too(client):
    for url, status in [(reverse("login"), 200), ("/w/no-such-workspace/", 302)]:
        response = client.get(url)
        assert response.status_code == status
        assert policy(response)["frame-ancestors"] == ["'none'"]


@pytest.mark.django_db
def test_a_missing_page_is_a_404_with_the_policy(client, member_client):
    response = member_client("owner").get("/w/no-such-workspace/")
    assert response.status_code == 404
    assert policy(response)["script-src"] == ["'self'"]
