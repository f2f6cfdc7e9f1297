import unicodedata

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from charter.periods import quarter_label


class VersionForm(forms.Form):
    label = forms.CharField(
        label=_("Label"),
        max_length=40,
        help_text=_("Usually the quarter it is meant for, e.g. 2026-Q4."),
    )
    summary = forms.CharField(
        label=_("Summary of changes"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "What changed since the last version and why, in a few lines: the board reads "
            "this first. Markdown works."
        ),
        error_messages={"required": _("Tell the board what changed in this version.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["label"].initial = quarter_label(timezone.localdate())

    def clean_label(self):
        label = self.cleaned_data["label"]
        if any(unicodedata.category(character).startswith("C") for character in label):
            raise forms.ValidationError(
                _("Use letters, digits and punctuation only, without line breaks.")
            )
        return label
