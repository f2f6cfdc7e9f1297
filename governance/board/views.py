"""The advisory board page: settings, seats, invitations to a seat, coverage of functions."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from charter.access import get_in_workspace, workspace_view
from charter.editing.ordering import CannotMove, moved_text
from charter.errors import DomainError
from charter.models import EditConflict

from ..models import AdvisoryBoard, BoardSeat
from ..reviews.receipts import receipts_for_board
from .forms import BoardSeatForm, BoardSettingsForm, SeatInvitationForm
from .seats import (
    held_seats,
    invite_to_seat,
    move_seat,
    pending_offers,
    save_seat,
    update_board,
)
from .snapshot import board_snapshot, governance_completeness


def _page(request, status=200, settings_form=None, invite_form=None):
    board = AdvisoryBoard.for_workspace(request.workspace)
    # The roster, the seats table and the read receipts show the same seats: read them once.
    seats = list(held_seats(board))
    summary = board_snapshot(board.workspace, board, seats)
    context = {
        "board": board,
        "summary": summary,
        "warnings": governance_completeness(summary),
        "seats": seats,
        "former_seats": board.seats.exclude(released_at=None),
        "offers": pending_offers(board),
        "receipts": receipts_for_board(board, seats),
        # "<pk>-<direction>" of the seat just moved, whose button gets the focus back.
        "moved": request.GET.get("moved", ""),
        "can_edit": request.membership.can("edit"),
        "can_manage": request.membership.can("manage"),
        "settings_form": settings_form or BoardSettingsForm(instance=board),
        "invite_form": invite_form
        or SeatInvitationForm(workspace=request.workspace, prefix="invite"),
    }
    return render(request, "governance/board/board.html", context, status=status)


@workspace_view()
def board(request):
    return _page(request)


@workspace_view("edit")
@require_POST
def board_settings(request):
    board = AdvisoryBoard.for_workspace(request.workspace)
    form = BoardSettingsForm(request.POST, instance=board)
    if not form.is_valid():
        return _page(request, 400, settings_form=form)
    try:
        update_board(
            form.save(commit=False),
            form.cleaned_data["revision"],
            request.user,
            form.changed_values(),
        )
    except EditConflict:
        messages.error(
            request,
            _(
                "Someone else changed the board settings meanwhile. Yours are below; save again to keep them."
            ),
        )
        return _page(
            request,
            409,
            settings_form=BoardSettingsForm(
                request.POST, instance=AdvisoryBoard.for_workspace(request.workspace)
            ),
        )
    messages.success(request, _("Board settings saved."))
    return redirect("governance:board", request.workspace.slug)


@workspace_view("manage")
@require_POST
def seat_invite(request):
    form = SeatInvitationForm(request.POST, workspace=request.workspace, prefix="invite")
    if not form.is_valid():
        return _page(request, 400, invite_form=form)
    try:
        invitation, email = invite_to_seat(
            AdvisoryBoard.for_workspace(request.workspace),
            request.user,
            **form.cleaned_data,
            link=lambda invitation: request.build_absolute_uri(
                reverse("charter:invitation", args=[invitation.token])
            ),
        )
    except DomainError as error:
        form.add_error(None, str(error))
        return _page(request, 409, invite_form=form)
    values = {"name": form.cleaned_data["display_name"], "email": invitation.email}
    if email is not None and email.is_sent:
        messages.success(request, _("Invitation to a seat sent to %(name)s (%(email)s).") % values)
    else:
        messages.warning(
            request,
            _(
                "The invitation to %(name)s (%(email)s) is saved. Its email will be sent as soon "
                "as the mail worker is reachable."
            )
            % values,
        )
    return redirect("governance:board", request.workspace.slug)


@workspace_view("edit")
def seat_edit(request, boardseat_pk):
    seat = get_in_workspace(
        request,
        BoardSeat.objects.held().select_related("board__workspace", "membership__user__profile"),
        pk=boardseat_pk,
    )
    form = BoardSeatForm(request.POST or None, instance=seat)
    if request.method == "POST":
        if form.is_valid():
            try:
                seat = save_seat(form.save(commit=False), request.user)
            except DomainError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("%(name)s’s seat is saved.") % {"name": seat.name})
                return redirect("governance:board", request.workspace.slug)
        status = 400
    else:
        status = 200
    return render(
        request, "governance/board/seat_form.html", {"form": form, "seat": seat}, status=status
    )


@workspace_view("edit")
@require_POST
def seat_move(request, boardseat_pk):
    seat = get_in_workspace(request, BoardSeat.objects.held(), pk=boardseat_pk)
    direction = request.POST.get("direction", "")
    try:
        moved = move_seat(seat, direction, request.user)
    except CannotMove as refused:
        messages.error(request, str(refused))
        return _page(request, 400)
    messages.success(request, moved_text(moved))
    url = reverse("governance:board", args=[request.workspace.slug])
    return redirect(f"{url}?moved={seat.pk}-{direction}#seat-{seat.pk}")
