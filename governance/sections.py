"""Governance's entries in the charter registry: its section, panels, PDF parts, nav and demo."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from charter.registry import (
    DEMO_VERSION_ORDER,
    DocumentPart,
    ExportParameter,
    NavLink,
    Panel,
    ReviewWorkflow,
    Section,
    VersionPanel,
    register,
    register_demo,
    register_document_part,
    register_export_parameter,
    register_nav,
    register_panel,
    register_review_workflow,
    register_version_panel,
)
from charter.versions.publishing import charter_info

from . import dashboard, demo, documents, review
from .board import board_warnings, coverage
from .models import AdvisoryBoard, Cadence


def board_snapshot(workspace) -> dict:
    """The board as plain JSON: roster, cadence, next review, approval rule, coverage."""
    board = AdvisoryBoard.objects.filter(workspace=workspace).first()
    if board is None:
        return {}
    seats = list(board.seats.select_related("membership__user"))
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


register(
    Section(
        key="governance",
        title=_("Governance"),
        order=50,
        snapshot=lambda charter: board_snapshot(charter.workspace),
        template="governance/sections/governance.html",
        completeness=governance_completeness,
        editor_template="governance/sections/governance_page.html",
        editor_context=section_page,
        help_text=_(
            "The executive advisory board that approves each version: who sits on it, how "
            "often it meets and how it decides."
        ),
    )
)


register_panel(
    Panel(
        key="governance",
        order=20,
        template="governance/panels/dashboard.html",
        context=dashboard.charter_panel,
    )
)
register_version_panel(
    VersionPanel(
        key="review",
        order=10,
        template="governance/panels/review.html",
        context=dashboard.review_panel,
    )
)
register_document_part(
    DocumentPart(
        key="approval-record",
        document="charter",
        order=10,
        title=_("Approval record"),
        template="governance/pdf/approval_record.html",
        data=documents.approval_record,
    )
)
register_document_part(
    DocumentPart(
        key="meeting-agenda",
        document="board_pack",
        order=10,
        title=_("Meeting agenda"),
        template="governance/pdf/meeting_agenda.html",
        data=documents.meeting_agenda,
    )
)
register_document_part(
    DocumentPart(
        key="open-actions",
        document="board_pack",
        order=50,
        title=_("Open action items"),
        template="governance/pdf/open_actions.html",
        data=documents.open_actions,
    )
)
register_export_parameter(
    ExportParameter(key="meeting_pk", document="board_pack", belongs=documents.is_meeting_of)
)
register_nav(NavLink(title=_("Board"), url_name="governance:board", order=40))
register_nav(NavLink(title=_("Meetings"), url_name="governance:meetings", order=41))
register_review_workflow(ReviewWorkflow(submit=review.submit_for_review, withdraw=review.withdraw))
# The board must exist before the charter app publishes the demo versions (their snapshots
# hold the roster); the review needs those versions.
register_demo(demo.seed_board)
register_demo(demo.seed_review, order=DEMO_VERSION_ORDER + 10)
