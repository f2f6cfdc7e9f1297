"""Interviews and the workspace's interview question guides."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from charter.people import person

from ..forms import DATE_INPUT, RevisionedForm
from ..models import GuideQuestion, Interview, InterviewGuide


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
        self.fields["interviewer"].label_from_instance = lambda user: person(user)


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
