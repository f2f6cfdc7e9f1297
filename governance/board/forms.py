"""The board's settings and its seats."""

from django import forms
from django.utils.translation import gettext_lazy as _

from charter.models import Membership
from charter.people import person

from ..forms import DATE, RevisionForm
from ..models import AdvisoryBoard, ApprovalRule, BoardSeat


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
        field.label_from_instance = lambda m: person(m.user)
        field.empty_label = _("Choose a member")
