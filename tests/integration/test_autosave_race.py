"""Two editors autosave one row at the same instant over real HTTP; nothing acknowledged is lost.

The live server runs the app in threads on PostgreSQL; each editor is a thread with its own
session, posting what htmx posts. A ``Barrier`` releases both saves of a round together.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from charter.editing.specs import Block
from charter.models import FutureSuccess
from charter.sections.current_state.editors import GO_TO_MARKET, STRATEGY
from charter.sections.future_success.editors import MISSION, VISION
from tests.charter.section_factories import CurrentStateFactory, FutureSuccessFactory
from tests.factories import CharterFactory, MembershipFactory
from tests.integration.http_editor import BlockEditor

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROUNDS = 50
SAME_FIELD_ROUNDS = 10


def session_cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


@pytest.fixture
def charter_and_people():
    """A charter and two editors of its workspace, each with a session cookie."""
    first = MembershipFactory(role="editor")
    second = MembershipFactory(role="editor", workspace=first.workspace)
    charter = CharterFactory(workspace=first.workspace)
    return charter, session_cookie(first.user), session_cookie(second.user)


def block_path(charter, block: Block) -> str:
    return reverse(f"charter:{block.url_names['edit']}", args=[charter.workspace.slug, charter.pk])


def race(editors: list[BlockEditor], texts: list[str]) -> list[int]:
    """Both autosaves released at the same moment; their statuses in order."""
    barrier = threading.Barrier(len(editors), timeout=30)

    def save(editor, text):
        barrier.wait()
        return editor.autosave(text)

    with ThreadPoolExecutor(len(editors)) as pool:
        return list(pool.map(save, editors, texts))


@pytest.mark.parametrize(
    ("factory", "blocks"),
    [(FutureSuccessFactory, (VISION, MISSION)), (CurrentStateFactory, (STRATEGY, GO_TO_MARKET))],
    ids=["vision-and-mission", "strategy-and-go-to-market"],
)
def test_simultaneous_autosaves_of_different_fields_of_one_row_are_all_stored(
    live_server, charter_and_people, factory, blocks
):
    charter, *cookies = charter_and_people
    factory(charter=charter)
    editors = [
        BlockEditor(live_server.url, cookie, block_path(charter, block), block.fields)
        for cookie, block in zip(cookies, blocks, strict=True)
    ]
    for editor in editors:
        editor.open()

    for round_number in range(ROUNDS):
        texts = [f"Round {round_number} by editor {index}" for index in range(len(editors))]

        statuses = race(editors, texts)

        assert statuses == [200, 200], f"round {round_number}"
        stored = blocks[0].model.objects.get(charter=charter)
        for editor, text in zip(editors, texts, strict=True):
            for name in editor.fields:
                assert getattr(stored, name) == editor.value(name, text), f"round {round_number}"


def test_simultaneous_autosaves_of_the_same_field_keep_the_one_acknowledged(
    live_server, charter_and_people
):
    charter, *cookies = charter_and_people
    FutureSuccessFactory(charter=charter)
    path = block_path(charter, VISION)
    editors = [BlockEditor(live_server.url, cookie, path, ("vision",)) for cookie in cookies]

    for round_number in range(SAME_FIELD_ROUNDS):
        for editor in editors:
            editor.open()
        texts = [f"Round {round_number} by editor {index}" for index in range(len(editors))]

        statuses = race(editors, texts)

        assert sorted(statuses) == [200, 409], f"round {round_number}"
        winner = texts[statuses.index(200)]
        stored = FutureSuccess.objects.get(charter=charter)
        assert stored.vision == BlockEditor.value("vision", winner), f"round {round_number}"
