"""Helpers for version tests: a section that snapshots live rows, and publishing shortcuts."""

from contextlib import contextmanager

from charter.models import FutureSuccess, Objective
from charter.registry import (
    STATUS_ONLY_WORKFLOW,
    Section,
    register_review_workflow,
    registry,
    review_workflow,
    review_workflows,
)
from charter.versions.publishing import publish
from tests.factories import CharterFactory, MembershipFactory

LIVE_SECTION = "test-live-rows"


def _snapshot(charter) -> dict:
    future = FutureSuccess.objects.filter(charter=charter).first()
    return {
        "vision": future.vision if future else "",
        "objectives": [
            {"id": objective.pk, "title": objective.title, "description": objective.description}
            for objective in Objective.objects.filter(charter=charter)
        ],
    }


@contextmanager
def live_section():
    """A section whose snapshot reads real rows, independent of how other sections evolve."""
    section = registry.register(
        Section(
            key=LIVE_SECTION,
            title="Live rows",
            order=95,
            snapshot=_snapshot,
            template="charter/sections/scope/snapshot.html",
            appendix=True,
        )
    )
    try:
        yield section
    finally:
        registry.unregister(LIVE_SECTION)


def charter_with_editor(role="editor", **charter_fields):
    membership = MembershipFactory(role=role)
    charter = CharterFactory(workspace=membership.workspace, **charter_fields)
    return charter, membership


def publish_version(charter, membership, label="2026-Q4", summary="Changes"):
    return publish(charter, membership.user, membership, label=label, summary=summary)


def approve(version, membership):
    version.submit(membership.user, membership)
    version.approve(membership.user)
    return version


@contextmanager
def status_only_review():
    """Submit and withdraw move only the status: for tests of the charter's own buttons,
    apart from the review governance registers (which needs a board with seats)."""
    registered = review_workflow()
    review_workflows.unregister(registered.key)
    try:
        yield
    finally:
        if registered is not STATUS_ONLY_WORKFLOW:
            register_review_workflow(registered)
