"""A ballot on a version under review, and a comment on it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from charter.second_factor import TooManyWrongCodes

from ..models import VoteDecision
from .reauth import (
    TooManyWrongPasswords,
    asks_for_code,
    code_is_right,
    password_is_right,
    record_confirmation,
)


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
    """A board member's ballot, which asks for their password (and a code from their
    authenticator app, when they have one) unless they just gave them."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_(
            "Votes need your password again; it covers your votes for the next few minutes."
        ),
    )
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=64,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
        help_text=_("Six digits from the app, or one of your unused recovery codes."),
    )

    def __init__(self, *args, request, version_id: int, reauthenticated: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.version_id = version_id
        # An account made by single sign-on has no password here: its code alone confirms.
        self.has_password = request.user.has_usable_password()
        if reauthenticated or not self.has_password:
            del self.fields["password"]
        if reauthenticated or not asks_for_code(request.user):
            del self.fields["code"]
        self.cannot_confirm = not reauthenticated and not self.fields.keys() & {"password", "code"}

    def clean(self):
        cleaned = super().clean()
        if self.cannot_confirm:
            raise forms.ValidationError(
                _(
                    "Your account logs in through single sign-on and has no password here. "
                    "Set up an authenticator app (Security, at the top of the page) to vote."
                ),
                code="no_factor",
            )
        return cleaned

    def clean_password(self):
        password = self.cleaned_data["password"]
        try:
            right = password_is_right(self.request, password)
        except TooManyWrongPasswords:
            raise forms.ValidationError(
                _(
                    "Too many wrong passwords. Your vote was not counted; wait a few minutes "
                    "and try again."
                ),
                code="throttled",
            ) from None
        if not right:
            raise forms.ValidationError(_("That password is not right. Your vote was not counted."))
        if "code" not in self.fields:
            record_confirmation(self.request, self.version_id, with_code=False)
        return password

    def clean_code(self):
        code = self.cleaned_data["code"]
        # A code is checked (and spent) only behind the right password.
        if "password" in self._errors:
            return code
        try:
            right = code_is_right(self.request, code)
        except TooManyWrongCodes:
            raise forms.ValidationError(
                _(
                    "Too many wrong codes. Your vote was not counted; wait a few minutes and "
                    "try again."
                ),
                code="throttled",
            ) from None
        if not right:
            raise forms.ValidationError(
                _(
                    "That code is not right. Your vote was not counted; type the current code "
                    "from your authenticator app."
                )
            )
        record_confirmation(self.request, self.version_id, with_code=True)
        return code


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Comment"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Markdown is allowed."),
    )
