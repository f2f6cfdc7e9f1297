"""Starting a charter: editors create it, it starts with the enablement team, bad input keeps
what was typed."""

import pytest

from charter.models import AuditEvent, Charter, PartnerTeam
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

GOOD = {
    "title": "Global Sales Enablement Charter FY27",
    "period_start": "2027-01-01",
    "period_end": "2027-12-31",
    "language": "en",
}


def create_url(membership):
    return f"/w/{membership.workspace.slug}/charters/new/"


def test_a_new_charter_starts_with_the_enablement_team_among_its_partner_teams(client):
    editor = MembershipFactory(role="editor")
    client.force_login(editor.user)

    response = client.post(create_url(editor), GOOD)

    charter = Charter.objects.get(workspace=editor.workspace)
    assert response.status_code == 302
    assert response["Location"].endswith(f"/charters/{charter.pk}/")
    assert list(charter.partner_teams.values_list("name", flat=True)) == ["Sales enablement"]
    assert AuditEvent.objects.filter(action="charter.created", object_id=str(charter.pk)).exists()


def test_a_bad_charter_form_is_a_400_that_keeps_what_was_typed_and_creates_nothing(client):
    editor = MembershipFactory(role="editor")
    client.force_login(editor.user)

    response = client.post(create_url(editor), {**GOOD, "period_start": "not a date"})

    assert response.status_code == 400
    assert "Global Sales Enablement Charter FY27" in response.content.decode()
    assert not Charter.objects.exists() and not PartnerTeam.objects.exists()


@pytest.mark.parametrize("role", ["viewer", "contributor", "board"])
def test_only_editors_and_owners_start_charters(client, role):
    member = MembershipFactory(role=role)
    client.force_login(member.user)

    assert client.post(create_url(member), GOOD).status_code == 403
    assert not Charter.objects.exists()


def test_another_workspace_is_a_404(client):
    editor = MembershipFactory(role="editor")
    stranger = MembershipFactory(role="owner")
    client.force_login(stranger.user)

    assert client.post(create_url(editor), GOOD).status_code == 404
    assert not Charter.objects.exists()


@pytest.mark.parametrize(
    ("accept_language", "language"),
    [("zh-CN,zh;q=0.9", "zh-hans"), ("zh-TW", "zh-hant"), ("ru-RU", "ru"), ("en-US", "en")],
)
def test_a_new_charter_is_offered_in_the_readers_language(client, accept_language, language):
    editor = MembershipFactory(role="editor")
    client.force_login(editor.user)

    response = client.get(create_url(editor), HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response.context["form"]["language"].value() == language
    assert f'<option value="{language}" selected>' in response.content.decode()
