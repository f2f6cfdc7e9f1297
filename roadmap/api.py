"""The roadmap in the REST API: milestones to read, and their status to set."""

from datetime import date
from typing import Literal

from django.db import transaction
from ninja import Router, Schema

from charter.access import get_in_workspace, scoped
from charter.api import auth
from charter.api.ids import Id
from charter.api.schemas import REFUSALS
from charter.models import AuditEvent, Charter
from charter.people import person

from .models import Milestone, Status

router = Router(tags=["milestones"])
StatusCode = Literal["planned", "in_progress", "done", "at_risk", "dropped"]


class MilestoneOut(Schema):
    id: int
    charter_id: int
    phase: str | None
    title: str
    description: str
    owner: str | None
    start: date
    end: date
    status: StatusCode
    status_label: str
    objective_ids: list[int]
    metric_ids: list[int]
    depends_on_ids: list[int]

    @staticmethod
    def resolve_phase(milestone) -> str | None:
        return milestone.phase.name if milestone.phase_id else None

    @staticmethod
    def resolve_owner(milestone) -> str | None:
        return person(milestone.owner) if milestone.owner_id else None

    @staticmethod
    def resolve_status_label(milestone) -> str:
        return str(milestone.get_status_display())

    @staticmethod
    def resolve_objective_ids(milestone) -> list[int]:
        return sorted(item.pk for item in milestone.objectives.all())

    @staticmethod
    def resolve_metric_ids(milestone) -> list[int]:
        return sorted(item.pk for item in milestone.metrics.all())

    @staticmethod
    def resolve_depends_on_ids(milestone) -> list[int]:
        return sorted(item.pk for item in milestone.depends_on.all())


class StatusIn(Schema):
    status: StatusCode


def _milestones(request):
    return (
        scoped(request, Milestone)
        .select_related("phase", "owner__profile")
        .prefetch_related("objectives", "metrics", "depends_on")
    )


@router.get(
    "/charters/{charter_id}/milestones",
    response={200: list[MilestoneOut], **REFUSALS},
    auth=auth.READ,
)
def charter_milestones(request, charter_id: Id):
    charter = get_in_workspace(request, Charter, pk=charter_id)
    return _milestones(request).filter(charter=charter)


@router.get("/milestones/{milestone_id}", response={200: MilestoneOut, **REFUSALS}, auth=auth.READ)
def milestone(request, milestone_id: Id):
    return get_in_workspace(request, _milestones(request), pk=milestone_id)


@router.patch(
    "/milestones/{milestone_id}",
    response={200: MilestoneOut, **REFUSALS},
    auth=auth.WRITE_MILESTONES,
)
def set_milestone_status(request, milestone_id: Id, payload: StatusIn):
    """Set the milestone's status (planned, in progress, done, at risk, dropped)."""
    found = get_in_workspace(request, _milestones(request), pk=milestone_id)
    previous = found.status
    if payload.status != previous:
        with transaction.atomic():
            # Only the status is written: an edit of its other fields meanwhile stands.
            found.save_fields(
                {"status": payload.status}, request.user, unchanged=lambda stored: True
            )
            AuditEvent.record(
                request.workspace,
                request.user,
                "milestone.status_changed",
                found,
                changes={
                    "status": str(Status(payload.status).label),
                    "previous status": str(Status(previous).label),
                },
            )
    return get_in_workspace(request, _milestones(request), pk=milestone_id)
