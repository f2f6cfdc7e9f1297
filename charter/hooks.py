"""Every registration of the core app: its sections, overview and version panels, navigation
links, document parts, portable parts, demo seeders and the worker's periodic chores.
Imported once, from ``CharterConfig``.
"""

from celery.signals import worker_ready, worker_shutdown
from django.conf import settings
from django.core.checks import Tags
from django.core.checks import register as register_check
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from charter import outbox
from charter.actuals import demo as actuals_demo
from charter.actuals.panel import overdue_actuals_context
from charter.checks import database_role_is_not_superuser
from charter.comments import demo as comments_demo
from charter.documents import board_pack, open_points
from charter.documents import demo as documents_demo
from charter.documents.requests import prepare_charter_pdf, requeue_stopped_renders
from charter.documents.views import export_panel
from charter.languages import preference  # noqa: F401  applies the chosen UI language at login
from charter.registry import (
    DEMO_VERSION_ORDER,
    DocumentPart,
    ExportParameter,
    NavLink,
    Panel,
    Portable,
    Section,
    VersionPanel,
    register,
    register_demo,
    register_document_part,
    register_export_parameter,
    register_nav,
    register_panel,
    register_portable,
    register_version_panel,
)
from charter.sections.collaboration import demo as collaboration_demo
from charter.sections.collaboration import editors as collaboration_editors
from charter.sections.collaboration import portable as collaboration_portable
from charter.sections.collaboration import snapshot as collaboration_snapshot
from charter.sections.current_state import demo as current_state_demo
from charter.sections.current_state import editors as current_state_editors
from charter.sections.current_state import portable as current_state_portable
from charter.sections.current_state import snapshot as current_state_snapshot
from charter.sections.future_success import demo as future_success_demo
from charter.sections.future_success import editors as future_success_editors
from charter.sections.future_success import portable as future_success_portable
from charter.sections.future_success import snapshot as future_success_snapshot
from charter.sections.scope import demo as scope_demo
from charter.sections.scope import editors as scope_editors
from charter.sections.scope import portable as scope_portable
from charter.sections.scope import snapshot as scope_snapshot
from charter.signals import version_approved, version_published
from charter.versions import demo as versions_demo
from charter.versions.panel import versions_panel

# The four core sections; research, roadmap and governance register theirs in their hooks.
register(
    Section(
        key="current-state",
        title=_("Current state"),
        order=10,
        snapshot=current_state_snapshot.snapshot,
        template="charter/sections/current_state/snapshot.html",
        completeness=current_state_snapshot.completeness,
        labels=current_state_snapshot.LABELS,
        editor_template="charter/sections/current_state/editor.html",
        editor_context=current_state_editors.editor_context,
        help_text=_(
            "Where selling and enablement stand today: the company's strategy, how it goes to "
            "market, how sales execute, and how mature enablement is."
        ),
    )
)
register(
    Section(
        key="future-success",
        title=_("Future success"),
        order=20,
        snapshot=future_success_snapshot.snapshot,
        template="charter/sections/future_success/snapshot.html",
        completeness=future_success_snapshot.completeness,
        labels=future_success_snapshot.LABELS,
        editor_template="charter/sections/future_success/editor.html",
        editor_context=future_success_editors.editor_context,
        briefing=future_success_snapshot.briefing,
        help_text=_(
            "What success looks like: a shared definition, the vision and mission, the "
            "objectives for the period and the metrics that show progress."
        ),
    )
)
register(
    Section(
        key="scope",
        title=_("Scope"),
        order=30,
        snapshot=scope_snapshot.snapshot,
        template="charter/sections/scope/snapshot.html",
        completeness=scope_snapshot.completeness,
        labels=scope_snapshot.LABELS,
        choices=scope_snapshot.CHOICES,
        editor_template="charter/sections/scope/editor.html",
        editor_context=scope_editors.editor_context,
        help_text=_("Whom enablement serves, which services it offers and who funds it."),
    )
)
register(
    Section(
        key="collaboration",
        title=_("Collaboration"),
        order=60,
        snapshot=collaboration_snapshot.snapshot,
        template="charter/sections/collaboration/snapshot.html",
        completeness=collaboration_snapshot.completeness,
        labels=collaboration_snapshot.LABELS,
        editor_template="charter/sections/collaboration/editor.html",
        editor_context=collaboration_editors.editor_context,
        help_text=_(
            "The teams enablement works with, who is responsible and accountable for each "
            "service, and when the teams meet."
        ),
    )
)

# The charter overview and the version page.
register_panel(
    Panel(key="versions", order=10, template="charter/versions/panel.html", context=versions_panel)
)
register_panel(
    Panel(
        key="overdue-actuals",
        order=50,
        template="charter/actuals/overdue_panel.html",
        context=overdue_actuals_context,
    )
)
register_version_panel(
    VersionPanel(
        key="pdf-exports", order=20, template="charter/documents/panel.html", context=export_panel
    )
)

# Navigation. A board member handed a PDF checks it on the verify page, without looking for
# the version first.
register_nav(NavLink(title=_("Verify a PDF"), url_name="charter:verify", order=80))
register_nav(
    NavLink(title=_("Audit trail"), url_name="charter:audit", order=90, capability="manage")
)

# The board pack's own chapters, beside governance's agenda (order 10) and open actions (50)
# and the roadmap's progress (30).
register_document_part(
    DocumentPart(
        key="results-against-charter",
        document=board_pack.BOARD_PACK,
        order=20,
        title=_("Results against the charter"),
        template="charter/documents/board_pack/results.html",
        data=board_pack.results_against_charter,
    )
)
register_document_part(
    DocumentPart(
        key="changes-since-approved",
        document=board_pack.BOARD_PACK,
        order=40,
        title=_("Changes since the last approved version"),
        template="charter/documents/board_pack/changes.html",
        data=board_pack.changes_since_approved,
    )
)
# A draft's charter PDF may carry the editors' open points (the form refuses it otherwise).
register_export_parameter(
    ExportParameter(
        key=open_points.OPEN_POINTS, document="charter", belongs=open_points.is_boolean_true
    )
)

# The charter's JSON document.
register_portable(
    Portable(
        "current-state",
        10,
        current_state_portable.CURRENT_STATE,
        current_state_portable.export_current_state,
        current_state_portable.import_current_state,
    )
)
register_portable(
    Portable(
        "future-success",
        20,
        future_success_portable.FUTURE_SUCCESS,
        future_success_portable.export_future_success,
        future_success_portable.import_future_success,
    )
)
register_portable(
    Portable(
        "scope",
        30,
        scope_portable.SCOPE,
        scope_portable.export_scope,
        scope_portable.import_scope,
    )
)
register_portable(
    Portable(
        "collaboration",
        60,
        collaboration_portable.COLLABORATION,
        collaboration_portable.export_collaboration,
        collaboration_portable.import_collaboration,
    )
)

# The demo charter. The actuals import waits for the metrics (order 50); the versions are
# published once every app has seeded its part; the PDFs are asked for after governance
# has put the newer version under review (``DEMO_VERSION_ORDER`` + 10).
register_demo(current_state_demo.seed_current_state)
register_demo(future_success_demo.seed_future_success)
register_demo(scope_demo.seed_scope)
register_demo(collaboration_demo.seed_collaboration)
register_demo(comments_demo.seed_comments)
register_demo(actuals_demo.seed_actuals_import, order=50)
register_demo(versions_demo.seed_versions, order=DEMO_VERSION_ORDER)
register_demo(documents_demo.seed_exports, order=DEMO_VERSION_ORDER + 100)

# Every Celery worker relays the outbox and requeues renders whose heartbeat stopped, from a
# thread of its main process: a beat task could not run while the broker is down.
_worker_chores = outbox.Relay(
    [outbox.relay_chore, requeue_stopped_renders], interval=settings.OUTBOX_RELAY_SECONDS
)


@worker_ready.connect
def _start_worker_chores(**kwargs):
    _worker_chores.start()


@worker_shutdown.connect
def _stop_worker_chores(**kwargs):
    _worker_chores.stop()


# Runs where a database is named: migrate, check --database default.
register_check(database_role_is_not_superuser, Tags.database)


@receiver(version_published)
@receiver(version_approved)
def _prepare_charter_pdf(version, by=None, **kwargs):
    prepare_charter_pdf(version, by)
