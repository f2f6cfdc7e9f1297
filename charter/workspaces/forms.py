from allauth.account.forms import LoginForm as AllauthLoginForm
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm
from django.utils.translation import gettext_lazy as _

from charter.models import Membership, Role, Workspace
from charter.people import save_display_name
from charter.second_factor import has_second_factor


class SignupForm(UserCreationForm):
    email = forms.EmailField(
        label=_("Email"), help_text=_("Invitations and review requests go here.")
    )
    display_name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        required=False,
        help_text=_("As you write it, e.g. “王芳” or “Ivan Petrov”; others see it on the charter."),
    )

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email")

    def save(self, commit=True):
        user = super().save(commit=commit)
        if commit:
            self.save_profile(user)
        return user

    def save_profile(self, user) -> None:
        """The name, once ``user`` is stored (after ``save(commit=False)``)."""
        save_display_name(user, self.cleaned_data["display_name"])

    def clean_email(self):
        # An address already in use is not an error: saying so would tell anyone which
        # emails have accounts (charter/workspaces/signup.py).
        return self.cleaned_data["email"].strip().lower()


class LoginForm(AllauthLoginForm):
    """allauth's log-in form in our words; the page links to the password reset itself."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("Username or email")
        self.fields["login"].widget.attrs.pop("placeholder", None)
        self.fields["password"].help_text = ""
        self.fields["password"].widget.attrs.pop("placeholder", None)


class WorkspaceForm(forms.ModelForm):
    class Meta:
        model = Workspace
        fields = ["name"]
        help_texts = {
            "name": _("Usually your company or the enablement team, e.g. “Acme Sales Enablement”.")
        }


class SecondFactorPolicyForm(forms.ModelForm):
    class Meta:
        model = Workspace
        fields = ["require_second_factor"]

    def __init__(self, *args, owner, **kwargs):
        self.owner = owner
        super().__init__(*args, **kwargs)

    def clean_require_second_factor(self):
        required = self.cleaned_data["require_second_factor"]
        # Otherwise the owner who ticks the box is locked out of the page to untick it.
        if required and not has_second_factor(self.owner):
            raise forms.ValidationError(
                _(
                    "Set up two-factor authentication for your own account first "
                    "(Security, at the top of the page)."
                )
            )
        return required


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email"))
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Role.choices,
        initial=Role.EDITOR,
        help_text=_(
            "Editors draft the charter; contributors comment and add research; board members "
            "review and vote; viewers read."
        ),
    )

    def __init__(self, *args, workspace: Workspace, **kwargs):
        self.workspace = workspace
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if Membership.objects.filter(workspace=self.workspace, user__email__iexact=email).exists():
            raise forms.ValidationError(_("This person is already a member of the workspace."))
        return email


class RoleForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role"]
