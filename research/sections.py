"""Research's entries in the charter registry: the Research summary appendix, the insights
an editor pulls into the current state, the Research link in the top navigation, demo data."""

from django.utils.translation import gettext_lazy as _

from charter.registry import Extension, NavLink, Section, extend, register, register_nav
from charter.versions.publishing import charter_info

from . import snapshots


def summary_editor(request, charter, membership) -> dict:
    section = research_section
    data = section.snapshot(charter)
    return {
        "data": data,
        "missing": section.completeness(data),
        "charter_info": charter_info(charter),
        "can_research": membership.can("research"),
    }


research_section = register(
    Section(
        key="research",
        title=_("Research summary"),
        order=90,
        appendix=True,
        snapshot=snapshots.research_summary,
        template="research/sections/research.html",
        completeness=snapshots.completeness,
        editor_template="research/sections/research_editor.html",
        editor_context=summary_editor,
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
        snapshot=snapshots.pulled_insights,
        template="research/sections/current_state_insights.html",
    )
)

register_nav(NavLink(title=_("Research"), url_name="research:home", order=20))
