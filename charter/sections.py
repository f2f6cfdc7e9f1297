"""The core sections of a charter, registered with the section registry."""

from django.utils.translation import gettext_lazy as _

from . import collaboration, current_state, future_success, scope
from .registry import Section, register

register(
    Section(
        key="current-state",
        title=_("Current state"),
        order=10,
        snapshot=current_state.snapshot,
        template="charter/sections/current_state.html",
        completeness=current_state.completeness,
        editor_template="charter/current_state_editor.html",
        editor_context=current_state.editor_context,
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
        snapshot=future_success.snapshot,
        template="charter/sections/future_success.html",
        completeness=future_success.completeness,
        editor_template="charter/future_success_editor.html",
        editor_context=future_success.editor_context,
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
        snapshot=scope.snapshot,
        template="charter/sections/scope.html",
        completeness=scope.completeness,
        editor_template="charter/scope_editor.html",
        editor_context=scope.editor_context,
        help_text=_("Whom enablement serves, which services it offers and who funds it."),
    )
)
register(
    Section(
        key="collaboration",
        title=_("Collaboration"),
        order=60,
        snapshot=collaboration.snapshot,
        template="charter/sections/collaboration.html",
        completeness=collaboration.completeness,
        editor_template="charter/collaboration_editor.html",
        editor_context=collaboration.editor_context,
        help_text=_(
            "The teams enablement works with, who is responsible and accountable for each "
            "service, and when the teams meet."
        ),
    )
)
