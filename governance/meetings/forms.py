"""Board meetings: scheduling, minutes, agenda items, decisions and action items."""

from django import forms
from django.utils.translation import gettext_lazy as _

from charter.choice_fields import OneQueryModelChoiceField
from charter.models import Charter, Membership
from charter.people import person

from ..forms import DATE, RevisionForm
from ..models import (
    ActionItem,
    AgendaItem,
    Meeting,
    MeetingDecision,
    MeetingFormat,
    MinutesDecision,
    RollCall,
)


class MeetingForm(RevisionForm):
    video_link = forms.URLField(
        label=_("Video link"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("Where virtual attendees join."),
    )

    class Meta:
        model = Meeting
        fields = ["charter", "scheduled_at", "format", "location", "video_link"]
        labels = {"charter": _("Charter")}
        widgets = {
            "scheduled_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
        }

    def __init__(self, *args, workspace, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revision"].required = False
        if self.instance.pk:
            del self.fields["charter"]
        else:
            self.fields["charter"].queryset = Charter.objects.filter(workspace=workspace)
            self.fields["charter"].empty_label = None

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("format") == MeetingFormat.IN_PERSON
            and not cleaned.get("location", "").strip()
        ):
            self.add_error("location", _("Say where the board meets in person."))
        return cleaned


class MinutesForm(RevisionForm):
    class Meta:
        model = Meeting
        fields = ["minutes"]
        widgets = {"minutes": forms.Textarea(attrs={"rows": 10})}
        help_texts = {"minutes": _("Markdown is allowed.")}


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"notes": _("Markdown is allowed.")}


class MeetingDecisionForm(forms.ModelForm):
    class Meta:
        model = MeetingDecision
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}


class ActionItemForm(forms.ModelForm):
    class Meta:
        model = ActionItem
        fields = ["title", "owner", "due_on", "status"]
        field_classes = {"owner": OneQueryModelChoiceField}
        widgets = {"due_on": DATE}

    def __init__(self, *args, workspace, **kwargs):
        super().__init__(*args, **kwargs)
        owner = self.fields["owner"]
        owner.queryset = Membership.objects.filter(workspace=workspace).select_related(
            "user__profile"
        )
        owner.label_from_instance = lambda m: person(m.user)
        owner.empty_label = _("Unassigned")


class MinutesAnswerForm(forms.Form):
    decision = forms.ChoiceField(label=_("Your answer"), choices=MinutesDecision.choices)
    comment = forms.CharField(
        label=_("What needs correcting"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == MinutesDecision.CORRECT and not cleaned.get("comment", ""):
            self.add_error("comment", _("Say what needs correcting."))
        return cleaned


class ResolutionForm(forms.Form):
    """A motion, its mover and seconder, and one roll-call answer per board member."""

    motion = forms.CharField(
        label=_("Motion"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    mover = OneQueryModelChoiceField(label=_("Moved by"), queryset=Membership.objects.none())
    seconder = OneQueryModelChoiceField(label=_("Seconded by"), queryset=Membership.objects.none())

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = members
        queryset = Membership.objects.filter(pk__in=[m.pk for m in members]).select_related(
            "user__profile"
        )
        # Both fields list the same members: read once, in the queryset's order.
        rows = list(queryset)
        for name in ("mover", "seconder"):
            self.fields[name].queryset = queryset
            self.fields[name].loaded_rows = rows
            self.fields[name].label_from_instance = _member_name
        for member in members:
            self.fields[f"vote_{member.pk}"] = forms.ChoiceField(
                label=_member_name(member), choices=RollCall.choices, initial=RollCall.FOR
            )

    def clean(self):
        cleaned = super().clean()
        mover, seconder = cleaned.get("mover"), cleaned.get("seconder")
        if mover and seconder and mover == seconder:
            self.add_error("seconder", _("The seconder must be someone other than the mover."))
        return cleaned

    @property
    def votes(self) -> dict[int, str]:
        return {member.pk: self.cleaned_data[f"vote_{member.pk}"] for member in self.members}

    def vote_fields(self):
        return [self[f"vote_{member.pk}"] for member in self.members]


def _member_name(member) -> str:
    return person(member.user)
