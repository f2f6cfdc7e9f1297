"""Interviews of the charter's stakeholders, and the workspace's question guides for them.

The guides are the workspace's own, edited as the team learns."""

from datetime import date

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from charter.access import get_in_workspace, scoped, workspace_view

from ..models import Function, GuideQuestion, Interview, InterviewGuide
from ..records import RecordKind, delete_page, edit_page, research_charter
from .forms import GuideForm, GuideQuestionForm, InterviewForm

INTERVIEWS = RecordKind(
    Interview,
    InterviewForm,
    "research:interviews",
    "interviews",
    gettext_lazy("New interview"),
    gettext_lazy("Edit interview: %(object)s"),
    form_kwargs=lambda request, charter: {"workspace": request.workspace},
    defaults=lambda request: {"interviewer": request.user, "held_on": date.today()},
)


@workspace_view()
def interview_list(request, charter_pk):
    charter = research_charter(request, charter_pk)
    interviews = (
        scoped(request, Interview).filter(charter=charter).select_related("interviewer__profile")
    )
    function = request.GET.get("function", "")
    if function in Function.values:
        interviews = interviews.filter(function=function)
    context = {
        "charter": charter,
        "interviews": interviews,
        "functions": Function.choices,
        "function": function,
        "tab": "interviews",
    }
    return render(request, "research/interviews/interview_list.html", context)


@workspace_view()
def interview_detail(request, interview_pk):
    interview = get_in_workspace(
        request,
        Interview.objects.select_related("charter", "interviewer__profile"),
        pk=interview_pk,
    )
    guide = (
        InterviewGuide.for_workspace(request.workspace)
        .filter(stakeholder_type=interview.stakeholder_type)
        .first()
    )
    context = {
        "charter": interview.charter,
        "interview": interview,
        "guide": guide,
        "insights": interview.insights.all(),
        "tab": "interviews",
    }
    return render(request, "research/interviews/interview_detail.html", context)


@workspace_view()
def guide_list(request):
    guides = InterviewGuide.for_workspace(request.workspace)
    return render(
        request, "research/interviews/guide_list.html", {"guides": guides, "tab": "guides"}
    )


@workspace_view()
def guide_detail(request, interviewguide_pk):
    guide = get_in_workspace(
        request, InterviewGuide.objects.prefetch_related("questions"), pk=interviewguide_pk
    )
    return render(
        request, "research/interviews/guide_detail.html", {"guide": guide, "tab": "guides"}
    )


@workspace_view("research")
def guide_edit(request, interviewguide_pk):
    guide = get_in_workspace(request, InterviewGuide, pk=interviewguide_pk)
    form = GuideForm(request.POST or None, instance=guide)
    title = _("Purpose of the %(type)s guide") % {"type": guide.get_stakeholder_type_display()}
    return edit_page(
        request, form, charter=None, title=title, back=guide.get_absolute_url(), tab="guides"
    )


@workspace_view("research")
def guide_question_create(request, interviewguide_pk):
    guide = get_in_workspace(request, InterviewGuide, pk=interviewguide_pk)
    position = guide.questions.count()
    form = GuideQuestionForm(
        request.POST or None, instance=GuideQuestion(guide=guide, position=position)
    )
    return edit_page(
        request,
        form,
        charter=None,
        title=_("New question for the %(type)s guide")
        % {"type": guide.get_stakeholder_type_display()},
        back=guide.get_absolute_url(),
        tab="guides",
    )


@workspace_view("research")
def guide_question_edit(request, guidequestion_pk):
    question = get_in_workspace(
        request, GuideQuestion.objects.select_related("guide__workspace"), pk=guidequestion_pk
    )
    form = GuideQuestionForm(request.POST or None, instance=question)
    return edit_page(
        request,
        form,
        charter=None,
        title=_("Edit question"),
        back=question.get_absolute_url(),
        tab="guides",
    )


@workspace_view("research")
def guide_question_delete(request, guidequestion_pk):
    question = get_in_workspace(
        request, GuideQuestion.objects.select_related("guide__workspace"), pk=guidequestion_pk
    )
    return delete_page(
        request, question, charter=None, back=question.get_absolute_url(), tab="guides"
    )
