"""The interview question guides: the workspace's own, edited as the team learns."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from charter.access import get_in_workspace, workspace_view

from ..forms import GuideForm, GuideQuestionForm
from ..models import GuideQuestion, InterviewGuide
from .common import delete_page, edit_page


@workspace_view()
def guide_list(request):
    guides = InterviewGuide.for_workspace(request.workspace)
    return render(request, "research/guide_list.html", {"guides": guides, "tab": "guides"})


@workspace_view()
def guide_detail(request, interviewguide_pk):
    guide = get_in_workspace(
        request, InterviewGuide.objects.prefetch_related("questions"), pk=interviewguide_pk
    )
    return render(request, "research/guide_detail.html", {"guide": guide, "tab": "guides"})


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
