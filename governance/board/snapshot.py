"""Governance's section: the advisory board frozen into a version, and what it still lacks."""

from django.utils.translation import gettext, gettext_lazy

from charter.versions.publishing import charter_info

from ..models import AdvisoryBoard, Cadence
from .seats import board_warnings, coverage


def board_snapshot(workspace, board: AdvisoryBoard | None = None, seats=None) -> dict:
    """The board as plain JSON: roster, cadence, next review, approval rule, coverage.

    ``board`` and its held ``seats`` (with their holders' profiles) when already loaded.
    """
    board = board or AdvisoryBoard.objects.filter(workspace=workspace).first()
    if board is None:
        return {}
    if seats is None:
        seats = board.seats.held().select_related("membership__user__profile")
    seats = list(seats)
    covered = coverage(seats)
    return {
        "roster": [
            {
                "name": seat.name,
                "title": seat.title,
                "function": seat.function,
                "function_label": str(seat.get_function_display()),
                "chair": seat.is_chair,
            }
            for seat in seats
        ],
        "cadence": board.cadence,
        "cadence_label": str(Cadence(board.cadence).label),
        "annual_in_person": board.annual_in_person,
        "next_review_on": board.next_review_on.isoformat() if board.next_review_on else None,
        "approval_rule": board.approval_rule,
        "approval_rule_label": board.rule_description(),
        "chair_plus_count": board.chair_plus_count,
        "outside_reviewers_may_vote": board.outside_reviewers_may_vote,
        "coverage": covered,
        "missing_functions": [item["label"] for item in covered if not item["members"]],
    }


def governance_snapshot(charter) -> dict:
    """The section's snapshot: the board is the workspace's, shared by its charters."""
    return board_snapshot(charter.workspace)


def governance_completeness(data: dict) -> list[str]:
    if not data:
        return [gettext("No advisory board is set up.")]
    roster = data.get("roster", [])
    missing = board_warnings(
        len(roster), any(seat.get("chair") for seat in roster), data.get("missing_functions", [])
    )
    if not data.get("next_review_on"):
        missing.append(gettext("No next review date."))
    return missing


def section_page(request, charter, membership) -> dict:
    """The section's page: the live snapshot, what is missing, and a way to the board page."""
    data = board_snapshot(charter.workspace)
    return {
        "data": data,
        "missing": governance_completeness(data),
        "charter_info": charter_info(charter),
        "mode": "web",
    }


# The changes list names the snapshot's keys with these; codes come with their labels.
LABELS = {
    "roster": gettext_lazy("Board members"),
    "chair": gettext_lazy("Chair"),
    "cadence": gettext_lazy("Meeting cadence"),
    "annual_in_person": gettext_lazy("Meets in person once a year"),
    "next_review_on": gettext_lazy("Next review"),
    "approval_rule": gettext_lazy("Approval rule"),
    "chair_plus_count": gettext_lazy("Approvals needed besides the chair"),
    "outside_reviewers_may_vote": gettext_lazy("Outside reviewers may vote"),
    # Derived from the roster, whose own changes already say the same.
    "coverage": "",
    "missing_functions": gettext_lazy("Functions not covered"),
}
