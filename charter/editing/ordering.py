"""Moving one row of an ordered table up or down, safely when several people move at once."""

from dataclasses import dataclass

from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from charter.errors import DomainError
from charter.models import Revisioned

UP = "up"
DOWN = "down"
DIRECTIONS = {UP: -1, DOWN: 1}


class CannotMove(DomainError):
    """The row is already first (or last), or the direction is not one we know."""


@dataclass(frozen=True)
class Moved:
    row: models.Model
    direction: str
    # 1-based, as people count.
    place: int
    count: int


def move_row(siblings: models.QuerySet, row_pk: int, direction: str, by=None) -> Moved:
    """Swap a row with its neighbour and number every sibling 0…n-1 again, in one transaction.

    All siblings are locked first, so two moves at once run one after the other on the
    same numbering: neither reads positions the other is rewriting, and gaps
    or duplicates left by adds and deletes are closed on the way. A row whose position changes
    gets a new revision, like any other edit of it.
    """
    if direction not in DIRECTIONS:
        raise CannotMove(_("Choose to move the row up or down."))
    with transaction.atomic():
        # Lock, then read: PostgreSQL sorts a locking SELECT before it waits for the locks,
        # so rows read in the same statement could come back in the order before the other
        # move. A second statement sees the committed positions. Locking by pk keeps every
        # move taking the locks in one order, so two never deadlock.
        list(siblings.select_for_update().order_by("pk").values_list("pk", flat=True))
        rows = list(siblings.order_by("position", "pk"))
        index = next((i for i, row in enumerate(rows) if row.pk == row_pk), None)
        if index is None:
            raise CannotMove(_("This row is no longer in the table. Reload the page."))
        target = index + DIRECTIONS[direction]
        if not 0 <= target < len(rows):
            raise CannotMove(
                _("This row is already first.")
                if direction == UP
                else _("This row is already last.")
            )
        rows[index], rows[target] = rows[target], rows[index]
        _renumber(siblings.model, rows, by, swapped={rows[index].pk, rows[target].pk})
    return Moved(row=rows[target], direction=direction, place=target + 1, count=len(rows))


def _renumber(model: type[models.Model], rows: list[models.Model], by, swapped: set) -> None:
    # The two swapped rows changed place even where equal positions (rows added before
    # positions were kept) leave one of their numbers as it was.
    manager = model._default_manager
    revisioned = issubclass(model, Revisioned)
    now = timezone.now()
    for position, row in enumerate(rows):
        if row.position == position and row.pk not in swapped:
            continue
        changes = {"position": position}
        if revisioned:
            changes.update(revision=F("revision") + 1, updated_at=now, updated_by=by)
        manager.filter(pk=row.pk).update(**changes)
        row.position = position
        if revisioned:
            row.revision += 1


def moved_text(moved: Moved) -> str:
    """What a screen reader hears after a move: "Moved up, now 2 of 5"."""
    if moved.direction == UP:
        text = pgettext("row order", "Moved up, now %(place)s of %(count)s")
    else:
        text = pgettext("row order", "Moved down, now %(place)s of %(count)s")
    return text % {"place": moved.place, "count": moved.count}
