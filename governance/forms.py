from django import forms
from django.utils.translation import gettext_lazy as _

from charter.models import Charter, Membership

from .models import (
    ActionItem,
    AdvisoryBoard,
    AgendaItem,
    ApprovalRule,
    BoardSeat,
    Meeting,
    MeetingDecision,
    MeetingFormat,
    VoteDecision,
)
from .reauth import TooManyWrongPasswords, confirm_password
from .tokens import LONGEST_LINK_DAYS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RevisionForm(forms.ModelForm):
    """Carries the revision the user started from, for optimistic concurrency on save."""

    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revision"].initial = self.instance.revision

    def changed_fields(self) -> list[str]:
        return [name for name in self.changed_data if name != "revision"]

    def changed_values(self) -> dict[str, list]:
        """What the save changes as {field: [before, after]} in words, for the audit trail."""
        return {
            name: [self._in_words(name, self.initial.get(name)), self._in_words(name, value)]
            for name in self.changed_fields()
            for value in [self.cleaned_data.get(name)]
        }

    def _in_words(self, name: str, value):
        if isinstance(value, bool) or value is None:
            return value
        field = self.fields[name]
        if isinstance(field, forms.TypedChoiceField | forms.ChoiceField) and not isinstance(
            field, forms.ModelChoiceField
        ):
            return str(dict(field.choices).get(value, value))
        return value.isoformat() if hasattr(value, "isoformat") else str(value)


class BoardSettingsForm(RevisionForm):
    class Meta:
        model = AdvisoryBoard
        fields = [
            "cadence",
            "annual_in_person",
            "next_review_on",
            "approval_rule",
            "chair_plus_count",
            "outside_reviewers_may_vote",
        ]
        widgets = {"next_review_on": DATE}
        help_texts = {
            "next_review_on": _(
                "When the board next reviews the charter; shown as overdue once past."
            ),
        }

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("approval_rule") != ApprovalRule.CHAIR_PLUS
            and "chair_plus_count" in self.errors
        ):
            # N only matters for the chair-plus rule; do not block other rules on it.
            del self.errors["chair_plus_count"]
            cleaned["chair_plus_count"] = self.instance.chair_plus_count
        return cleaned


class BoardSeatForm(forms.ModelForm):
    class Meta:
        model = BoardSeat
        fields = ["membership", "title", "function", "is_chair"]
        labels = {"membership": _("Board member")}
        help_texts = {
            "membership": _("Members with the board role. Invite people as board members first."),
            "is_chair": _("Naming a new chair hands the chair over."),
        }

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["membership"]
        if self.instance.pk:
            field.queryset = Membership.objects.filter(pk=self.instance.membership_id)
            field.disabled = True
        else:
            field.queryset = candidates
        field.label_from_instance = lambda m: m.user.get_full_name() or m.user.get_username()
        field.empty_label = _("Choose a member")


class BallotForm(forms.Form):
    """A decision and its reason; asking for changes needs a reason the editors can act on."""

    decision = forms.ChoiceField(
        label=_("Your decision"), choices=VoteDecision.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("Reason for your vote"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Say why, especially when you request changes."),
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("decision") == VoteDecision.REQUEST_CHANGES
            and not cleaned.get("comment", "").strip()
        ):
            self.add_error("comment", _("Tell the editors what to change."))
        return cleaned


class VoteForm(BallotForm):
    """A board member's ballot, which asks for their password unless they just gave it."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_(
            "Votes need your password again; it covers your votes for the next few minutes."
        ),
    )

    def __init__(self, *args, request, reauthenticated: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        if reauthenticated:
            del self.fields["password"]

    def clean_password(self):
        password = self.cleaned_data["password"]
        try:
            confirmed = confirm_password(self.request, password)
        except TooManyWrongPasswords:
            raise forms.ValidationError(
                _(
                    "Too many wrong passwords. Your vote was not counted; wait a few minutes "
                    "and try again."
                ),
                code="throttled",
            ) from None
        if not confirmed:
            raise forms.ValidationError(_("That password is not right. Your vote was not counted."))
        return password


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Comment"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Markdown is allowed."),
    )


class OutsideReviewerForm(forms.Form):
    charter = forms.ModelChoiceField(
        label=_("Charter"), queryset=Charter.objects.none(), empty_label=None
    )
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("Email"))
    may_vote = forms.BooleanField(
        label=_("May vote"),
        required=False,
        help_text=_("Their vote counts as one more seat under the board's approval rule."),
    )
    days = forms.IntegerField(
        label=_("Link valid for (days)"), min_value=1, max_value=LONGEST_LINK_DAYS, initial=21
    )

    def __init__(self, *args, board: AdvisoryBoard, charters, **kwargs):
        super().__init__(*args, **kwargs)
        self.board = board
        self.fields["charter"].queryset = charters

    def clean_may_vote(self):
        may_vote = self.cleaned_data["may_vote"]
        if may_vote and not self.board.outside_reviewers_may_vote:
            raise forms.ValidationError(
                _(
                    "The board does not let outside reviewers vote. Allow it on the board page first."
                )
            )
        return may_vote


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
        owner.queryset = Membership.objects.filter(workspace=workspace).select_related("user")
        owner.label_from_instance = lambda m: m.user.get_full_name() or m.user.get_username()
        owner.empty_label = _("Unassigned")
