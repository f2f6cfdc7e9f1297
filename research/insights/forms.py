"""An insight and the evidence it rests on, all from the same charter's research."""

from django import forms
from django.utils.translation import gettext_lazy as _

from charter.registry import registry

from ..forms import RevisionedForm
from ..models import Insight, SurveyQuestion


class EvidenceChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return getattr(obj, "label", str(obj))


EVIDENCE = ["interviews", "audit_activities", "survey_questions", "benchmarks"]


class InsightForm(RevisionedForm):
    section_key = forms.ChoiceField(
        label=_("Charter section"), help_text=_("The part of the charter this insight informs.")
    )

    class Meta:
        model = Insight
        fields = ["statement", "section_key", "detail", *EVIDENCE]
        field_classes = {name: EvidenceChoiceField for name in EVIDENCE}
        widgets = {"detail": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, charter, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section_key"].choices = [
            (section.key, section.title) for section in registry.all()
        ]
        # Evidence can only come from this charter's research.
        self.fields["interviews"].queryset = charter.interviews.all()
        self.fields["audit_activities"].queryset = charter.audit_activities.all()
        self.fields["survey_questions"].queryset = SurveyQuestion.objects.filter(
            survey__charter=charter
        ).select_related("survey")
        self.fields["benchmarks"].queryset = charter.benchmarks.all()
