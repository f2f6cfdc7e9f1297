"""Minutes approval, resolutions, cancellation and the calendar feed of board meetings."""

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from charter.access import get_in_workspace, workspace_view
from charter.downloads import stored_file_response
from charter.errors import DomainError, NotAllowed
from charter.throttle import Ceiling, client_address, too_many_requests

from . import approval, calendar, minutes
from .forms import MinutesAnswerForm, ResolutionForm
from .resolutions import board_members, record_resolution
from .views import MEETING, _back, _meeting_page

FEED_REQUESTS_PER_ADDRESS = Ceiling("calendar-feed-requests", limit=120, seconds=10 * 60)
BAD_FEED_TOKENS_PER_ADDRESS = Ceiling("calendar-feed-bad-tokens", limit=10, seconds=10 * 60)


def _refused(request, meeting, error: DomainError, block: str = "minutes"):
    messages.error(request, str(error))
    status = 403 if isinstance(error, NotAllowed) else 400
    return _meeting_page(request, meeting, status, block)


@workspace_view("edit")
@require_POST
def minutes_circulate(request, meeting_pk):
    meeting = get_in_workspace(request, MEETING, pk=meeting_pk)
    try:
        approval.circulate_minutes(meeting, request.user)
    except DomainError as error:
        return _refused(request, meeting, error)
    return _back(request, meeting, "minutes", _("Minutes circulated to the board."))


@workspace_view()
@require_POST
def minutes_answer(request, meeting_pk):
    meeting = get_in_workspace(request, MEETING, pk=meeting_pk)
    form = MinutesAnswerForm(request.POST, prefix="answer")
    if not form.is_valid():
        return _meeting_page(request, meeting, 400, "minutes", answer_form=form)
    try:
        approval.answer_minutes(
            meeting, request.membership, form.cleaned_data["decision"], form.cleaned_data["comment"]
        )
    except DomainError as error:
        return _refused(request, meeting, error)
    return _back(request, meeting, "minutes", _("Your answer is recorded."))


@workspace_view()
def minutes_pdf(request, meeting_pk):
    meeting = get_in_workspace(request, MEETING, pk=meeting_pk)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    if not meeting.minutes_pdf:
        raise Http404(_("These minutes are not filed yet."))
    return stored_file_response(
        meeting.minutes_pdf, f"minutes-{meeting.scheduled_at:%Y-%m-%d}.pdf", "application/pdf"
    )


@workspace_view("edit")
@require_POST
def resolution_add(request, meeting_pk):
    meeting = get_in_workspace(request, MEETING, pk=meeting_pk)
    form = ResolutionForm(request.POST, prefix="resolution", members=board_members(meeting))
    if not form.is_valid():
        return _meeting_page(request, meeting, 400, "resolutions", resolution_form=form)
    data = form.cleaned_data
    try:
        record_resolution(
            meeting, data["motion"], data["mover"], data["seconder"], form.votes, request.user
        )
    except DomainError as error:
        form.add_error(None, str(error))
        return _meeting_page(request, meeting, 400, "resolutions", resolution_form=form)
    return _back(request, meeting, "resolutions", _("Resolution recorded."))


@workspace_view("edit")
@require_POST
def meeting_cancel(request, meeting_pk):
    meeting = get_in_workspace(request, MEETING, pk=meeting_pk)
    calendar.cancel_meeting(meeting, request.user)
    messages.success(request, _("Meeting cancelled; the board’s calendars are updated."))
    return redirect("governance:meeting", request.workspace.slug, meeting.pk)


@workspace_view("edit")
@require_POST
def meeting_confirm(request, meeting_pk):
    meeting = get_in_workspace(request, MEETING, pk=meeting_pk)
    if meeting.cancelled_at is not None:
        messages.error(request, _("This meeting is cancelled; schedule a new one instead."))
        return _meeting_page(request, meeting, 409)
    if minutes.confirm_meeting(meeting, request.user):
        messages.success(request, _("Meeting scheduled; the board is invited."))
    else:
        messages.info(request, _("This meeting was already scheduled; nobody was invited twice."))
    return redirect("governance:meeting", request.workspace.slug, meeting.pk)


@workspace_view("manage")
@require_POST
def calendar_rotate(request):
    token = calendar.rotate_feed(request.workspace, request.user)
    url = request.build_absolute_uri(
        reverse("governance:calendar-feed", args=[request.workspace.slug, token])
    )
    messages.success(
        request,
        _(
            "New calendar link (copy it now, it is shown once; the old link stopped working): %(url)s"
        )
        % {"url": url},
    )
    return redirect("governance:board", request.workspace.slug)


@workspace_view("manage")
@require_POST
def calendar_revoke(request):
    calendar.revoke_feed(request.workspace, request.user)
    messages.success(request, _("The calendar link no longer works."))
    return redirect("governance:board", request.workspace.slug)


def calendar_feed(request, workspace, token):
    """The workspace's meetings as iCalendar; no login, the secret is the key, and anything
    wrong with it is the same bare 404."""
    address = client_address(request)
    for ceiling in (BAD_FEED_TOKENS_PER_ADDRESS, FEED_REQUESTS_PER_ADDRESS):
        if ceiling.is_reached(address):
            message = _("Too many calendar requests came from your network.")
            return too_many_requests(request, message, ceiling.seconds_left())
    FEED_REQUESTS_PER_ADDRESS.add(address)
    found = calendar.workspace_for_token(token)
    if found is None or found.slug != workspace:
        BAD_FEED_TOKENS_PER_ADDRESS.add(address)
        return HttpResponse(status=404)
    if request.method not in {"GET", "HEAD"}:
        return HttpResponseNotAllowed(["GET"])
    return HttpResponse(calendar.feed(found), content_type="text/calendar; charset=utf-8")
