"""The demo has a version history: an approved first version and a newer draft."""

import io

import pytest
from django.core.management import call_command

from charter import registry
from charter.models import Charter, VersionStatus
from charter.versions.publishing import snapshot_hash


@pytest.mark.django_db
def test_demo_publishes_an_approved_version_and_a_newer_draft_of_the_whole_charter():
    call_command("seed_demo", stdout=io.StringIO())

    charter = Charter.objects.get(workspace__name="Northwind Sales Enablement")
    first, second = charter.versions.order_by("number")[:2]
    assert (first.label, first.status) == ("2026-Q3", VersionStatus.APPROVED)
    assert second.label == "2026-Q4" and second.number == 2
    assert set(first.snapshot["sections"]) == {section.key for section in registry.registry.all()}
    assert snapshot_hash(first.snapshot) == first.snapshot_sha256
    assert first.snapshot_sha256 != second.snapshot_sha256


def test_demo_seeders_run_by_order_then_in_registration_order(monkeypatch):
    monkeypatch.setattr(registry, "demo_seeders", registry.demo_seeder_hook())
    calls = []

    @registry.register_demo(order=100)
    def publish_version(charter, users):
        calls.append("publish")

    @registry.register_demo
    def seed_scope(charter, users):
        calls.append("scope")

    registry.register_demo(lambda charter, users: calls.append("review"), order=110)
    registry.register_demo(lambda charter, users: calls.append("roadmap"))

    for seeder in registry.demo_seeders:
        seeder.seed(None, {})
    assert calls == ["scope", "roadmap", "publish", "review"]
