"""Board meetings: scheduling, minutes, agenda items, decisions and action items."""

from django import forms
from django.utils.translation import gettext_lazy as _

from charter.models import Charter, Membership
from charter.people import person

from ..forms import DATE, RevisionForm
from ..models import ActionItem, AgendaItem, Meeting, MeetingDecision, MeetingFormat


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
        widgets = {"due_on": DATE}

    def __init__(self, *args, workspace, **kwargs):
        super().__init__(*args, **kwargs)
        owner = self.fields["owner"]
        owner.queryset = Membership.objects.filter(workspace=workspace).select_related(
            "user__profile"
        )
        owner.label_from_instance = lambda m: person(m.user)
        owner.empty_label = _("Unassigned")
