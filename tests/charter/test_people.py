"""People's names as they write them: one display name, shown the same everywhere."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.template import Context, Template

from charter.models import AuditEvent, Profile
from charter.models.profile import name_from_parts
from charter.people import person, save_display_name
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_chinese_name_parts_read_family_name_first_without_a_space():
    assert name_from_parts("芳", "王") == "王芳"


def test_latin_and_cyrillic_name_parts_read_given_name_first():
    assert name_from_parts("Ivan", "Petrov") == "Ivan Petrov"
    assert name_from_parts("Иван", "Петров") == "Иван Петров"
    assert name_from_parts("", "Petrov") == "Petrov"
    # Mixed scripts: nothing tells the order, so the Western one stays.
    assert name_from_parts("Fang", "王") == "Fang 王"


def test_the_display_name_beats_the_name_parts_and_the_username_comes_last():
    wang = UserFactory(username="wang", first_name="芳", last_name="王")
    ivan = UserFactory(username="ivan", first_name="", last_name="")
    assert person(wang) == "王芳"
    assert person(ivan) == "ivan"

    save_display_name(ivan, "Ivan Petrov")
    ivan.refresh_from_db()
    assert person(ivan) == "Ivan Petrov"


def test_the_person_filter_and_the_audit_label_use_the_display_name():
    membership = MembershipFactory(user=UserFactory(first_name="芳", last_name="王"))
    rendered = Template("{% load charter_tags %}{{ user|person }}").render(
        Context({"user": membership.user})
    )
    event = AuditEvent.record(membership.workspace, membership.user, "test.action")

    assert rendered == "王芳"
    assert event.actor_label == "王芳"


def test_signup_asks_for_one_name_and_shows_it_as_written(client):
    response = client.post(
        "/accounts/signup/",
        {
            "username": "wangfang",
            "email": "wang@example.com",
            "display_name": "  王芳 ",
            "password1": "a long enough password 42",
            "password2": "a long enough password 42",
        },
    )

    # The account waits for its address to be confirmed; the name is kept meanwhile.
    assert response.status_code == 200
    profile = Profile.objects.get(user__username="wangfang")
    assert profile.display_name == "王芳"
    assert person(profile.user) == "王芳"


def test_signup_refuses_a_name_longer_than_150_characters_and_saves_nothing(client):
    response = client.post(
        "/accounts/signup/",
        {
            "username": "toolong",
            "email": "long@example.com",
            "display_name": "名" * 151,
            "password1": "a long enough password 42",
            "password2": "a long enough password 42",
        },
    )

    assert response.status_code == 400
    assert "150" in response.content.decode()
    assert not Profile.objects.filter(user__username="toolong").exists()


def test_existing_accounts_get_a_display_name_in_their_scripts_order():
    UserFactory(username="wang", first_name="芳", last_name="王")
    UserFactory(username="ivan", first_name="Ivan", last_name="Petrov")
    nameless = UserFactory(username="nameless", first_name="", last_name="")
    migration = importlib.import_module("charter.migrations.0012_profile_display_name_and_language")

    migration.name_existing_users(django_apps, None)

    names = dict(Profile.objects.values_list("user__username", "display_name"))
    assert names == {"wang": "王芳", "ivan": "Ivan Petrov"}
    assert person(nameless) == "nameless"
