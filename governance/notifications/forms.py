from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import NotificationEvent, NotificationPreference, WebhookEndpoint


class WebhookEndpointForm(forms.ModelForm):
    events = forms.MultipleChoiceField(
        label=_("events"),
        choices=NotificationEvent.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("%(value)s is not an event you can choose."),
            "required": _("Choose at least one event."),
        },
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["name", "kind", "url", "events"]
        widgets = {"url": forms.URLInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["url"].assume_scheme = "https"


class NotificationPreferenceForm(forms.ModelForm):
    class Meta:
        model = NotificationPreference
        fields = ["mode"]
        widgets = {"mode": forms.RadioSelect}
