from django import forms
from django.utils.translation import gettext_lazy as _

from charter.models import ApiScope, ApiToken, Membership
from charter.models.api_tokens import SCOPE_CAPABILITY

LIFETIMES = [
    (30, _("30 days")),
    (90, _("90 days")),
    (180, _("180 days")),
    (365, _("1 year")),
]


class ApiTokenForm(forms.Form):
    """A new token for one of the person's workspaces, with no scope their role lacks."""

    workspace = forms.ModelChoiceField(
        label=_("Workspace"), queryset=Membership.objects.none(), empty_label=None
    )
    name = forms.CharField(
        label=_("Name"),
        max_length=ApiToken._meta.get_field("name").max_length,
        help_text=_("What will use it, e.g. “HubSpot sync”."),
    )
    scopes = forms.MultipleChoiceField(
        label=_("Scopes"),
        choices=ApiScope.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=[ApiScope.READ],
        help_text=_("A token can never do more than your role in the workspace allows."),
    )
    lifetime = forms.TypedChoiceField(
        label=_("Expires after"), choices=LIFETIMES, coerce=int, initial=90
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["workspace"]
        field.queryset = Membership.objects.filter(user=user).select_related("workspace")
        field.label_from_instance = lambda membership: membership.workspace.name

    def clean(self):
        cleaned = super().clean()
        membership, scopes = cleaned.get("workspace"), cleaned.get("scopes") or []
        if membership is not None:
            beyond = [
                str(ApiScope(scope).label)
                for scope in scopes
                if not membership.can(SCOPE_CAPABILITY[ApiScope(scope)])
            ]
            if beyond:
                self.add_error(
                    "scopes",
                    _("As %(role)s in this workspace you cannot grant: %(scopes)s.")
                    % {"role": membership.get_role_display(), "scopes": ", ".join(beyond)},
                )
        return cleaned
