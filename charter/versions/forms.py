import unicodedata

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from charter.periods import proposed_quarter, quarter_label


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

    publish_anyway = forms.BooleanField(
        label=_("Publish anyway, with the sections still missing something"),
        required=False,
    )

    def __init__(self, *args, charter, missing: list | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.missing = missing or []
        self.fields["label"].initial = quarter_label(
            proposed_quarter(timezone.localdate(), charter.period_start, charter.period_end)
        )
        if not self.missing:
            del self.fields["publish_anyway"]

    def clean(self):
        cleaned_data = super().clean()
        if self.missing and not cleaned_data.get("publish_anyway"):
            self.add_error(
                "publish_anyway",
                _(
                    'Some sections are still incomplete: tick "Publish anyway" to publish '
                    "them as they are, or complete them first."
                ),
            )
        cleaned_data.pop("publish_anyway", None)
        return cleaned_data

    def clean_label(self):
        label = self.cleaned_data["label"]
        if any(unicodedata.category(character).startswith("C") for character in label):
            raise forms.ValidationError(
                _("Use letters, digits and punctuation only, without line breaks.")
            )
        return label
