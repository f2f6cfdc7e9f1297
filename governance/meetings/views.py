"""Board meetings: schedule, the editable agenda, minutes, decisions and action items."""

from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from charter.access import get_in_workspace, scoped, workspace_view
from charter.errors import DomainError
from charter.models import Charter, EditConflict, VersionStatus
from charter.redirects import safe_next

from ..models import ActionItem, AgendaItem, Meeting, MeetingDecision
from ..reviews.workflow import voting_seats
from .approval import minutes_tally, save_minutes
from .forms import (
    ActionItemForm,
    AgendaItemForm,
    MeetingDecisionForm,
    MeetingForm,
    MinutesAnswerForm,
    MinutesForm,
    ResolutionForm,
)
from .minutes import (
    add_decision,
    carried_over,
    closed_at_meeting,
    move_agenda_item,
    remove_agenda_item,
    remove_decision,
    save_action_item,
    save_agenda_item,
    schedule_meeting,
    update_meeting,
)

MEETING = Meeting.objects.select_related("charter__workspace")


@workspace_view()
def meetings(request):
    all_meetings = scoped(request, Meeting).select_related("charter")
    now = timezone.now()
    context = {
        "upcoming": sorted(
            (m for m in all_meetings if m.scheduled_at >= now), key=lambda m: m.scheduled_at
        ),
        "past": [m for m in all_meetings if m.scheduled_at < now],
        "can_edit": request.membership.can("edit"),
        "has_charter": scoped(request, Charter).exists(),
    }
    return render(request, "governance/meetings/meetings.html", context)


def _form_page(request, form, meeting=None, status=200):
    context = {"form": form, "meeting": meeting}
    return render(request, "governance/meetings/meeting_form.html", context, status=status)


@workspace_view("edit")
def meeting_create(request):
    form = MeetingForm(request.POST or None, workspace=request.workspace)
    if request.method != "POST":
        return _form_page(request, form)
    if not form.is_valid():
        return _form_page(request, form, status=400)
    meeting = schedule_meeting(form.save(commit=False), request.user)
    messages.success(request, _("Meeting scheduled with the standard agenda."))
    return redirect("governance:meeting", request.workspace.slug, meeting.pk)


@workspace_view("edit")
def meeting_edit(request, meeting_pk):
    meeting = get_in_workspace(request, MEETING, pk=meeting_pk)
    form = MeetingForm(request.POST or None, instance=meeting, workspace=request.workspace)
    if request.method != "POST":
        return _form_page(request, form, meeting)
    if not form.is_valid():
        return _form_page(request, form, meeting, status=400)
    try:
        update_meeting(
            form.save(commit=False),
            form.cleaned_data["revision"],
            request.user,
            form.changed_values(),
        )
    except EditConflict as conflict:
        # Keep what the user typed; saving again overwrites the other change knowingly.
        form.data = form.data.copy()
        form.data["revision"] = conflict.current.revision
        form.add_error(
            None, _("Someone else changed this meeting meanwhile. Check the values and save again.")
        )
        return _form_page(request, form, meeting, status=409)
    messages.success(request, _("Meeting saved."))
    return redirect("governance:meeting", request.workspace.slug, meeting.pk)


def _board_pack_version(meeting):
    """The version a board pack is made from: the approved one, else the newest."""
    # Only its id makes the export link.
    versions = meeting.charter.versions.defer("snapshot")
    return versions.filter(status=VersionStatus.APPROVED).first() or versions.first()


def meeting_context(request, meeting, **forms) -> dict:
    workspace = request.workspace
    version = _board_pack_version(meeting)
    try:
        export_url = version and reverse("charter:export-create", args=[workspace.slug, version.pk])
    except NoReverseMatch:
        export_url = None
    return {
        "meeting": meeting,
        "agenda": meeting.agenda_items.all(),
        "decisions": meeting.decisions.all(),
        "actions": meeting.action_items.select_related("owner__user__profile"),
        "carried_over": carried_over(meeting),
        "closed_here": closed_at_meeting(meeting),
        "can_edit": request.membership.can("edit"),
        "export_url": export_url,
        "minutes_form": forms.get("minutes_form")
        or MinutesForm(instance=meeting, prefix="minutes"),
        "agenda_form": forms.get("agenda_form") or AgendaItemForm(prefix="agenda"),
        "decision_form": forms.get("decision_form") or MeetingDecisionForm(prefix="decision"),
        "action_form": forms.get("action_form")
        or ActionItemForm(prefix="action", workspace=workspace),
        **governance_context(request, meeting, **forms),
    }


def governance_context(request, meeting, **forms) -> dict:
    """The minutes' approval state, the answer form and the resolutions of a meeting."""
    seats = list(voting_seats(meeting.charter.workspace))
    members = [seat.membership for seat in seats]
    answers = meeting.minutes_answers.filter(circulation=meeting.minutes_circulation)
    return {
        "minutes_answers": answers,
        "minutes_pending": len(minutes_tally(meeting, seats).pending) if members else 0,
        "my_minutes_answer": next(
            (a for a in answers if a.member_id == request.membership.pk), None
        ),
        "may_answer_minutes": any(m.pk == request.membership.pk for m in members),
        "answer_form": forms.get("answer_form") or MinutesAnswerForm(prefix="answer"),
        "resolutions": meeting.resolutions.prefetch_related("votes"),
        "resolution_form": forms.get("resolution_form")
        or ResolutionForm(prefix="resolution", members=members),
    }


def _meeting_page(request, meeting, status=200, block=None, **forms):
    """The whole meeting page, or one of its blocks for htmx."""
    context = meeting_context(request, meeting, **forms)
    template = (
        f"governance/meetings/partials/meeting_{block}.html"
        if request.htmx and block
        else "governance/meetings/meeting.html"
    )
    return render(request, template, context, status=status)


def _back(request, meeting, block, message=None):
    if message:
        messages.success(request, message)
    if request.htmx:
        return _meeting_page(request, meeting, block=block)
    url = reverse("governance:meeting", args=[request.workspace.slug, meeting.pk])
    return redirect(f"{url}#{block}")


@workspace_view()
def meeting(request, meeting_pk):
    meeting = get_in_workspace(request, MEETING, pk=meeting_pk)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    return _meeting_page(request, meeting)


@workspace_view("edit")
@require_POST
def meeting_minutes(request, meeting_pk):
    meeting = get_in_workspace(request, MEETING, pk=meeting_pk)
    form = MinutesForm(request.POST, instance=meeting, prefix="minutes")
    if not form.is_valid():
        return _meeting_page(request, meeting, 400, "minutes", minutes_form=form)
    try:
        save_minutes(form.save(commit=False), form.cleaned_data["revision"], request.user)
    except EditConflict as conflict:
        messages.error(
            request,
            _(
                "Someone else saved the minutes meanwhile. Theirs are shown; yours are in the box. Merge and save again."
            ),
        )
        form = MinutesForm(request.POST, instance=conflict.current, prefix="minutes")
        form.data = form.data.copy()
        form.data["minutes-revision"] = conflict.current.revision
        return _meeting_page(request, conflict.current, 409, "minutes", minutes_form=form)
    except DomainError as error:
        # The typed text stays in the box: nothing the user wrote is lost.
        messages.error(request, str(error))
        stored = get_in_workspace(request, MEETING, pk=meeting_pk)
        return _meeting_page(request, stored, 409, "minutes", minutes_form=form)
    return _back(request, meeting, "minutes", _("Minutes saved."))


@workspace_view("edit")
@require_POST
def agenda_add(request, meeting_pk):
    meeting = get_in_workspace(request, MEETING, pk=meeting_pk)
    form = AgendaItemForm(request.POST, prefix="agenda", instance=AgendaItem(meeting=meeting))
    if not form.is_valid():
        return _meeting_page(request, meeting, 400, "agenda", agenda_form=form)
    save_agenda_item(form.save(commit=False), request.user)
    return _back(request, meeting, "agenda")


AGENDA_ITEM = AgendaItem.objects.select_related("meeting__charter__workspace")


@workspace_view("edit")
def agenda_edit(request, agendaitem_pk):
    item = get_in_workspace(request, AGENDA_ITEM, pk=agendaitem_pk)
    form = AgendaItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        save_agenda_item(form.save(commit=False), request.user)
        return _back(request, item.meeting, "agenda", _("Agenda item saved."))
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "governance/meetings/agenda_item_form.html",
        {"form": form, "item": item},
        status=status,
    )


@workspace_view("edit")
@require_POST
def agenda_move(request, agendaitem_pk):
    item = get_in_workspace(request, AGENDA_ITEM, pk=agendaitem_pk)
    direction = request.POST.get("direction")
    if direction not in {"up", "down"}:
        messages.error(request, _("Move an item up or down."))
        return _meeting_page(request, item.meeting, 400, "agenda")
    move_agenda_item(item, direction, request.user)
    return _back(request, item.meeting, "agenda")


@workspace_view("edit")
@require_POST
def agenda_remove(request, agendaitem_pk):
    item = get_in_workspace(request, AGENDA_ITEM, pk=agendaitem_pk)
    remove_agenda_item(item, request.user)
    return _back(request, item.meeting, "agenda", _("Agenda item removed."))


@workspace_view("edit")
@require_POST
def decision_add(request, meeting_pk):
    meeting = get_in_workspace(request, MEETING, pk=meeting_pk)
    form = MeetingDecisionForm(request.POST, prefix="decision")
    if not form.is_valid():
        return _meeting_page(request, meeting, 400, "decisions", decision_form=form)
    add_decision(meeting, form.cleaned_data["text"], request.user)
    return _back(request, meeting, "decisions")


@workspace_view("edit")
@require_POST
def decision_remove(request, meetingdecision_pk):
    decision = get_in_workspace(
        request,
        MeetingDecision.objects.select_related("meeting__charter__workspace"),
        pk=meetingdecision_pk,
    )
    remove_decision(decision, request.user)
    return _back(request, decision.meeting, "decisions", _("Decision removed."))


@workspace_view("edit")
@require_POST
def action_add(request, meeting_pk):
    meeting = get_in_workspace(request, MEETING, pk=meeting_pk)
    form = ActionItemForm(
        request.POST,
        prefix="action",
        workspace=request.workspace,
        instance=ActionItem(meeting=meeting),
    )
    if not form.is_valid():
        return _meeting_page(request, meeting, 400, "actions", action_form=form)
    save_action_item(form.save(commit=False), request.user)
    return _back(request, meeting, "actions")


@workspace_view("edit")
def action_edit(request, actionitem_pk):
    item = get_in_workspace(
        request, ActionItem.objects.select_related("meeting__charter__workspace"), pk=actionitem_pk
    )
    form = ActionItemForm(request.POST or None, instance=item, workspace=request.workspace)
    back = safe_next(request) or reverse(
        "governance:meeting", args=[request.workspace.slug, item.meeting_id]
    )
    if request.method == "POST" and form.is_valid():
        save_action_item(form.save(commit=False), request.user, form.changed_data)
        messages.success(request, _("Action item saved."))
        return redirect(back)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "item": item, "back": back}
    return render(request, "governance/meetings/action_item_form.html", context, status=status)
