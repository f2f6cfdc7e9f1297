"""Section 6, collaboration: partner teams, who does what (RACI) and when teams meet."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404, QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from charter.editing.specs import EditForm, RowEditor
from charter.models import Charter, MeetingCadence, PartnerTeam
from charter.sections.collaboration import raci
from charter.sections.collaboration.snapshot import (
    LiveCollaboration,
    completeness,
    load,
    snapshot_of,
)

SECTION_KEY = "collaboration"


class PartnerTeamForm(EditForm):
    class Meta:
        model = PartnerTeam
        fields = ["name", "description"]
        help_texts = {
            "name": gettext_lazy("A team enablement works with, e.g. Sales Ops or Marketing."),
            "description": gettext_lazy("What they bring to enablement, in a sentence."),
        }

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        taken = PartnerTeam.objects.filter(charter=self.parent, name__iexact=name).exclude(
            pk=self.instance.pk
        )
        if taken.exists():
            raise forms.ValidationError(_("“%(name)s” is already a partner team.") % {"name": name})
        return name


class MeetingCadenceForm(EditForm):
    class Meta:
        model = MeetingCadence
        fields = ["name", "frequency", "purpose", "participants"]
        help_texts = {
            "name": gettext_lazy("What people call the meeting, e.g. “Launch readiness review”."),
            "purpose": gettext_lazy("The decision or outcome the meeting exists for."),
            "participants": gettext_lazy("Teams or roles who attend, comma separated."),
        }


PARTNER_TEAM_TABLE = RowEditor(
    key="partner-team",
    model=PartnerTeam,
    form_class=PartnerTeamForm,
    row_template="charter/sections/collaboration/partner_team_row.html",
    prefix="charters/<int:charter_pk>/partner-teams/",
    headers=((gettext_lazy("Team"), ""), (gettext_lazy("What they bring"), "")),
    empty_text=gettext_lazy("No partner team yet."),
    add_label=gettext_lazy("Add partner team"),
    section_key=SECTION_KEY,
)
CADENCE_TABLE = RowEditor(
    key="cadence",
    model=MeetingCadence,
    form_class=MeetingCadenceForm,
    row_template="charter/sections/collaboration/cadence_row.html",
    prefix="charters/<int:charter_pk>/cadences/",
    headers=(
        (gettext_lazy("Meeting"), ""),
        (gettext_lazy("Frequency"), ""),
        (gettext_lazy("Purpose"), ""),
        (gettext_lazy("Participants"), ""),
    ),
    empty_text=gettext_lazy("No meeting yet."),
    add_label=gettext_lazy("Add meeting"),
    section_key=SECTION_KEY,
)

CELL_FIELD = re.compile(r"cell-(\d+)-(\d+)")


def raci_changes(data: QueryDict, live: LiveCollaboration) -> list[raci.CellChange]:
    """The cells of a posted grid: ``cell-<service>-<team>`` beside ``was-<service>-<team>``.

    A cell naming a service not offered or a team not of this charter is a 404, like any
    forged id; a letter other than R, A, C, I or nothing is a validation error.
    """
    services = {service.pk: service for service in live.services}
    teams = {team.pk: team for team in live.partner_teams}
    changes = []
    for key, letter in data.items():
        match = CELL_FIELD.fullmatch(key)
        if not match:
            continue
        service = services.get(int(match[1]))
        team = teams.get(int(match[2]))
        if service is None or team is None:
            raise Http404("No such cell in this charter's RACI matrix.")
        if letter not in ("", *raci.LETTERS):
            raise ValidationError(
                _("Choose R, A, C, I or nothing for %(service)s × %(team)s.")
                % {"service": service, "team": team}
            )
        was = data.get(f"was-{match[1]}-{match[2]}", "")
        changes.append(raci.CellChange(service, team, letter, was))
    return changes


def raci_context(request, charter: Charter, live: LiveCollaboration, **extra) -> dict:
    args = [request.workspace.slug, charter.pk]
    return {
        "matrix": live.matrix,
        "can_edit": request.membership.can("edit"),
        "urls": {
            "grid": reverse("charter:raci", args=args),
            "save": reverse("charter:raci-save", args=args),
            "scope": reverse("charter:section", args=[*args, "scope"]),
        },
        **extra,
    }


def editor_context(request, charter: Charter, membership) -> dict:
    live = load(charter)
    return {
        "partner_teams": PARTNER_TEAM_TABLE.table_context(request, charter, live.partner_teams),
        "raci": raci_context(request, charter, live),
        "cadences": CADENCE_TABLE.table_context(request, charter, live.meeting_cadences),
        "missing": completeness(snapshot_of(live)),
    }
