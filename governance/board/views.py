"""The advisory board page: settings, seats and the coverage of functions."""

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
from .forms import BoardSeatForm, BoardSettingsForm
from .seats import candidates, move_seat, remove_seat, save_seat, update_board
from .snapshot import board_snapshot, governance_completeness


def _page(request, status=200, settings_form=None, seat_form=None):
    board = AdvisoryBoard.for_workspace(request.workspace)
    summary = board_snapshot(board.workspace)
    context = {
        "board": board,
        "summary": summary,
        "warnings": governance_completeness(summary),
        "seats": board.seats.select_related("membership__user__profile"),
        # "<pk>-<direction>" of the seat just moved, whose button gets the focus back.
        "moved": request.GET.get("moved", ""),
        "can_edit": request.membership.can("edit"),
        "can_manage": request.membership.can("manage"),
        "settings_form": settings_form or BoardSettingsForm(instance=board),
        "seat_form": seat_form or BoardSeatForm(candidates=candidates(board), prefix="seat"),
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


@workspace_view("edit")
@require_POST
def seat_add(request):
    board = AdvisoryBoard.for_workspace(request.workspace)
    form = BoardSeatForm(
        request.POST, candidates=candidates(board), prefix="seat", instance=BoardSeat(board=board)
    )
    return _save_seat(request, form)


@workspace_view("edit")
def seat_edit(request, boardseat_pk):
    seat = get_in_workspace(
        request,
        BoardSeat.objects.select_related("board__workspace", "membership__user__profile"),
        pk=boardseat_pk,
    )
    form = BoardSeatForm(request.POST or None, candidates=None, instance=seat)
    if request.method == "POST":
        return _save_seat(request, form, template="governance/board/seat_form.html")
    return render(request, "governance/board/seat_form.html", {"form": form, "seat": seat})


def _save_seat(request, form, template=None):
    if form.is_valid():
        try:
            seat = save_seat(form.save(commit=False), request.user)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("%(name)s’s seat is saved.") % {"name": seat.name})
            return redirect("governance:board", request.workspace.slug)
    if template:
        return render(request, template, {"form": form, "seat": form.instance}, status=400)
    return _page(request, 400, seat_form=form)


@workspace_view("edit")
@require_POST
def seat_remove(request, boardseat_pk):
    seat = _seat(request, boardseat_pk)
    remove_seat(seat, request.user)
    messages.success(request, _("%(name)s no longer holds a seat.") % {"name": seat.name})
    return redirect("governance:board", request.workspace.slug)


def _seat(request, boardseat_pk) -> BoardSeat:
    return get_in_workspace(
        request,
        BoardSeat.objects.select_related("board__workspace", "membership__user__profile"),
        pk=boardseat_pk,
    )


@workspace_view("edit")
@require_POST
def seat_move(request, boardseat_pk):
    seat = _seat(request, boardseat_pk)
    direction = request.POST.get("direction", "")
    try:
        moved = move_seat(seat, direction, request.user)
    except CannotMove as refused:
        messages.error(request, str(refused))
        return _page(request, 400)
    messages.success(request, moved_text(moved))
    url = reverse("governance:board", args=[request.workspace.slug])
    return redirect(f"{url}?moved={seat.pk}-{direction}#seat-{seat.pk}")
