"""The database itself refuses what the models refuse: raw SQL cannot rewrite the record.

These run on whichever database is configured (each has its own triggers); TRUNCATE exists
only on PostgreSQL.
"""

import json

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from charter.models import AuditEvent, CharterVersion, VersionStatus
from tests.charter.version_factories import approve, charter_with_editor, publish_version
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def raw_sql(statement: str, params=()):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def refused(statement: str, params=(), match: str = ""):
    """Run the statement in its own savepoint and assert the database refuses it."""
    with pytest.raises(IntegrityError, match=match), transaction.atomic():
        raw_sql(statement, params)


@pytest.fixture
def approved():
    charter, membership = charter_with_editor()
    return approve(publish_version(charter, membership), membership)


def set_status(version, status):
    raw_sql("UPDATE charter_charterversion SET status = %s WHERE id = %s", [status, version.pk])


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("label", "forged"),
        ("summary", "forged"),
        ("number", 9),
        ("snapshot_sha256", "0" * 64),
        ("created_at", "2020-01-01 00:00:00"),
    ],
)
def test_an_approved_versions_published_columns_cannot_be_rewritten(approved, column, value):
    refused(
        f"UPDATE charter_charterversion SET {column} = %s WHERE id = %s",  # noqa: S608
        [value, approved.pk],
        match="immutable",
    )
    stored = CharterVersion.objects.values(column).get(pk=approved.pk)[column]
    assert stored == getattr(approved, column)


def test_the_author_cannot_be_replaced_but_is_cleared_when_their_account_goes(approved):
    refused(
        "UPDATE charter_charterversion SET author_id = %s WHERE id = %s",
        [UserFactory().pk, approved.pk],
        match="immutable",
    )
    author = approved.author
    author.delete()
    approved.refresh_from_db()
    assert approved.author is None
    assert approved.status == VersionStatus.APPROVED


@pytest.mark.parametrize(
    "status", [VersionStatus.DRAFT, VersionStatus.IN_REVIEW, VersionStatus.CHANGES_REQUESTED]
)
def test_an_approved_version_moves_only_to_superseded(approved, status):
    with pytest.raises(IntegrityError, match="cannot move"), transaction.atomic():
        set_status(approved, status)
    set_status(approved, VersionStatus.SUPERSEDED)
    approved.refresh_from_db()
    assert approved.status == VersionStatus.SUPERSEDED


@pytest.mark.parametrize(
    ("path", "forbidden"),
    [
        ([], VersionStatus.APPROVED),
        ([], VersionStatus.SUPERSEDED),
        ([], VersionStatus.CHANGES_REQUESTED),
        ([VersionStatus.IN_REVIEW, VersionStatus.CHANGES_REQUESTED], VersionStatus.IN_REVIEW),
        ([VersionStatus.IN_REVIEW, VersionStatus.CHANGES_REQUESTED], VersionStatus.APPROVED),
        ([VersionStatus.IN_REVIEW], VersionStatus.SUPERSEDED),
        (
            [VersionStatus.IN_REVIEW, VersionStatus.APPROVED, VersionStatus.SUPERSEDED],
            VersionStatus.APPROVED,
        ),
    ],
)
def test_status_moves_only_along_the_review_transitions(path, forbidden):
    charter, membership = charter_with_editor()
    version = publish_version(charter, membership)
    for status in path:
        set_status(version, status)
    with pytest.raises(IntegrityError, match="cannot move"), transaction.atomic():
        set_status(version, forbidden)
    version.refresh_from_db()
    assert version.status == (path[-1] if path else VersionStatus.DRAFT)


def test_every_transition_the_app_makes_passes_the_database():
    charter, membership = charter_with_editor()
    first = approve(publish_version(charter, membership, label="2026-Q3"), membership)
    second = publish_version(charter, membership, label="2026-Q4")
    second.submit(membership.user, membership)
    second.withdraw(membership.user, membership)
    second.submit(membership.user, membership)
    second.approve(membership.user)
    third = publish_version(charter, membership, label="2027-Q1")
    third.submit(membership.user, membership)
    third.request_changes(membership.user)

    statuses = dict(charter.versions.values_list("label", "status"))
    assert statuses == {
        "2026-Q3": VersionStatus.SUPERSEDED,
        "2026-Q4": VersionStatus.APPROVED,
        "2027-Q1": VersionStatus.CHANGES_REQUESTED,
    }
    assert first.pk in charter.versions.values_list("pk", flat=True)


def insert_version(charter, status: str, number: int = 7):
    raw_sql(
        "INSERT INTO charter_charterversion (charter_id, number, label, summary, created_at,"
        " snapshot, snapshot_sha256, status) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
        [charter.pk, number, "forged", "", timezone.now(), json.dumps({}), "0" * 64, status],
    )


@pytest.mark.parametrize(
    "status",
    [
        VersionStatus.APPROVED,
        VersionStatus.SUPERSEDED,
        VersionStatus.IN_REVIEW,
        VersionStatus.CHANGES_REQUESTED,
    ],
)
def test_a_version_cannot_be_inserted_already_past_draft(status):
    charter, _ = charter_with_editor()
    with pytest.raises(IntegrityError, match="draft"), transaction.atomic():
        insert_version(charter, status)
    assert not charter.versions.exists()
    insert_version(charter, VersionStatus.DRAFT)
    assert charter.versions.get().status == VersionStatus.DRAFT


def test_an_approved_or_superseded_version_cannot_be_deleted(approved):
    refused("DELETE FROM charter_charterversion WHERE id = %s", [approved.pk], match="deleted")
    set_status(approved, VersionStatus.SUPERSEDED)
    refused("DELETE FROM charter_charterversion WHERE id = %s", [approved.pk], match="deleted")
    assert CharterVersion.objects.filter(pk=approved.pk).exists()


def test_a_draft_version_without_history_may_still_be_deleted_by_sql():
    charter, membership = charter_with_editor()
    draft = publish_version(charter, membership)
    raw_sql("DELETE FROM charter_pdfexport WHERE version_id = %s", [draft.pk])
    raw_sql("DELETE FROM charter_charterversion WHERE id = %s", [draft.pk])
    assert not charter.versions.exists()


@pytest.fixture
def event():
    charter, membership = charter_with_editor()
    publish_version(charter, membership)
    return AuditEvent.objects.get(action="version.published")


def test_audit_events_cannot_be_deleted_by_sql(event):
    refused("DELETE FROM charter_auditevent WHERE id = %s", [event.pk], match="append-only")
    refused("DELETE FROM charter_auditevent", match="append-only")
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_audit_events_still_cannot_be_edited_by_sql(event):
    refused(
        "UPDATE charter_auditevent SET action = 'forged' WHERE id = %s",
        [event.pk],
        match="append-only",
    )
    assert AuditEvent.objects.get(pk=event.pk).action == "version.published"


def check_deferred_constraints_now():
    """PostgreSQL refuses TRUNCATE while the test's deferred foreign-key checks are pending."""
    raw_sql("SET CONSTRAINTS ALL IMMEDIATE")


@pytest.mark.postgres
@pytest.mark.parametrize("table", ["charter_auditevent", "charter_charterversion"])
def test_the_audit_trail_and_the_versions_cannot_be_truncated(approved, table):
    check_deferred_constraints_now()
    refused(f"TRUNCATE {table} CASCADE", match="truncated")
    assert AuditEvent.objects.exists()
    assert CharterVersion.objects.filter(pk=approved.pk).exists()


@pytest.mark.postgres
def test_truncating_the_workspaces_cannot_take_the_audit_trail_with_them(event):
    check_deferred_constraints_now()
    refused("TRUNCATE charter_workspace CASCADE", match="truncated")
    assert AuditEvent.objects.filter(pk=event.pk).exists()
