"""Two editors move rows of one table at the same instant over real HTTP, many rounds.

Every round, each editor presses a random Move button; the moves lock the table's rows, so
the stored order must be what one of the two serial orders gives, and positions must stay
0…n-1 with no duplicate and no lost row.
"""

import random
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.urls import reverse

from charter.models import Metric
from tests.charter.section_factories import MetricFactory
from tests.factories import CharterFactory, MembershipFactory
from tests.integration.http_editor import BlockEditor
from tests.integration.test_autosave_race import session_cookie

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROUNDS = 40
ROWS = 5


def apply(order: list[int], pk: int, direction: str) -> tuple[list[int], bool]:
    """The order after one move, and whether the move was possible."""
    index = order.index(pk)
    target = index - 1 if direction == "up" else index + 1
    if not 0 <= target < len(order):
        return order, False
    moved = list(order)
    moved[index], moved[target] = moved[target], moved[index]
    return moved, True


def race(editors: list[BlockEditor], paths: list[str], directions: list[str]) -> list[int]:
    """Every editor's move released at the same moment; their statuses in order."""
    barrier = threading.Barrier(len(editors), timeout=30)

    def press(editor, path, direction):
        barrier.wait()
        return editor.move(path, direction)

    with ThreadPoolExecutor(len(editors)) as pool:
        return list(pool.map(press, editors, paths, directions))


def stored_order(charter) -> list[int]:
    return list(Metric.objects.filter(charter=charter).values_list("pk", flat=True))


def test_simultaneous_moves_leave_one_serial_order_without_duplicate_positions(live_server):
    first = MembershipFactory(role="editor")
    second = MembershipFactory(role="editor", workspace=first.workspace)
    charter = CharterFactory(workspace=first.workspace)
    for _ in range(ROWS):
        MetricFactory(charter=charter, position=0)
    section = reverse(
        "charter:section", args=[charter.workspace.slug, charter.pk, "future-success"]
    )
    editors = [
        BlockEditor(live_server.url, session_cookie(member.user), section, ())
        for member in (first, second)
    ]
    for editor in editors:
        editor.open()
    chance = random.Random(15)

    for _round in range(ROUNDS):
        before = stored_order(charter)
        moves = [(chance.choice(before), chance.choice(("up", "down"))) for _ in editors]
        paths = [
            reverse("charter:metric-move", args=[charter.workspace.slug, charter.pk, pk])
            for pk, _direction in moves
        ]
        statuses = race(editors, paths, [direction for _pk, direction in moves])

        after = stored_order(charter)
        serial_orders = []
        for sequence in (moves, moves[::-1]):
            order, accepted = before, []
            for pk, direction in sequence:
                order, possible = apply(order, pk, direction)
                accepted.append(possible)
            serial_orders.append((order, accepted if sequence is moves else accepted[::-1]))
        outcomes = [
            (order, [200 if possible else 400 for possible in accepted])
            for order, accepted in serial_orders
        ]
        assert (after, statuses) in outcomes
        positions = list(Metric.objects.filter(charter=charter).values_list("position", flat=True))
        assert positions == list(range(ROWS))
