"""Inviting someone from outside the workspace to review a charter."""

from django import forms
from django.utils.translation import gettext_lazy as _

from charter.models import Charter

from ..models import AdvisoryBoard
from ..tokens import LONGEST_LINK_DAYS


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
