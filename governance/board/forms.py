"""The board's settings and its seats."""

from django import forms
from django.utils.translation import gettext_lazy as _

from charter.models import Membership
from charter.workspaces.membership import pending_invitation

from ..forms import DATE, RevisionForm
from ..models import AdvisoryBoard, ApprovalRule, BoardFunction, BoardSeat


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
        fields = ["title", "function", "is_chair"]
        help_texts = {"is_chair": _("Naming a new chair hands the chair over.")}


class SeatInvitationForm(forms.Form):
    """An invitation to a seat: the Members page's, with the board role and the seat."""

    email = forms.EmailField(label=_("Email"))
    display_name = forms.CharField(
        label=_("Name"), max_length=150, help_text=_("As the invitation should greet them.")
    )
    function = forms.ChoiceField(label=_("Function on the board"), choices=BoardFunction.choices)
    is_chair = forms.BooleanField(
        label=_("Chair"),
        required=False,
        help_text=_("Naming a new chair hands the chair over once they accept."),
    )

    def __init__(self, *args, workspace, **kwargs):
        self.workspace = workspace
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if Membership.objects.filter(workspace=self.workspace, user__email__iexact=email).exists():
            raise forms.ValidationError(_("This person is already a member of the workspace."))
        if pending_invitation(self.workspace, email) is not None:
            raise forms.ValidationError(
                _("An invitation to this address is already waiting; it can be accepted as it is.")
            )
        return email

    def clean_display_name(self):
        name = self.cleaned_data["display_name"].strip()
        if not name:
            raise forms.ValidationError(_("Enter the name to greet them with."))
        return name
