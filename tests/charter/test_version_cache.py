"""What is derived from versions only is kept by the versions' hashes and the reader's language."""

import pytest
from django.utils import translation

from charter.versions import views
from charter.versions.diff import kept_diff
from tests.charter.version_factories import charter_with_editor, publish_version


@pytest.mark.django_db
def test_a_kept_comparison_speaks_each_readers_language():
    old = {"charter": {"title": "Charter"}, "sections": {}}
    new = {"charter": {"title": "Charter, renamed"}, "sections": {}}
    with translation.override("en"):
        english = kept_diff(old, "a" * 64, new, "b" * 64)
    with translation.override("ru"):
        russian = kept_diff(old, "a" * 64, new, "b" * 64)
    assert english["sections"][0]["title"] == "Charter details"
    assert russian["sections"][0]["title"] == "Сведения об уставе"


@pytest.mark.django_db
def test_the_same_two_snapshots_are_compared_once(monkeypatch):
    compared = []
    monkeypatch.setattr(
        "charter.versions.diff.diff_snapshots",
        lambda old, new: compared.append((old, new)) or {"sections": []},
    )
    kept_diff({}, "a" * 64, {}, "b" * 64)
    kept_diff({}, "a" * 64, {}, "b" * 64)
    kept_diff({}, "a" * 64, {}, "c" * 64)
    assert len(compared) == 2


@pytest.mark.django_db
def test_a_version_page_draws_its_sections_once_per_language(client, monkeypatch):
    charter, membership = charter_with_editor()
    version = publish_version(charter, membership)
    client.force_login(membership.user)
    drawn = []
    draw = views.render_section_html
    monkeypatch.setattr(
        views,
        "render_section_html",
        lambda *args, **kwargs: drawn.append(1) or draw(*args, **kwargs),
    )
    url = f"/w/{charter.workspace.slug}/versions/{version.pk}/"
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="en").status_code == 200
    once = len(drawn)
    assert once == len(version.snapshot["sections"])
    assert "Current state" in client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert len(drawn) == once
    assert "Текущее состояние" in client.get(url, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert len(drawn) == 2 * once
