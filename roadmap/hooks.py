"""Every registration of the roadmap app: its section, its board-pack chapter, its part of the
charter's JSON document and its demo data. Imported once, from ``RoadmapConfig``.
"""

from django.utils.translation import gettext_lazy as _

from charter.registry import (
    ApiRouter,
    DocumentPart,
    PhaseSource,
    Portable,
    Section,
    register,
    register_api_router,
    register_audit_vocabulary,
    register_demo,
    register_document_part,
    register_phase_source,
    register_portable,
)

from . import audit, board_pack, demo, phases, portable
from .api import router as api_router
from .snapshot import CHOICES, LABELS, roadmap_briefing, roadmap_completeness, roadmap_snapshot
from .views import editor_context

register(
    Section(
        key="roadmap",
        title=_("Roadmap"),
        order=40,
        snapshot=roadmap_snapshot,
        template="roadmap/sections/roadmap.html",
        completeness=roadmap_completeness,
        labels=LABELS,
        choices=CHOICES,
        editor_template="roadmap/editor.html",
        editor_context=editor_context,
        briefing=roadmap_briefing,
        help_text=_(
            "The phases that take enablement from its assessed maturity to the next levels, "
            "the milestones in each, who owns them, what they need and when they land."
        ),
    )
)

# Between the core's results against the charter (order 20) and its changes (40).
register_document_part(
    DocumentPart(
        key="roadmap-progress",
        document="board_pack",
        order=30,
        title=_("Roadmap progress"),
        template="roadmap/documents/board_pack/roadmap_progress.html",
        data=board_pack.roadmap_progress,
    )
)

# After the future success (objectives, metrics) and the current state (maturity levels).
register_portable(
    Portable("roadmap", 40, portable.ROADMAP, portable.export_roadmap, portable.import_roadmap)
)

register_demo(demo.seed_roadmap)

register_api_router(ApiRouter(key="roadmap", order=40, router=api_router))
# The scope's audiences are served from one of these phases (design note 27).
register_phase_source(PhaseSource(phases.phase_choices))

register_audit_vocabulary(audit.AUDIT_VOCABULARY)
