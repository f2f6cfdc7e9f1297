"""The board pack: agenda, results against the charter, roadmap progress, changes since the
last approved version and open action items, read back from the PDF."""

from datetime import date
from decimal import Decimal

import pytest

from roadmap.board_pack import roadmap_progress
from roadmap.models import Status
from tests.charter.pdf_factories import (
    after_contents,
    export_now,
    in_order,
    page_texts,
    pdf_bytes,
)
from tests.charter.section_factories import MetricActualFactory, MetricFactory
from tests.charter.version_factories import approve, charter_with_editor, publish_version
from tests.governance.factories import ActionItemFactory, MeetingFactory
from tests.roadmap.factories import MilestoneFactory, PhaseFactory

pytestmark = pytest.mark.django_db

CHAPTERS = [
    "Meeting agenda",
    "Results against the charter",
    "Roadmap progress",
    "Changes since the last approved version",
    "Open action items",
]


@pytest.fixture
def charter_and_editor():
    charter, membership = charter_with_editor(title="Acme Enablement Charter")
    on_track = MetricFactory(charter=charter, name="Win rate", baseline=20, target=30)
    MetricActualFactory(metric=on_track, period_start=date(2026, 7, 1), value=Decimal("29"))
    lagging = MetricFactory(charter=charter, name="Ramp time", baseline=180, target=120)
    MetricActualFactory(metric=lagging, period_start=date(2026, 7, 1), value=Decimal("181"))
    phase = PhaseFactory(charter=charter, name="Build the foundation")
    MilestoneFactory(charter=charter, phase=phase, title="Intake process", status=Status.DONE)
    MilestoneFactory(charter=charter, phase=phase, title="Coaching program", status=Status.AT_RISK)
    return charter, membership


def test_board_pack_for_a_meeting_has_every_chapter_in_order_with_its_figures(
    charter_and_editor, django_capture_on_commit_callbacks
):
    charter, membership = charter_and_editor
    approve(publish_version(charter, membership, label="2026-Q3"), membership)
    charter.metrics.filter(name="Win rate").update(name="Qualified win rate")
    version = publish_version(charter, membership, label="2026-Q4")
    meeting = MeetingFactory(charter=charter)
    ActionItemFactory(meeting=meeting, title="Share the ramp-time baseline by region")

    export = export_now(
        django_capture_on_commit_callbacks, version, "board_pack", params={"meeting_pk": meeting.pk}
    )

    assert export.status == "done", export.error
    pages = page_texts(pdf_bytes(export))
    assert "Board pack" in pages[0]
    assert "Board meeting of" in pages[0]
    assert in_order(pages[1], CHAPTERS)
    body = after_contents(pages, CHAPTERS[-1])
    assert in_order(body, CHAPTERS)
    assert in_order(body, ["Results against the charter", "Ramp time", "Off track"])
    assert "Qualified win rate" in body and "On track" in body
    assert in_order(body, ["Needs attention", "Coaching program", "At risk"])
    assert "1 of 2" in body  # milestones done in the phase (none dropped)
    assert "Compared with version 1 (2026-Q3)" in body
    assert "Share the ramp-time baseline by region" in body


def test_without_an_approved_version_the_pack_says_everything_is_new(
    charter_and_editor, django_capture_on_commit_callbacks
):
    charter, membership = charter_and_editor
    version = publish_version(charter, membership)

    export = export_now(django_capture_on_commit_callbacks, version, "board_pack")

    body = " ".join(page_texts(pdf_bytes(export)))
    assert "The board has not approved an earlier version" in body
    assert "Meeting agenda" not in body  # no meeting named: governance leaves its parts out


def test_roadmap_progress_counts_done_milestones_and_flags_late_ones(charter_and_editor):
    charter, membership = charter_and_editor
    MilestoneFactory(
        charter=charter,
        phase=charter.phases.get(),
        title="Overdue plan",
        start=date(2020, 1, 1),
        end=date(2020, 2, 1),
        status=Status.PLANNED,
    )
    MilestoneFactory(charter=charter, phase=charter.phases.get(), status=Status.DROPPED)
    version = publish_version(charter, membership)

    progress = roadmap_progress(version, {})

    (phase,) = progress["phases"]
    assert (phase["done"], phase["total"], phase["percent"]) == (1, 3, 33)
    assert [m["title"] for m in progress["attention"]] == ["Overdue plan", "Coaching program"]
    assert [m["late"] for m in progress["attention"]] == [True, False]
