"""With Redis, a session is read from the cache and written through to the database."""

from unittest import mock

import pytest
from django.core.cache import cache
from redis.exceptions import ConnectionError as RedisConnectionError

from config.sessions import SessionStore

pytestmark = pytest.mark.django_db


def stored_session() -> str:
    session = SessionStore()
    session["language"] = "ru"
    session.save()
    return session.session_key


def test_a_cached_session_is_read_without_a_query(django_assert_num_queries):
    key = stored_session()

    with django_assert_num_queries(0):
        assert SessionStore(key)["language"] == "ru"


def test_without_an_answer_from_redis_the_session_is_read_from_the_database(
    django_assert_num_queries,
):
    key = stored_session()

    with (
        mock.patch.object(cache, "get", side_effect=RedisConnectionError("down")),
        django_assert_num_queries(1),
    ):
        assert SessionStore(key)["language"] == "ru"


def test_a_deleted_session_is_gone_from_the_cache_too():
    key = stored_session()

    SessionStore(key).delete()

    assert SessionStore(key).get("language") is None
