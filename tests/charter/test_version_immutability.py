"""A published version never changes: not through the model, not through SQL."""

import threading
import time

import pytest
from django.db import DatabaseError, IntegrityError, connection, connections, transaction

from charter.errors import ImmutableObject
from charter.models import CharterVersion, FutureSuccess, Objective, VersionStatus
from charter.registry import Section, registry
from charter.versions.publishing import canonical_json, publish, snapshot_hash
from tests.charter.version_factories import (
    approve,
    charter_with_editor,
    live_section,
    publish_version,
)
from tests.factories import UserFactory


@pytest.fixture
def version(db):
    charter, membership = charter_with_editor()
    return publish_version(charter, membership)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [("label", "edited"), ("summary", "edited"), ("snapshot", {"sections": {}}), ("number", 9)],
)
def test_model_refuses_to_change_a_published_field(version, field, value):
    setattr(version, field, value)
    with pytest.raises(ImmutableObject):
        version.save()
    version.refresh_from_db()
    assert getattr(version, field) != value


@pytest.mark.django_db
def test_model_refuses_to_delete_a_version(version):
    with pytest.raises(ImmutableObject):
        version.delete()
    assert CharterVersion.objects.filter(pk=version.pk).exists()


@pytest.mark.django_db
def test_bulk_delete_and_bulk_update_of_frozen_fields_are_refused(version):
    with pytest.raises(ImmutableObject):
        CharterVersion.objects.filter(pk=version.pk).delete()
    with pytest.raises(ImmutableObject):
        CharterVersion.objects.filter(pk=version.pk).update(summary="rewritten")
    version.refresh_from_db()
    assert version.summary == "Changes"


@pytest.mark.django_db
def test_the_review_status_still_moves(version):
    version.submit(version.author, version.author.memberships.get())
    assert CharterVersion.objects.get(pk=version.pk).status == VersionStatus.IN_REVIEW


def raw_update(version):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE charter_charterversion SET snapshot = %s WHERE id = %s",
            ['{"sections": {"forged": {}}}', version.pk],
        )


@pytest.mark.django_db
def test_the_database_refuses_a_raw_sql_update_of_the_snapshot(version):
    """Runs on PostgreSQL under CI and on SQLite locally: each has its own trigger."""
    with pytest.raises(IntegrityError, match="immutable"), transaction.atomic():
        raw_update(version)
    version.refresh_from_db()
    assert snapshot_hash(version.snapshot) == version.snapshot_sha256


@pytest.mark.django_db
def test_the_database_still_lets_the_review_status_move(version):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE charter_charterversion SET status = %s WHERE id = %s",
            [VersionStatus.IN_REVIEW, version.pk],
        )
    version.refresh_from_db()
    assert version.status == VersionStatus.IN_REVIEW


@pytest.mark.django_db
def test_approved_snapshot_stays_byte_identical_after_editing_live_rows():
    charter, membership = charter_with_editor(title="Enablement Charter FY27")
    with live_section():
        future = FutureSuccess.objects.create(charter=charter, vision="Every seller ready")
        objective = Objective.objects.create(charter=charter, title="Ramp in 4 months")
        version = approve(publish_version(charter, membership), membership)
        stored = canonical_json(CharterVersion.objects.get(pk=version.pk).snapshot)

        future.vision = "Every seller confident"
        future.save()
        objective.title = "Ramp in 3 months"
        objective.save()
        Objective.objects.create(charter=charter, title="Certify every manager")
        charter.title = "Renamed charter"
        charter.save()

        again = CharterVersion.objects.get(pk=version.pk)
    assert canonical_json(again.snapshot) == stored
    assert snapshot_hash(again.snapshot) == version.snapshot_sha256
    assert again.snapshot["sections"]["test-live-rows"]["vision"] == "Every seller ready"
    assert again.snapshot["charter"]["title"] == "Enablement Charter FY27"
    assert again.status == VersionStatus.APPROVED


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_publishes_never_take_the_same_number():
    charter, membership = charter_with_editor()
    # A slow section keeps both transactions open at once: without the charter lock both
    # would read the same highest number.
    registry.register(
        Section("test-slow", "Slow", 97, lambda c: time.sleep(0.3) or {}, "x.html", appendix=True)
    )
    users = [membership.user, UserFactory()]
    for user in users[1:]:
        membership.workspace.memberships.create(user=user, role="editor")
    start = threading.Barrier(len(users))
    numbers, failures = [], []

    def publish_in_own_transaction(user):
        try:
            member = user.memberships.get(workspace=charter.workspace)
            start.wait(timeout=10)
            numbers.append(publish(charter, user, member, label="2026-Q4").number)
        except (DatabaseError, threading.BrokenBarrierError) as error:
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=publish_in_own_transaction, args=[u]) for u in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    registry.unregister("test-slow")

    assert failures == []
    assert sorted(numbers) == [1, 2]
    assert sorted(charter.versions.values_list("number", flat=True)) == [1, 2]
