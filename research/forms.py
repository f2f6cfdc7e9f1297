from django import forms
from django.contrib.auth import get_user_model
from django.db import models
from django.utils.translation import gettext_lazy as _

from charter.registry import registry

from .models import (
    AuditActivity,
    Benchmark,
    Champion,
    GuideQuestion,
    Insight,
    Interview,
    InterviewGuide,
    Survey,
    SurveyQuestion,
    SurveyResponse,
)
from .results import filter_options

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


class InterviewForm(RevisionedForm):
    class Meta:
        model = Interview
        fields = [
            "interviewee",
            "job_title",
            "function",
            "stakeholder_type",
            "held_on",
            "interviewer",
            "key_quotes",
            "notes",
        ]
        widgets = {
            "held_on": DATE_INPUT,
            "key_quotes": forms.Textarea(attrs={"rows": 4}),
            "notes": forms.Textarea(attrs={"rows": 12}),
        }

    def __init__(self, *args, workspace, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interviewer"].queryset = (
            get_user_model().objects.filter(memberships__workspace=workspace).order_by("first_name")
        )
        self.fields["interviewer"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )


class ChampionForm(RevisionedForm):
    class Meta:
        model = Champion
        fields = ["name", "job_title", "function", "influence", "stance", "notes"]


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


def https_by_default(model_field, **kwargs):
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return model_field.formfield(**kwargs)


class BenchmarkForm(RevisionedForm):
    class Meta:
        model = Benchmark
        fields = ["company", "kind", "practice", "source", "source_url", "relevance"]
        formfield_callback = https_by_default
        widgets = {"practice": forms.Textarea(attrs={"rows": 5})}


class SurveyForm(RevisionedForm):
    class Meta:
        model = Survey
        fields = ["title", "description", "opened_on", "closed_on"]
        widgets = {
            "opened_on": DATE_INPUT,
            "closed_on": DATE_INPUT,
            "description": forms.Textarea(attrs={"rows": 4}),
        }


class SurveyQuestionForm(RevisionedForm):
    class Meta:
        model = SurveyQuestion
        fields = ["text", "short_label", "kind", "options", "required", "position"]
        widgets = {"options": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"position": _("Questions are listed from the lowest number up.")}


class GuideForm(RevisionedForm):
    class Meta:
        model = InterviewGuide
        fields = ["purpose"]
        widgets = {"purpose": forms.Textarea(attrs={"rows": 3})}


class GuideQuestionForm(RevisionedForm):
    class Meta:
        model = GuideQuestion
        fields = ["topic", "text", "position"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"position": _("Questions are listed from the lowest number up.")}


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


class SurveyResponseForm(forms.ModelForm):
    """The survey's questions as fields; answers are checked by each question's own rules."""

    class Meta:
        model = SurveyResponse
        fields = ["role", "region", "respondent", "submitted_on"]
        widgets = {"submitted_on": DATE_INPUT}

    def __init__(self, *args, survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(survey.questions.all())
        # Offer the roles and regions already used, so that results filter cleanly.
        options = filter_options(survey)
        self.suggestions = {"role": options["roles"], "region": options["regions"]}
        for name in self.suggestions:
            self.fields[name].widget.attrs["list"] = f"{name}-suggestions"
        for question in self.questions:
            self.fields[f"q{question.pk}"] = self._field_for(question)

    @staticmethod
    def _field_for(question: SurveyQuestion) -> forms.Field:
        common = {"label": question.text, "required": question.required}
        if question.kind == SurveyQuestion.Kind.SCALE:
            return forms.ChoiceField(
                choices=[(str(n), str(n)) for n in range(1, 6)],
                widget=forms.RadioSelect(attrs={"class": "scale"}),
                help_text=_("1 = strongly disagree, 5 = strongly agree."),
                **common,
            )
        if question.kind == SurveyQuestion.Kind.CHOICE:
            return forms.ChoiceField(
                choices=[(option, option) for option in question.option_list],
                widget=forms.RadioSelect,
                **common,
            )
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), **common)

    def clean(self):
        cleaned = super().clean()
        answers = {}
        for question in self.questions:
            name = f"q{question.pk}"
            if name in self.errors:
                continue
            try:
                value = question.parse_answer(cleaned.get(name))
            except forms.ValidationError as error:
                self.add_error(name, error)
                continue
            if value is not None:
                answers[str(question.pk)] = value
        if not answers and not self.errors:
            raise forms.ValidationError(_("Answer at least one question."))
        self.instance.answers = answers
        return cleaned
