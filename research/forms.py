"""What every research form builds on; each feature's forms sit in its package."""

from django import forms

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RevisionedForm(forms.ModelForm):
    """Carries the revision the user started from, so a concurrent save is caught, not lost."""

    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revision"].initial = self.instance.revision

    def save_revision(self, by):
        obj = self.save(commit=False)
        obj.save_revision(self.cleaned_data.get("revision") or obj.revision, by=by)
        self.save_m2m()
        return obj

    def take_over(self, current) -> list[tuple[str, object]]:
        """After a conflict: the stored values that differ from the user's, and the form set
        to overwrite them if the user saves again."""
        self.data = self.data.copy()
        self.data["revision"] = current.revision
        return [
            (field.label, _display(current, name))
            for name, field in self.fields.items()
            if name in self.Meta.fields
            and not isinstance(field, forms.ModelMultipleChoiceField)
            and self.cleaned_data.get(name) != getattr(current, name)
        ]


def _display(obj, name: str):
    label = getattr(obj, f"get_{name}_display", None)
    return label() if label else getattr(obj, name)
