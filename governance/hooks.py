"""Every registration of the governance app: its section, overview and version panels, its
parts of the PDFs, navigation links, the review workflow and demo data. Imported once, from
``GovernanceConfig``.
"""

from django.utils.translation import gettext_lazy as _

from charter.registry import (
    DEMO_VERSION_ORDER,
    ApiRouter,
    DocumentPart,
    EventListener,
    ExportParameter,
    NavLink,
    Panel,
    ReviewWorkflow,
    Section,
    VersionPanel,
    register,
    register_api_router,
    register_audit_vocabulary,
    register_demo,
    register_document_part,
    register_event_listener,
    register_export_parameter,
    register_nav,
    register_panel,
    register_review_workflow,
    register_version_panel,
)

from . import audit, dashboard, demo, documents
from .api import router as api_router
from .board import seats, snapshot
from .notifications import events, tasks  # noqa: F401  (tasks: registers the beat tasks)
from .reviews import panel, receipts, workflow

register(
    Section(
        key="governance",
        title=_("Governance"),
        order=50,
        snapshot=snapshot.governance_snapshot,
        template="governance/sections/governance.html",
        completeness=snapshot.governance_completeness,
        labels=snapshot.LABELS,
        editor_template="governance/sections/governance_page.html",
        editor_context=snapshot.section_page,
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
        template="governance/dashboard.html",
        context=dashboard.charter_panel,
    )
)
register_version_panel(
    VersionPanel(
        key="review",
        order=10,
        template="governance/reviews/panel.html",
        context=panel.review_panel,
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
# Beside the workspace's other settings (the audit trail at 90, the owner's Members page).
register_nav(NavLink(title=_("Notifications"), url_name="governance:notifications", order=85))
register_review_workflow(
    ReviewWorkflow(submit=workflow.submit_for_review, withdraw=workflow.withdraw)
)
# The board must exist before the charter app publishes the demo versions (their snapshots
# hold the roster); the review needs those versions.
register_demo(demo.seed_board)
register_demo(demo.seed_review, order=DEMO_VERSION_ORDER + 10)

register_event_listener(EventListener(key="webhooks", notify=events.notify))
register_event_listener(EventListener(key="board-seats", notify=seats.follow_membership))
register_event_listener(EventListener(key="read-receipts", notify=receipts.record_open))

register_api_router(ApiRouter(key="governance", order=50, router=api_router))

register_audit_vocabulary(audit.AUDIT_VOCABULARY)
