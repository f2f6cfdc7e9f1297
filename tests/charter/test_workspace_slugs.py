"""Workspace addresses keep their names in any script."""

import pytest

from charter.models import Workspace
from tests.factories import MembershipFactory, WorkspaceFactory

pytestmark = pytest.mark.django_db

CHINESE, RUSSIAN = "华锐科技销售促成团队", "Команда развития продаж"


def test_chinese_and_russian_names_get_distinct_meaningful_slugs():
    chinese = Workspace.objects.create(name=CHINESE)
    russian = Workspace.objects.create(name=RUSSIAN)

    assert chinese.slug == "华锐科技销售促成团队"
    assert russian.slug == "команда-развития-продаж"


def test_a_second_workspace_of_the_same_name_gets_a_numbered_slug():
    first, second = (Workspace.objects.create(name=CHINESE) for _ in range(2))

    assert (first.slug, second.slug) == (CHINESE, f"{CHINESE}-2")


def test_a_name_of_symbols_only_still_gets_a_slug():
    assert Workspace.objects.create(name="!!!").slug == "workspace"


@pytest.mark.parametrize("name", [CHINESE, RUSSIAN])
def test_pages_of_a_unicode_workspace_resolve_for_its_members(client, name):
    membership = MembershipFactory(workspace=WorkspaceFactory(name=name))
    client.force_login(membership.user)

    base = f"/w/{membership.workspace.slug}"

    assert client.get(f"{base}/").status_code == 200
    assert client.get(f"{base}/maturity-model/").status_code == 200
    assert client.get(f"{base}/research/").status_code == 200


def test_another_workspaces_unicode_slug_is_a_404(client):
    outsider = MembershipFactory()
    Workspace.objects.create(name=CHINESE)
    client.force_login(outsider.user)

    assert client.get(f"/w/{CHINESE}/").status_code == 404


def test_old_ascii_slugs_still_resolve(client):
    membership = MembershipFactory(
        workspace=Workspace.objects.create(name="Acme Sales", slug="acme")
    )
    client.force_login(membership.user)

    assert client.get("/w/acme/").status_code == 200
    assert client.get("/w/Acme%20Sales/").status_code == 404
