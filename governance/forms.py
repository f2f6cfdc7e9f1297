"""What the governance forms build on; each feature's forms sit in its package."""

from django import forms

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RevisionForm(forms.ModelForm):
    """Carries the revision the user started from, for optimistic concurrency on save."""

    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revision"].initial = self.instance.revision

    def changed_fields(self) -> list[str]:
        return [name for name in self.changed_data if name != "revision"]

    def changed_values(self) -> dict[str, list]:
        """What the save changes as {field: [before, after]} in words, for the audit trail."""
        return {
            name: [self._in_words(name, self.initial.get(name)), self._in_words(name, value)]
            for name in self.changed_fields()
            for value in [self.cleaned_data.get(name)]
        }

    def _in_words(self, name: str, value):
        if isinstance(value, bool) or value is None:
            return value
        field = self.fields[name]
        if isinstance(field, forms.TypedChoiceField | forms.ChoiceField) and not isinstance(
            field, forms.ModelChoiceField
        ):
            return str(dict(field.choices).get(value, value))
        return value.isoformat() if hasattr(value, "isoformat") else str(value)
