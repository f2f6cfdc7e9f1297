"""What the charter PDF shows: read back with pypdf and poppler, page by page."""

import io
import shutil
import subprocess
import tempfile
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader

from charter.documents import rendering as pdf
from charter.formatting import format_date
from charter.models import PartnerTeam, RaciAssignment, Scope, Service
from charter.registry import DocumentPart, document_parts, registry
from tests.charter.pdf_factories import (
    after_contents,
    embedded_fonts,
    export_now,
    figure_alts,
    flat,
    in_order,
    page_texts,
    pdf_bytes,
    poppler,
)
from tests.charter.section_factories import MetricActualFactory, MetricFactory, score
from tests.charter.version_factories import approve, charter_with_editor, publish_version
from tests.governance.factories import make_board

pytestmark = pytest.mark.django_db

DRAFT_MARK = "DRAFT — not approved"


@pytest.fixture
def approval_part():
    """A charter part like governance's approval record, with approvers for the cover."""
    part = DocumentPart(
        key="test-approval-record",
        document="charter",
        order=10,
        title="Approval record",
        template="charter/documents/board_pack/changes.html",
        data=lambda version, params: (
            {
                "approvers": [
                    {"name": "Beatrice Morgan", "title": "Chief Revenue Officer"},
                    {"name": "Helena Ward", "title": "Advisor", "outside": True},
                ]
            }
            if version.is_approved
            else None
        ),
    )
    document_parts.register(part)
    yield part
    document_parts.unregister(part.key)


def render(django_capture_on_commit_callbacks, approved=False, **charter_fields):
    charter, membership = charter_with_editor(**charter_fields)
    membership.user.first_name, membership.user.last_name = "Ethan", "Reyes"
    membership.user.save()
    version = publish_version(charter, membership, label="2026-Q4")
    if approved:
        approve(version, membership)
    export = export_now(django_capture_on_commit_callbacks, version)
    assert export.status == "done", export.error
    return version, export, pdf_bytes(export)


@pytest.fixture
def draft_pdf(django_capture_on_commit_callbacks):
    return render(django_capture_on_commit_callbacks, title="Northwind Enablement Charter FY2027")


def test_cover_names_charter_workspace_version_and_status(draft_pdf):
    version, _export, data = draft_pdf
    cover = page_texts(data)[0]

    assert "Northwind Enablement Charter FY2027" in cover
    assert version.charter.workspace.name in cover
    assert "Version 1 · 2026-Q4" in cover
    assert "Draft" in cover
    assert "Ethan Reyes" in cover
    assert version.snapshot_sha256[:32] in cover.replace("\n", "")


def test_every_registered_section_follows_the_contents_in_registry_order(draft_pdf):
    _version, export, data = draft_pdf
    pages = page_texts(data)
    titles = [str(section.title) for section in registry.all()]

    assert "Contents" in pages[1]
    assert in_order(pages[1], titles)
    body = after_contents(pages, titles[-1])
    assert in_order(body, titles)
    assert export.page_count == len(pages)


def contents(data: bytes) -> dict[str, int]:
    """Chapter title → page number, read from the contents page."""
    entries = {}
    for line in page_texts(data, lines=True)[1].splitlines():
        words = line.split()
        if len(words) >= 2 and words[-1].isdigit():
            entries[" ".join(words[1:-1])] = int(words[-1])
    return entries


def test_contents_give_the_page_each_section_starts_on(draft_pdf):
    _version, _export, data = draft_pdf
    pages = page_texts(data)
    toc = contents(data)

    for section in registry.all():
        assert str(section.title) in pages[toc[str(section.title)] - 1]


def test_running_header_and_footer_show_title_version_page_and_snapshot_hash(draft_pdf):
    version, _export, data = draft_pdf
    pages = page_texts(data)
    third = pages[2]

    assert "Northwind Enablement Charter FY2027" in third
    assert "Version 1 · 2026-Q4" in third
    assert f"3 / {len(pages)}" in third
    assert f"Snapshot {version.short_hash}" in third


def marked_pixels(data: bytes, page: int) -> int:
    """How many pixels of a page, rasterised coarsely, have the DRAFT mark's red tint."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed: run scripts/system-deps.sh")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf_file:
        pdf_file.write(data)
        pdf_file.flush()
        ppm = subprocess.run(  # noqa: S603
            [pdftoppm, "-r", "20", "-f", str(page), "-l", str(page), pdf_file.name],
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout
    # A binary PPM: "P6", width, height, maxval, then RGB bytes.
    header = ppm.split(maxsplit=4)
    width, height, pixels = int(header[1]), int(header[2]), header[4]
    rgb = (pixels[i : i + 3] for i in range(0, width * height * 3, 3))
    return sum(1 for r, g, b in rgb if r > 230 and 205 < g < 235 and g - b < 8 and r - g > 10)


def test_an_unapproved_version_carries_the_draft_mark_on_every_page(draft_pdf):
    _version, _export, data = draft_pdf
    pages = len(PdfReader(io.BytesIO(data)).pages)

    assert all(marked_pixels(data, page) > 20 for page in range(1, pages + 1))


def test_the_draft_mark_is_not_extractable_text(draft_pdf):
    _version, _export, data = draft_pdf
    text = poppler("pdftotext", data)
    body = flat(text.split("\f", 1)[1])

    for word in ("DRAFT", "not approved"):
        assert word not in body
    assert "DRAFT" not in " ".join(page_texts(data)[1:])


def test_the_draft_mark_is_not_in_the_tag_tree(draft_pdf):
    _version, _export, data = draft_pdf

    assert DRAFT_MARK.encode("utf-16-be") not in data
    assert not any("DRAFT" in alt for alt in figure_alts(data))


def test_an_approved_version_has_no_mark_on_its_pages(
    django_capture_on_commit_callbacks, approval_part
):
    _version, _export, data = render(django_capture_on_commit_callbacks, approved=True)

    assert marked_pixels(data, 3) == 0


def test_an_approved_version_has_no_draft_mark_and_names_approvers_on_the_cover(
    django_capture_on_commit_callbacks, approval_part
):
    version, _export, data = render(django_capture_on_commit_callbacks, approved=True)
    pages = page_texts(data)

    assert not any(DRAFT_MARK in text for text in pages)
    assert "Approved" in pages[0]
    assert format_date(version.decided_at, "en") in pages[0]
    assert "Beatrice Morgan" in pages[0]
    assert "Helena Ward · Advisor · outside reviewer" in " ".join(pages[0].split())
    assert "Morgan · Chief Revenue Officer · outside" not in " ".join(pages[0].split())
    assert "Approval record" in "\n".join(pages[2:])


def test_pdf_metadata_language_and_tags_are_set(draft_pdf):
    version, _export, data = draft_pdf
    reader = PdfReader(io.BytesIO(data))

    assert reader.metadata.title.startswith("Northwind Enablement Charter FY2027")
    assert reader.metadata.author == "Ethan Reyes"
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en"
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog
    assert version.snapshot_sha256 in reader.metadata["/Keywords"]


def test_the_roadmap_chapter_is_printed_on_landscape_pages(draft_pdf):
    _version, _export, data = draft_pdf
    reader = PdfReader(io.BytesIO(data))
    toc = contents(data)
    starts = sorted(toc.values())
    first = toc["Roadmap"]
    after = next((page for page in starts if page > first), len(reader.pages) + 1)

    for number, page in enumerate(reader.pages, start=1):
        landscape = page.mediabox.width > page.mediabox.height
        assert landscape == (first <= number < after), f"page {number}"


def test_fonts_are_embedded(draft_pdf):
    _version, _export, data = draft_pdf
    fonts = embedded_fonts(data)

    assert fonts
    assert all(font["embedded"] for font in fonts)
    assert any("NotoSans" in font["name"].replace("-", "") for font in fonts)


@pytest.mark.parametrize(
    ("language", "title", "lang_tag", "font"),
    [
        ("zh-hans", "诺斯温德销售赋能章程", "zh-Hans", "NotoSansCJKsc"),
        ("zh-hant", "諾斯溫德銷售賦能章程", "zh-Hant", "NotoSansCJKtc"),
        ("ru", "Устав отдела развития продаж", "ru", "NotoSans"),
    ],
)
def test_chinese_and_russian_charters_use_their_fonts_and_extract_as_text(
    django_capture_on_commit_callbacks, language, title, lang_tag, font
):
    _version, _export, data = render(
        django_capture_on_commit_callbacks, title=title, language=language
    )
    reader = PdfReader(io.BytesIO(data))

    assert title in page_texts(data)[0]
    assert reader.trailer["/Root"]["/Lang"] == lang_tag
    fonts = embedded_fonts(data)
    assert all(font["embedded"] for font in fonts)
    assert any(font.lower() in entry["name"].replace("-", "").lower() for entry in fonts)


def test_metrics_maturity_and_raci_print_their_values_with_the_raci_header_on_every_page(
    django_capture_on_commit_callbacks,
):
    charter, membership = charter_with_editor(title="Acme Charter")
    metric = MetricFactory(charter=charter, name="Qualified win rate", baseline=20, target=30)
    MetricActualFactory(metric=metric, period_start=date(2026, 7, 1), value=Decimal("27.5"))
    score(charter, "Content", 3, evidence="One content hub")
    teams = [PartnerTeam.objects.create(charter=charter, name=f"Team {n}") for n in range(8)]
    services = [
        Service.objects.create(workspace=charter.workspace, name=f"Service number {n}")
        for n in range(40)
    ]
    scope = Scope.objects.create(charter=charter)
    scope.services.set(services)
    RaciAssignment.objects.bulk_create(
        RaciAssignment(charter=charter, service=service, team=team, letter="RACI"[n % 4])
        for service in services
        for n, team in enumerate(teams)
    )
    version = publish_version(charter, membership)

    pages = page_texts(pdf_bytes(export_now(django_capture_on_commit_callbacks, version)))

    body = " ".join(pages)
    assert in_order(body, ["Qualified win rate", "20", "30", "27.5"])
    assert "One content hub" in body
    raci_pages = [text for text in pages if "Service number" in text and "Team 7" in text]
    assert len(raci_pages) >= 2  # 40 services do not fit one page
    assert all(in_order(text, ["Team 0", "Team 7", "Service number"]) for text in raci_pages)


def test_the_approval_record_names_each_vote_and_the_approvers_on_the_cover(
    django_capture_on_commit_callbacks,
):
    board = make_board(seats=3)
    version = board.submit()
    board.vote(version, 0, "approve", "Ready for the field.")
    board.vote(version, 1, "approve", "Agreed.")
    assert version.is_approved
    chair = board.seats[0].user.get_full_name()

    export = export_now(django_capture_on_commit_callbacks, version)

    pages = page_texts(pdf_bytes(export))
    assert chair in pages[0] and "VP 0" in pages[0]
    record = " ".join(pages[2:])
    assert in_order(record, ["Approval record", chair, "Approve", "Ready for the field."])
    assert not any(DRAFT_MARK in text for text in pages)


def test_rendering_never_fetches_files_or_urls_named_in_the_html(tmp_path):
    secret = tmp_path / "secret.svg"
    secret.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40">'
        '<text x="0" y="20">TOP SECRET FILE</text></svg>'
    )
    html = f'<p>Before</p><img src="{secret.as_uri()}"><img src="http://169.254.169.254/x.svg">'

    text = " ".join(page_texts(pdf.render(html).data))

    assert "Before" in text
    assert "TOP SECRET FILE" not in text


def test_bookmarks_read_as_the_chapter_headings_do(draft_pdf):
    _version, _export, data = draft_pdf

    titles = [
        item.title for item in PdfReader(io.BytesIO(data)).outline if not isinstance(item, list)
    ]

    assert titles[:2] == ["1 Current state", "2 Future success"]
