"""A ballot on a version under review, and a comment on it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import VoteDecision
from .reauth import TooManyWrongPasswords, confirm_password


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

    def __init__(self, *args, request, version_id: int, reauthenticated: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.version_id = version_id
        if reauthenticated:
            del self.fields["password"]

    def clean_password(self):
        password = self.cleaned_data["password"]
        try:
            confirmed = confirm_password(self.request, password, self.version_id)
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
