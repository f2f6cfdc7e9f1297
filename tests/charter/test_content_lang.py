"""Charter content carries the charter's language on web pages, whatever the UI speaks."""

import pytest

from tests.charter.version_factories import charter_with_editor, publish_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def traditional(client):
    charter, membership = charter_with_editor(title="華銳科技銷售促成章程", language="zh-hant")
    version = publish_version(charter, membership)
    client.force_login(membership.user)
    return client, charter, version, f"/w/{membership.workspace.slug}"


def test_section_pages_wrap_the_content_in_the_charters_lang(traditional):
    client, charter, _version, base = traditional

    html = client.get(f"{base}/charters/{charter.pk}/s/future-success/").content.decode()

    assert '<html lang="en">' in html
    assert 'class="charter-content" lang="zh-Hant"' in html


def test_overview_version_and_compare_pages_tag_the_charters_words(traditional):
    client, charter, version, base = traditional

    overview = client.get(f"{base}/charters/{charter.pk}/").content.decode()
    version_page = client.get(f"{base}/versions/{version.pk}/").content.decode()
    compare = client.get(
        f"{base}/charters/{charter.pk}/compare/?from={version.pk}&to=live"
    ).content.decode()

    assert '<h1 lang="zh-Hant">華銳科技銷售促成章程</h1>' in overview
    assert 'aria-labelledby="v-current-state-title" lang="zh-Hant"' in version_page
    assert 'lang="zh-Hant">華銳科技銷售促成章程</a>' in compare
