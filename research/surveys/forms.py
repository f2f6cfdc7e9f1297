"""The sales-force survey, its questions, and a response typed in."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..forms import DATE_INPUT, RevisionedForm
from ..models import Survey, SurveyQuestion, SurveyResponse
from .results import filter_options


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
