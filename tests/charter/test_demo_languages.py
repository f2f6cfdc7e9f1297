"""seed_demo --language writes the whole demo charter in that language."""

import io
import json
import re

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from charter.documents.rendering import build_html
from charter.models import Charter, CharterVersion, PdfExport
from governance.models import ActionItem, Meeting
from tests.test_translations import compiled_catalogues  # noqa: F401  the fixture

pytestmark = pytest.mark.django_db

# Sentences of the English demo, from several sections; none may survive in another language.
ENGLISH_DEMO_SENTENCES = [
    "Northwind grows from a mid-market leader",
    "Field sales for enterprise, inside sales for mid-market.",
    "Account executives",
    "Funding is reviewed each",
    "Designs and runs the programmes.",
    "Content lives in three drives",
    "Enablement business review",
    "Build the foundation",
    "New-hire onboarding program",
    "Enablement gives every customer-facing seller",
    "Every Northwind seller is ready for every buyer conversation",
    "Cut new-hire ramp time to four months",
    "Coaching sessions per rep per month",
    "Dana Whitfield",
    "We make great decks that nobody in the field can find.",
    "Custom ROI spreadsheets",
    "Sales-force enablement survey",
    "Sellers spend more time making content than marketing does",
]
SCRIPTS = {
    "zh-hans": re.compile(r"[\u4e00-\u9fff]"),
    "zh-hant": re.compile(r"[\u4e00-\u9fff]"),
    "ru": re.compile(r"[\u0400-\u04ff]"),
}


@pytest.mark.parametrize("language", list(SCRIPTS))
def test_seed_demo_in_a_language_writes_the_charter_and_its_versions_in_it(
    compiled_catalogues,  # noqa: F811
    language,
):
    call_command("seed_demo", language=language, stdout=io.StringIO())

    charter = Charter.objects.get()
    latest = CharterVersion.objects.filter(charter=charter).order_by("-number").first()
    snapshot = json.dumps(latest.snapshot, ensure_ascii=False)
    assert charter.language == language
    assert charter.workspace.language == language
    assert SCRIPTS[language].search(charter.title)
    assert SCRIPTS[language].search(charter.current_state.business_strategy)
    assert SCRIPTS[language].search(latest.summary)
    for sentence in ENGLISH_DEMO_SENTENCES:
        assert sentence not in snapshot, sentence
    minutes = Meeting.objects.exclude(minutes="").get().minutes
    assert SCRIPTS[language].search(minutes)
    assert all(SCRIPTS[language].search(item.title) for item in ActionItem.objects.all())


def test_seed_demo_in_russian_gives_people_russian_names_but_keeps_the_logins(
    compiled_catalogues,  # noqa: F811
):
    output = io.StringIO()

    call_command("seed_demo", language="ru", stdout=output)

    owner = Charter.objects.get().created_by
    assert owner.username == "owner"
    assert owner.get_full_name() == "Анна Смирнова"
    assert "Анна Смирнова" in output.getvalue()


def test_seed_demo_in_chinese_writes_names_family_name_first():
    call_command("seed_demo", language="zh-hans", stdout=io.StringIO())

    assert Charter.objects.get().created_by.get_full_name() == "王芳"


def test_seed_demo_defaults_to_english():
    call_command("seed_demo", stdout=io.StringIO())

    charter = Charter.objects.get()
    assert charter.language == "en"
    assert charter.title == "Northwind Sales Enablement Charter FY2027"


def test_seed_demo_with_an_unknown_language_is_a_command_error_and_seeds_nothing():
    with pytest.raises(CommandError, match="klingon"):
        call_command("seed_demo", language="klingon", stdout=io.StringIO())

    assert not Charter.objects.exists()


def test_the_approval_record_of_a_russian_demo_pdf_is_in_russian(
    compiled_catalogues,  # noqa: F811
):
    call_command("seed_demo", language="ru", stdout=io.StringIO())
    version = CharterVersion.objects.order_by("-number").first()
    export = PdfExport(
        version=version, kind=PdfExport.Kind.CHARTER, version_status=version.status, params={}
    )

    with translation.override("en"):
        html = build_html(export)

    assert "Протокол утверждения" in html
    assert "Simple majority" not in html
    assert "In review" not in html
