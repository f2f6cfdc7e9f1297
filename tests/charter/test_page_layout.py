"""What every page's layout shows of the signed-in user: their name and the workspace switcher."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from charter.models import Profile
from charter.people import save_display_name
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

SWITCH = "Switch workspace"


def members_page(client):
    return client.get(f"/w/{client.membership.workspace.slug}/members/")


def test_a_user_without_a_profile_is_named_by_their_account(member_client):
    client = member_client("owner")
    user = client.membership.user
    assert not Profile.objects.filter(user=user).exists()
    assert (
        f"<span>{user.first_name} {user.last_name}</span>" in members_page(client).content.decode()
    )


def test_a_new_display_name_shows_on_the_next_page(member_client):
    client = member_client("owner")
    members_page(client)
    save_display_name(client.membership.user, "Dana the Enabler")
    assert "<span>Dana the Enabler</span>" in members_page(client).content.decode()


def test_the_switcher_shows_once_the_user_has_a_second_workspace(member_client):
    client = member_client("owner")
    assert SWITCH not in members_page(client).content.decode()
    MembershipFactory(user=client.membership.user)
    assert SWITCH in members_page(client).content.decode()


def test_the_name_and_the_switcher_take_one_query(member_client):
    client = member_client("owner")
    save_display_name(client.membership.user, "Dana the Enabler")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/profile/api-tokens/").content.decode()
    assert "<span>Dana the Enabler</span>" in html
    sql = [query["sql"] for query in queries.captured_queries]
    assert not [query for query in sql if 'FROM "charter_profile"' in query]
    assert (
        len([query for query in sql if 'JOIN "charter_profile"' in query and "COUNT(" in query])
        == 1
    )
