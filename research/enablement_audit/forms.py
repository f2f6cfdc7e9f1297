"""One activity of the enablement audit."""

from django import forms

from ..forms import RevisionedForm
from ..models import AuditActivity


class AuditActivityForm(RevisionedForm):
    class Meta:
        model = AuditActivity
        fields = [
            "activity",
            "kind",
            "owner_team",
            "requester",
            "channel",
            "frequency",
            "is_formal",
            "made_by_sellers",
            "effort_hours_per_month",
            "pain_points",
        ]
        widgets = {"pain_points": forms.Textarea(attrs={"rows": 3})}
