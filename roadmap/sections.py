from django.utils.translation import gettext_lazy as _

from charter.registry import Section, register

from .snapshot import roadmap_completeness, roadmap_snapshot
from .views import editor_context

register(
    Section(
        key="roadmap",
        title=_("Roadmap"),
        order=40,
        snapshot=roadmap_snapshot,
        template="roadmap/sections/roadmap.html",
        completeness=roadmap_completeness,
        editor_template="roadmap/editor.html",
        editor_context=editor_context,
        help_text=_(
            "The phases that take enablement from its assessed maturity to the next levels, "
            "the milestones in each, who owns them, what they need and when they land."
        ),
    )
)
