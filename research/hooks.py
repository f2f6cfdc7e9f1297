"""Every registration of the research app: the Research summary appendix, the insights an
editor pulls into the current state, the Research link in the top navigation, its part of the
charter's JSON document and its demo data. Imported once, from ``ResearchConfig``.
"""

from django.utils.translation import gettext_lazy as _

from charter.registry import (
    Extension,
    NavLink,
    Portable,
    Section,
    extend,
    register,
    register_audit_vocabulary,
    register_demo,
    register_nav,
    register_portable,
)

from . import audit, demo, portable, summary
from .insights.snapshot import pulled_insights

register(
    Section(
        key="research",
        title=_("Research summary"),
        order=90,
        appendix=True,
        snapshot=summary.research_summary,
        template="research/sections/research.html",
        completeness=summary.completeness,
        labels=summary.LABELS,
        choices=summary.CHOICES,
        editor_template="research/sections/research_editor.html",
        editor_context=summary.summary_editor,
        help_text=_(
            "What the interviews, the enablement audit, the sales-force survey and the "
            "benchmarks found. It is edited on the Research pages and frozen with each version."
        ),
    )
)

extend(
    Extension(
        section_key="current-state",
        key="insights",
        snapshot=pulled_insights,
        template="research/sections/current_state_insights.html",
    )
)

register_nav(NavLink(title=_("Research"), url_name="research:home", order=20))

register_portable(
    Portable("research", 80, portable.RESEARCH, portable.export_research, portable.import_research)
)

register_demo(demo.seed)

register_audit_vocabulary(audit.AUDIT_VOCABULARY)
