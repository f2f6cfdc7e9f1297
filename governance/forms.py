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
