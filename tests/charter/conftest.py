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
