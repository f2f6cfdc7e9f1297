import pytest

from tests.factories import CharterFactory


@pytest.fixture
def charter_client(member_client):
    """charter_client(role): a logged-in client with a fresh charter in its workspace.

    ``client.charter`` is the charter and ``client.base`` its URL prefix.
    """

    def make(role="editor"):
        client = member_client(role)
        client.charter = CharterFactory(workspace=client.membership.workspace)
        client.base = f"/w/{client.charter.workspace.slug}/charters/{client.charter.pk}"
        return client

    return make


@pytest.fixture
def assert_page_queries_flat(django_assert_max_num_queries):
    """assert_page_queries_flat(client, url, grow): the page costs no more queries after
    ``grow(count)`` adds many rows than with a few."""

    def check(client, url, grow, few=2, many=10):
        grow(few)
        client.get(url)  # first visit seeds defaults (e.g. the service catalogue)
        with django_assert_max_num_queries(40) as baseline:
            assert client.get(url).status_code == 200
        grow(many)
        with django_assert_max_num_queries(len(baseline.captured_queries)):
            assert client.get(url).status_code == 200

    return check
