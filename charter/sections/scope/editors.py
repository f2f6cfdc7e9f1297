"""Section 3, scope: whom enablement serves, what it offers and who pays for it."""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from charter.editing.specs import Block, EditForm, RowEditor
from charter.models import Audience, Charter, FundingSource, Scope, Service, Workspace
from charter.registry import phase_choices
from charter.sections.scope.phases import keep_request_phases, phase_label
from charter.sections.scope.snapshot import (
    LiveScope,
    completeness,
    headcounts,
    live_totals,
    load,
    snapshot_of,
)

SECTION_KEY = "scope"


def ensure_scope(charter: Charter) -> Scope:
    # Its blocks name who edited it last.
    return Scope.objects.select_related("updated_by__profile").get_or_create(charter=charter)[0]


class AudienceForm(EditForm):
    served_from_phase = forms.TypedChoiceField(
        label=gettext_lazy("Served from"),
        coerce=int,
        empty_value=None,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        phases = phase_choices(self.parent) if self.parent else []
        field = self.fields["served_from_phase"]
        field.choices = [("", _("Not linked to a phase"))] + [
            (choice.id, phase_label(choice)) for choice in phases
        ]
        field.help_text = (
            _("The roadmap phase from which this audience is served.")
            if phases
            else _("Add phases on the Roadmap page to choose the one this audience is served from.")
        )

    class Meta:
        model = Audience
        fields = ["role", "segment", "headcount", "priority", "served_from_phase"]
        help_texts = {
            "segment": gettext_lazy("Where they sell, e.g. “Enterprise, EMEA” or “Global”."),
            "headcount": gettext_lazy("How many people today; an estimate is fine."),
            "priority": gettext_lazy(
                "Primary audiences get programmes built for them; secondary ones reuse them."
            ),
        }
        widgets = {"headcount": forms.NumberInput(attrs={"min": 0})}


class FundingSourceForm(EditForm):
    class Meta:
        model = FundingSource
        fields = ["team", "amount", "currency", "notes"]
        help_texts = {
            "amount": gettext_lazy(
                "For the charter's period, digits only, e.g. 250000 or 1250.50."
            ),
            "currency": gettext_lazy("Keep each team's own currency; totals are kept apart."),
            "notes": gettext_lazy("What the money pays for, or conditions attached to it."),
        }
        error_messages = {
            "amount": {
                "invalid": gettext_lazy(
                    "Enter the amount as a number, e.g. 250000 or 1250.50, without "
                    "thousands separators."
                ),
                "max_digits": gettext_lazy("That amount is too large for a budget line."),
                "max_whole_digits": gettext_lazy("That amount is too large for a budget line."),
                "max_decimal_places": gettext_lazy("Use at most two decimal places."),
            },
            "currency": {
                "invalid_choice": gettext_lazy(
                    "Choose a currency from the list (ISO codes such as USD or EUR)."
                )
            },
        }
        widgets = {"amount": forms.NumberInput(attrs={"min": 0, "step": "0.01"})}

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if amount is not None and amount < 0:
            raise forms.ValidationError(_("An amount cannot be negative."))
        return amount


class ServiceForm(EditForm):
    """An entry of the workspace's catalogue; ``parent`` is the workspace."""

    class Meta:
        model = Service
        fields = ["name", "description"]
        help_texts = {
            "name": gettext_lazy("A service enablement delivers, e.g. “Deal coaching”."),
            "description": gettext_lazy("One or two sentences on what the service covers."),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        taken = Service.objects.filter(workspace=self.parent, name__iexact=name).exclude(
            pk=self.instance.pk
        )
        if taken.exists():
            raise forms.ValidationError(_("The catalogue already has “%(name)s”.") % {"name": name})
        return name


class ServicesOfferedForm(EditForm):
    """The services this charter offers, chosen from the workspace's catalogue."""

    class Meta:
        model = Scope
        fields = ["services"]
        widgets = {"services": forms.CheckboxSelectMultiple}
        error_messages = {
            "services": {
                "invalid_choice": gettext_lazy("Choose services from this workspace's catalogue."),
                "invalid_pk_value": gettext_lazy(
                    "Choose services from this workspace's catalogue."
                ),
            }
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["services"].queryset = Service.catalogue(self.parent.workspace)


BUDGET = Block(
    SECTION_KEY,
    "budget",
    gettext_lazy("Budget"),
    Scope,
    ("budget_owner", "budget_notes"),
    help_text=gettext_lazy("Who owns the enablement budget, and how it is agreed and reviewed."),
)
AUDIENCE_TABLE = RowEditor(
    key="audience",
    model=Audience,
    form_class=AudienceForm,
    row_template="charter/sections/scope/audience_row.html",
    prefix="charters/<int:charter_pk>/audiences/",
    headers=(
        (gettext_lazy("Role"), ""),
        (gettext_lazy("Segment or region"), ""),
        (gettext_lazy("Headcount"), "num"),
        (gettext_lazy("Priority"), ""),
        (gettext_lazy("Served from"), ""),
    ),
    empty_text=gettext_lazy("No audience yet."),
    add_label=gettext_lazy("Add audience"),
    section_key=SECTION_KEY,
)
FUNDING_TABLE = RowEditor(
    key="funding",
    model=FundingSource,
    form_class=FundingSourceForm,
    row_template="charter/sections/scope/funding_row.html",
    prefix="charters/<int:charter_pk>/funding/",
    headers=(
        (gettext_lazy("Funded by"), ""),
        (gettext_lazy("Amount"), "num"),
        (gettext_lazy("Currency"), ""),
        (gettext_lazy("Notes"), ""),
    ),
    empty_text=gettext_lazy("No funding source yet."),
    add_label=gettext_lazy("Add funding source"),
    section_key=SECTION_KEY,
)
CATALOGUE_TABLE = RowEditor(
    key="service",
    model=Service,
    form_class=ServiceForm,
    row_template="charter/sections/scope/service_row.html",
    prefix="services/",
    headers=((gettext_lazy("Service"), ""), (gettext_lazy("Description"), "")),
    empty_text=gettext_lazy("The catalogue is empty."),
    add_label=gettext_lazy("Add a service to the catalogue"),
    parent_model=Workspace,
    parent_field="workspace",
    get_parent=lambda request: request.workspace,
    get_return_url=lambda request, workspace: reverse(
        "charter:service-catalogue", args=[workspace.slug]
    ),
)

SERVICES_DOM_ID = "block-services"


def catalogue_table(request) -> dict:
    catalogue = Service.catalogue(request.workspace)
    return CATALOGUE_TABLE.table_context(request, request.workspace, catalogue)


def services_urls(request, charter: Charter) -> dict[str, str]:
    args = [request.workspace.slug, charter.pk]
    section = reverse("charter:section", args=[*args, SECTION_KEY])
    return {
        "block": reverse("charter:scope-services", args=args),
        "edit": reverse("charter:scope-services-edit", args=args),
        "section": f"{section}#{SERVICES_DOM_ID}",
    }


def services_context(request, charter: Charter, live: LiveScope, form=None, focus=False):
    """What the services-offered block needs, read-only or (with ``form``) being edited."""
    return {
        "dom_id": SERVICES_DOM_ID,
        "services": live.services,
        "form": form,
        "focus": focus,
        "can_edit": request.membership.can("edit"),
        "urls": services_urls(request, charter),
    }


def editor_context(request, charter: Charter, membership) -> dict:
    live = load(charter)
    if not live.scope.pk:
        live.scope = ensure_scope(charter)
    keep_request_phases(request, charter.pk, live.phases)
    return {
        "budget_block": BUDGET.context(request, charter, live.scope),
        "services_block": services_context(request, charter, live),
        "audiences": AUDIENCE_TABLE.table_context(request, charter, live.audiences),
        "funding": FUNDING_TABLE.table_context(request, charter, live.funding_sources),
        "totals": live_totals(live.funding_sources),
        "headcounts": headcounts(live.audiences),
        "catalogue": catalogue_table(request),
        "missing": completeness(snapshot_of(live)),
    }
