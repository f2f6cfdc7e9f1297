from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from charter.audit_trail.labels import action_label, object_type_label
from charter.people import person


class AuditFilterForm(forms.Form):
    """Filters of the audit trail; the choices come from the workspace's own events."""

    action = forms.ChoiceField(label=_("Action"), required=False)
    actor = forms.TypedChoiceField(label=_("Who"), required=False, coerce=int, empty_value=None)
    object_type = forms.ChoiceField(label=_("Object"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, events, **kwargs):
        super().__init__(*args, **kwargs)
        distinct = events.order_by()
        actions = distinct.values_list("action", flat=True).distinct()
        self.fields["action"].choices = [("", _("Any action"))] + sorted(
            ((action, action_label(action)) for action in actions), key=lambda c: c[1]
        )
        actors = (
            get_user_model()
            .objects.filter(pk__in=distinct.exclude(actor=None).values("actor"))
            .order_by("first_name", "last_name", "username")
        )
        self.fields["actor"].choices = [("", _("Anyone"))] + [
            (user.pk, person(user)) for user in actors
        ]
        types = distinct.exclude(object_type="").values_list("object_type", flat=True).distinct()
        self.fields["object_type"].choices = [("", _("Any object"))] + sorted(
            ((kind, object_type_label(kind)) for kind in types), key=lambda c: c[1]
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end date is before the start date."))
        return cleaned
