"""The reader's UI language: the browser's by default, their own choice once made."""

import pytest
from django.test import Client

from charter.models import Profile
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a long enough password 42"


def page_language(response) -> str:
    html = response.content.decode()
    return html.split('<html lang="', 1)[1].split('"', 1)[0]


def test_the_header_offers_each_language_named_in_itself(client):
    html = client.get("/accounts/login/").content.decode()

    for name in ("English", "简体中文", "繁體中文", "Русский"):
        assert name in html
    assert 'action="/language/"' in html


def test_an_anonymous_reader_gets_the_browsers_language(client):
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")

    assert page_language(response) == "zh-hans"


def test_a_person_without_a_choice_follows_the_browser(client):
    membership = MembershipFactory()
    client.force_login(membership.user)

    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9", follow=True)

    assert page_language(response) == "ru"


def test_the_chosen_language_is_remembered_on_the_account_across_logout_and_login(client):
    user = UserFactory(username="ivan")
    user.set_password(PASSWORD)
    user.save()
    MembershipFactory(user=user)
    client.post("/accounts/login/", {"login": "ivan", "password": PASSWORD})

    switched = client.post("/language/", {"language": "zh-hant", "next": "/"})
    assert switched.status_code == 302
    assert page_language(client.get("/", follow=True)) == "zh-hant"
    assert Profile.objects.get(user=user).language == "zh-hant"

    client.post("/accounts/logout/")
    # Another browser: no language cookie, and it asks for English.
    elsewhere = Client(HTTP_ACCEPT_LANGUAGE="en")
    elsewhere.post("/accounts/login/", {"login": "ivan", "password": PASSWORD})
    assert page_language(elsewhere.get("/", follow=True)) == "zh-hant"


def test_another_persons_choice_does_not_leak_into_mine(client):
    chooser = MembershipFactory()
    client.force_login(chooser.user)
    client.post("/language/", {"language": "ru", "next": "/"})

    other = Client(HTTP_ACCEPT_LANGUAGE="en")
    other.force_login(MembershipFactory().user)

    assert page_language(other.get("/", follow=True)) == "en"


@pytest.mark.parametrize("code", ["xx", "", "de", "zh-hans<script>"])
def test_a_language_charterboard_does_not_speak_is_refused(client, code):
    membership = MembershipFactory()
    client.force_login(membership.user)

    response = client.post("/language/", {"language": code, "next": "/"})

    assert response.status_code == 400
    assert "does not speak this language" in response.content.decode()
    assert not Profile.objects.filter(user=membership.user).exclude(language="").exists()


def test_switching_language_needs_a_post_with_a_csrf_token():
    strict = Client(enforce_csrf_checks=True)

    assert strict.get("/language/").status_code == 405
    assert strict.post("/language/", {"language": "ru"}).status_code == 403
