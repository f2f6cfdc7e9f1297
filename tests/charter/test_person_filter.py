from django.template import Context, Template

from charter.versions.publishing import publish
from tests.factories import CharterFactory, MembershipFactory, UserFactory


def render(user):
    return Template("{% load charter_tags %}{{ user|person }}").render(Context({"user": user}))


def test_a_deleted_account_reads_as_a_former_member():
    assert render(None) == "a former member"


def test_full_name_comes_first_then_username(db):
    assert render(UserFactory(first_name="Ada", last_name="Lovelace")) == "Ada Lovelace"
    assert render(UserFactory(username="nobody", first_name="", last_name="")) == "nobody"


def test_version_pages_survive_the_authors_account_being_deleted(client, db):
    author = MembershipFactory(role="editor")
    charter = CharterFactory(workspace=author.workspace)
    version = publish(charter, author.user, author, label="2026-Q4", summary="First cut")
    reader = MembershipFactory(role="viewer", workspace=author.workspace)
    author.user.delete()
    client.force_login(reader.user)

    base = f"/w/{reader.workspace.slug}/charters/{charter.pk}"
    listing = client.get(f"{base}/versions/")
    page = client.get(f"/w/{reader.workspace.slug}/versions/{version.pk}/")

    assert listing.status_code == 200
    assert page.status_code == 200
    assert "a former member" in page.content.decode()
