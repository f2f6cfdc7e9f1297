"""The demo PDF's finish: every figure says what it shows, in the charter's language, and the
DRAFT mark fits portrait and landscape pages."""

import io
import re

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from charter.documents.finishing import make_pdf
from charter.documents.rendering import build_html
from charter.formatting import format_date, format_reporting_period
from charter.models import Charter, PdfExport
from tests.charter.pdf_factories import figure_alts, mark_box, page_texts
from tests.test_translations import compiled_catalogues  # noqa: F401  the fixture

pytestmark = pytest.mark.django_db

CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def demo_pdf_bytes(language: str):
    """The demo's newest version (a draft under review), its HTML and its PDF as the worker
    renders it."""
    call_command("seed_demo", language=language, stdout=io.StringIO())
    version = Charter.objects.get().versions.order_by("-number").first()
    export = PdfExport(version=version, kind=PdfExport.Kind.CHARTER, version_status=version.status)
    return version, build_html(export), make_pdf(export).data


def demo_pdf(language: str):
    version, html, data = demo_pdf_bytes(language)
    return version, html, figure_alts(data)


def one_alt_naming(alts: list[str], *needles: str) -> str:
    found = [alt for alt in alts if all(needle in alt for needle in needles)]
    assert len(found) == 1, (needles, alts)
    return found[0]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_figure_of_the_demo_pdf_has_a_specific_alt_text(
    compiled_catalogues,  # noqa: F811
    language,
):
    version, html, alts = demo_pdf(language)
    sections = version.snapshot["sections"]

    assert alts, "the demo PDF has figures"
    assert len(alts) == html.count("<img "), "every drawing is a tagged figure"
    assert all(len(alt.strip()) > 20 for alt in alts), alts

    for metric in sections["future-success"]["metrics"]:
        if not metric["actuals"]:
            continue
        latest = metric["actuals"][-1]
        alt = one_alt_naming(
            alts, metric["name"], format_reporting_period(latest["period_label"], language)
        )
        assert metric["unit"] in alt
    maturity = sections["current-state"]["maturity"]
    maturity_alt = one_alt_naming(alts, *(row["name"] for row in maturity["dimensions"]))
    assessed = next(row for row in maturity["dimensions"] if row.get("rank"))
    assert assessed["level"] in maturity_alt
    phases = [phase["name"] for phase in sections["roadmap"]["phases"]]
    # The timeline names its phases and the day its "today" line marks.
    one_alt_naming(alts, *phases, format_date(version.as_of, language))
    if language == "ru":
        assert all(CYRILLIC.search(alt) for alt in alts), alts
        assert "Win rate" not in " ".join(alts)


def test_the_draft_mark_fits_portrait_and_landscape_pages():
    _version, _html, data = demo_pdf_bytes("en")
    pages = PdfReader(io.BytesIO(data)).pages
    landscape = [n for n, page in enumerate(pages, 1) if page.mediabox.width > page.mediabox.height]
    portrait = [n for n, page in enumerate(pages, 1) if page.mediabox.width < page.mediabox.height]
    assert landscape and len(portrait) > 2, "the demo has the roadmap's landscape pages"

    # The cover's dark band hides most of its mark: the pages after it show it whole.
    for number in [portrait[1], landscape[0], landscape[-1]]:
        box = mark_box(data, number)
        assert box is not None, f"page {number} has no DRAFT mark"
        left, right, top, bottom = box
        assert left > 0.02 and right < 0.98 and top > 0.02 and bottom < 0.98, (number, box)
        assert abs((left + right) / 2 - 0.5) < 0.05, (number, box)
        assert right - left > 0.6, (number, box)
        if number in landscape:
            # Across a landscape page the words rise through most of its height too.
            assert bottom - top > 0.5, (number, box)
    # The cover names the status in words; no other page has the mark's words as text.
    assert not any("DRAFT" in text for text in page_texts(data)[1:])
    assert not any("DRAFT" in alt for alt in figure_alts(data))
