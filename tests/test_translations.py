"""The translation catalogues are complete, compile, and are what the pages speak."""

import re
import shutil
import subprocess
from pathlib import Path

import django
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.factories import CharterFactory

LOCALE = Path(settings.BASE_DIR) / "locale"
LANGUAGES = ["zh_Hans", "zh_Hant", "ru"]
DJANGO_LOCALE = Path(django.__file__).parent / "conf" / "locale"


def msgfmt() -> str:
    path = shutil.which("msgfmt")
    assert path, "msgfmt is missing: install gettext (make system-deps)"
    return path


def plural_forms(po: Path) -> str:
    header = po.read_text(encoding="utf-8").replace('"\n"', "")
    return re.search(r"Plural-Forms: (.*?)\\n", header).group(1).replace(" ", "")


@pytest.fixture
def compiled_catalogues(settings, tmp_path):
    """Compile the committed .po files, so the test speaks for them whether or not make ran."""
    for language in LANGUAGES:
        target = tmp_path / language / "LC_MESSAGES"
        target.mkdir(parents=True)
        source = LOCALE / language / "LC_MESSAGES" / "django.po"
        subprocess.run([msgfmt(), "--check", "-o", target / "django.mo", source], check=True)
    settings.LOCALE_PATHS = [tmp_path]
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_compiles_with_every_message_translated_and_none_fuzzy(language):
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        [msgfmt(), "--check", "--statistics", "-o", "/dev/null", po], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    statistics = result.stderr.strip().splitlines()[-1]
    assert re.fullmatch(r"\d+ translated messages\.", statistics), statistics


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_uses_the_plural_forms_of_djangos_own_catalogue(language):
    ours = LOCALE / language / "LC_MESSAGES" / "django.po"
    djangos = DJANGO_LOCALE / language / "LC_MESSAGES" / "django.po"
    assert plural_forms(ours) == plural_forms(djangos)


@pytest.mark.parametrize(
    ("count", "expected"),
    [(1, "1 событие"), (3, "3 события"), (5, "5 событий"), (21, "21 событие")],
)
def test_russian_plurals_follow_the_number(compiled_catalogues, count, expected):
    with translation.override("ru"):
        message = translation.ngettext("%(counter)s event", "%(counter)s events", count)
    assert message % {"counter": count} == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept_language", "ours", "english"),
    [
        ("zh-hans", "版本与批准", "Versions and approval"),
        ("zh-hant", "版本與批准", "Versions and approval"),
        ("ru", "Версии и утверждение", "Versions and approval"),
        ("ru", "Полнота", "Completeness"),
    ],
)
def test_charter_overview_speaks_the_readers_language(
    compiled_catalogues, member_client, accept_language, ours, english
):
    client = member_client("viewer")
    charter = CharterFactory(workspace=client.membership.workspace)
    url = reverse("charter:charter", args=[charter.workspace.slug, charter.pk])

    page = client.get(url, HTTP_ACCEPT_LANGUAGE=accept_language).content.decode()

    assert ours in page
    assert english not in page


@pytest.mark.django_db
def test_language_cookie_chooses_the_language_of_the_overview(
    compiled_catalogues, member_client, settings
):
    client = member_client("viewer")
    charter = CharterFactory(workspace=client.membership.workspace)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    url = reverse("charter:charter", args=[charter.workspace.slug, charter.pk])

    page = client.get(url, HTTP_ACCEPT_LANGUAGE="ru").content.decode()

    assert "完整度" in page
    assert "Completeness" not in page and "Полнота" not in page
