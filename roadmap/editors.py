"""The roadmap's in-place tables, on the generic editing framework of ``charter.editing``."""

from django.utils.translation import gettext_lazy as _

from charter.editing.specs import RowEditor

from .forms import MilestoneForm, PhaseForm
from .models import Milestone, Phase

PHASE_TABLE = RowEditor(
    key="phase",
    model=Phase,
    form_class=PhaseForm,
    row_template="roadmap/partials/phase_row.html",
    prefix="charters/<int:charter_pk>/phases/",
    namespace="roadmap",
    section_key="roadmap",
    headers=(
        (_("Phase"), ""),
        (_("Level reached"), ""),
        (_("What gets the function there"), ""),
    ),
    empty_text=_("No phase yet."),
    add_label=_("Add phase"),
    prepare=lambda rows: rows.select_related("target_level"),
)

MILESTONE_TABLE = RowEditor(
    key="milestone",
    model=Milestone,
    form_class=MilestoneForm,
    row_template="roadmap/partials/milestone_row.html",
    prefix="charters/<int:charter_pk>/milestones/",
    namespace="roadmap",
    section_key="roadmap",
    headers=(
        (_("Milestone"), ""),
        (_("Phase"), ""),
        (_("Owner"), ""),
        (_("Dates"), ""),
        (_("Status"), ""),
        (_("Resources"), ""),
    ),
    empty_text=_("No milestone yet."),
    add_label=_("Add milestone"),
    # Phases follow the maturity levels; people order the milestones within each phase.
    order_within=("phase",),
    prepare=lambda rows: rows.select_related("phase", "owner__profile", "charter").prefetch_related(
        "depends_on"
    ),
)
