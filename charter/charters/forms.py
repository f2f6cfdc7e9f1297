from django import forms
from django.utils.translation import gettext_lazy as _

from charter.formatting import content_language
from charter.models import Charter


class CharterForm(forms.ModelForm):
    class Meta:
        model = Charter
        fields = ["title", "period_start", "period_end", "language"]
        widgets = {
            "period_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "period_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "title": _(
                "Name the function and the period, e.g. “Global Sales Enablement Charter FY27”."
            ),
            "period_start": _("The first day this charter governs."),
            "period_end": _("The last day, usually the end of the fiscal year."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance._state.adding and "language" not in kwargs.get("initial", {}):
            # A new charter is written in the language its author reads, not in English.
            self.initial["language"] = content_language()
