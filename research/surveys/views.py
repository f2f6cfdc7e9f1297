"""The sales-force survey: its questions, responses typed in, and aggregated results."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from charter.access import get_in_workspace, scoped, workspace_view
from charter.models import AuditEvent

from ..models import Survey, SurveyQuestion, SurveyResponse
from ..records import RecordKind, delete_page, edit_page, evidence_warning, research_charter
from .forms import SurveyForm, SurveyQuestionForm, SurveyResponseForm
from .results import filter_options, survey_results

RESULTS_TEXT_SAMPLE = 50

SURVEYS = RecordKind(
    Survey,
    SurveyForm,
    "research:surveys",
    "surveys",
    gettext_lazy("New survey"),
    gettext_lazy("Edit survey: %(object)s"),
)


def get_survey(request, survey_pk) -> Survey:
    return get_in_workspace(
        request, Survey.objects.select_related("charter__workspace"), pk=survey_pk
    )


@workspace_view()
def survey_list(request, charter_pk):
    charter = research_charter(request, charter_pk)
    surveys = scoped(request, Survey).filter(charter=charter).with_counts()
    context = {"charter": charter, "surveys": surveys, "tab": "surveys"}
    return render(request, "research/surveys/survey_list.html", context)


@workspace_view()
def survey_detail(request, survey_pk):
    survey = get_survey(request, survey_pk)
    context = {
        "charter": survey.charter,
        "survey": survey,
        "questions": survey.questions.all(),
        "response_count": survey.responses.count(),
        "imports": survey.imports.select_related("created_by__profile")[:10],
        "tab": "surveys",
    }
    return render(request, "research/surveys/survey_detail.html", context)


@workspace_view("research")
def question_create(request, survey_pk):
    survey = get_survey(request, survey_pk)
    question = SurveyQuestion(survey=survey, position=survey.questions.count() + 1)
    form = SurveyQuestionForm(request.POST or None, instance=question)
    return edit_page(
        request,
        form,
        charter=survey.charter,
        title=_("New question"),
        back=survey.get_absolute_url(),
        tab="surveys",
    )


def _question(request, surveyquestion_pk) -> SurveyQuestion:
    return get_in_workspace(
        request,
        SurveyQuestion.objects.select_related("survey__charter__workspace"),
        pk=surveyquestion_pk,
    )


@workspace_view("research")
def question_edit(request, surveyquestion_pk):
    question = _question(request, surveyquestion_pk)
    form = SurveyQuestionForm(request.POST or None, instance=question)
    return edit_page(
        request,
        form,
        charter=question.survey.charter,
        title=_("Edit question"),
        back=question.get_absolute_url(),
        tab="surveys",
    )


@workspace_view("research")
def question_delete(request, surveyquestion_pk):
    question = _question(request, surveyquestion_pk)
    answered = question.answer_count()
    warning = ngettext(
        "%(count)s response answered it; that answer will no longer be counted.",
        "%(count)s responses answered it; those answers will no longer be counted.",
        answered,
    ) % {"count": answered}
    warning = " ".join(filter(None, [warning if answered else "", evidence_warning(question)]))
    return delete_page(
        request,
        question,
        charter=question.survey.charter,
        back=question.get_absolute_url(),
        tab="surveys",
        warning=warning,
    )


@workspace_view()
def results(request, survey_pk):
    survey = get_survey(request, survey_pk)
    options = filter_options(survey)
    role = request.GET.get("role", "") if request.GET.get("role") in options["roles"] else ""
    region = (
        request.GET.get("region", "") if request.GET.get("region") in options["regions"] else ""
    )
    context = {
        "charter": survey.charter,
        "survey": survey,
        "options": options,
        "results": survey_results(
            survey,
            survey.questions.all(),
            role=role,
            region=region,
            text_sample=RESULTS_TEXT_SAMPLE,
        ),
        "tab": "surveys",
    }
    template = (
        "research/surveys/partials/survey_results.html"
        if request.htmx
        else "research/surveys/survey_results.html"
    )
    return render(request, template, context)


@workspace_view()
def response_list(request, survey_pk):
    survey = get_survey(request, survey_pk)
    questions = list(survey.questions.all())
    page = Paginator(survey.responses.order_by("-created_at", "-pk"), 50).get_page(
        request.GET.get("page")
    )
    for response in page:
        response.answer_list = [response.answers.get(str(q.pk), "") for q in questions]
    context = {
        "charter": survey.charter,
        "survey": survey,
        "questions": questions,
        "page": page,
        "tab": "surveys",
    }
    return render(request, "research/surveys/response_list.html", context)


@workspace_view("research")
def response_create(request, survey_pk):
    survey = get_survey(request, survey_pk)
    response = SurveyResponse(survey=survey, created_by=request.user)
    form = SurveyResponseForm(request.POST or None, instance=response, survey=survey)
    context = {"charter": survey.charter, "survey": survey, "form": form, "tab": "surveys"}
    if request.method != "POST":
        return render(request, "research/surveys/response_form.html", context)
    if not form.is_valid():
        return render(request, "research/surveys/response_form.html", context, status=400)
    form.save()
    AuditEvent.record(request.workspace, request.user, "research.surveyresponse.created", response)
    messages.success(request, _("Response saved. Enter the next one."))
    return redirect("research:response-create", request.workspace.slug, survey.pk)


@workspace_view("research")
def response_delete(request, surveyresponse_pk):
    response = get_in_workspace(
        request,
        SurveyResponse.objects.select_related("survey__charter__workspace"),
        pk=surveyresponse_pk,
    )
    return delete_page(
        request,
        response,
        charter=response.survey.charter,
        back=reverse("research:responses", args=[request.workspace.slug, response.survey_id]),
        tab="surveys",
    )
