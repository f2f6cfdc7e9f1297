"""PDF documents made from a version's snapshot: print templates to HTML, HTML to PDF.

Everything the PDF shows comes from the frozen snapshot, except what only exists after
publishing (the approval record, a meeting's agenda), which other apps add as
``DocumentPart``s through the registry.
"""

import time
from dataclasses import dataclass, field

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML, Attachment
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from charter.documents import halves
from charter.documents.exports import SIGNED, SNAPSHOT_ATTACHMENT, UNAPPROVED, document_parts
from charter.documents.figures import drawings_as_images
from charter.documents.isolation import in_render_process
from charter.documents.marks import draft_mark_urls
from charter.documents.open_points import APPENDIX, OPEN_POINTS, open_points
from charter.formatting import language_tag
from charter.models import CharterVersion, PdfExport, VersionStatus
from charter.palette import colour
from charter.registry import registry
from charter.versions.publishing import canonical_json

# The element on the cover that keeps room for the signature's visible appearance.
SIGNATURE_BOX_ID = "signature-box"
# WeasyPrint lays out in CSS pixels; PDF user space is in points.
POINTS_PER_PX = 0.75

# PDF/A-3a archives the document with its tags (which PDF/A-3b and -3u do not require) and
# allows the embedded snapshot (PDF/A-1 and -2 forbid non-PDF attachments).
PDF_VARIANT = "pdf/a-3a"


@dataclass(frozen=True)
class PageBox:
    """A rectangle on a page of the PDF, in PDF points from the page's lower left corner."""

    page_index: int
    left: float
    bottom: float
    right: float
    top: float


@dataclass
class RenderedPdf:
    data: bytes
    page_count: int
    timings: dict[str, float] = field(default_factory=dict)
    signature_box: PageBox | None = None


def snapshot_sections(version: CharterVersion) -> list[tuple]:
    """The registered sections present in the snapshot, in registry order, with their data.

    A section registered after the version was published has nothing to show, and one whose
    app is gone cannot be rendered; both are left out.
    """
    stored = version.snapshot.get("sections", {})
    return [(section, stored[section.key]) for section in registry.all() if section.key in stored]


def approvers(parts: list[tuple]) -> list[dict]:
    """Who approved, for the cover, from a charter part (governance's approval record).

    A part offers them as ``approvers`` ([{"name", "title"}]), or as ``votes`` whose
    ``decision`` is "approve".
    """
    for _part, data in parts:
        if data.get("approvers"):
            return data["approvers"]
        votes = [vote for vote in data.get("votes") or [] if vote.get("decision") == "approve"]
        if votes:
            return votes
    return []


def chapters(sections: list[tuple], parts: list[tuple], open_points=None) -> list[dict]:
    """Sections, then the parts other apps add, numbered; appendices last, lettered, the
    editors' open points (when asked for) the very last."""
    main = [{"key": s.key, "title": s.title, "section": s, "data": d} for s, d in sections]
    main = [chapter for chapter in main if not chapter["section"].appendix]
    main += [{"key": p.key, "title": p.title, "part": p, "data": d} for p, d in parts]
    appendices = [
        {"key": s.key, "title": s.title, "section": s, "data": d, "appendix": True}
        for s, d in sections
        if s.appendix
    ]
    if open_points is not None:
        appendices.append(
            {
                "key": APPENDIX.key,
                "title": APPENDIX.title,
                "part": APPENDIX,
                "data": {"sections": open_points},
                "appendix": True,
            }
        )
    for number, chapter in enumerate(main, start=1):
        chapter["number"] = str(number)
    for letter, chapter in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", appendices, strict=False):
        chapter["number"] = letter
    for chapter in main + appendices:
        chapter["id"] = f"chapter-{chapter['key']}"
    return main + appendices


def document_context(export: PdfExport) -> dict:
    version = export.version
    info = version.snapshot.get("charter", {})
    parts = document_parts(export.kind, version, export.params)
    sections = snapshot_sections(version) if export.kind == PdfExport.Kind.CHARTER else []
    is_draft = export.version_status in UNAPPROVED
    # Only a draft's charter PDF carries them, whatever the request says: never the board's.
    with_open_points = (
        is_draft and export.kind == PdfExport.Kind.CHARTER and export.params.get(OPEN_POINTS)
    )
    return {
        "export": export,
        "version": version,
        "version_status": VersionStatus(export.version_status),
        "is_draft": is_draft,
        "signed": export.version_status in SIGNED,
        "signature_box_id": SIGNATURE_BOX_ID,
        "charter_info": info,
        "as_of": version.as_of,
        "lang": language_tag(info.get("language", "en")),
        "chapters": chapters(
            sections, parts, open_points(version.snapshot) if with_open_points else None
        ),
        "approvers": approvers(parts),
        "cover_subtitle": next(
            (d["cover_subtitle"] for _, d in parts if "cover_subtitle" in d), ""
        ),
    }


def build_html(export: PdfExport) -> str:
    # The fixed words of the document (cover, contents, the labels the document parts write)
    # follow the charter's language, not the language of whoever asked for the export.
    language = export.version.snapshot.get("charter", {}).get("language") or "en"
    with translation.override(language):
        context = document_context(export)
        if context["is_draft"]:
            context["draft_marks"] = draft_mark_urls(
                translation.gettext("DRAFT — not approved"), context["lang"], colour("bad-mark")
            )
        return drawings_as_images(render_to_string("charter/documents/document.html", context))


def snapshot_attachment(version: CharterVersion) -> Attachment:
    """The version's snapshot as the PDF's source file: the charter can be restored from it."""
    return Attachment(
        string=canonical_json(version.snapshot),
        name=SNAPSHOT_ATTACHMENT,
        description=translation.gettext("Snapshot of version %(number)s, SHA-256 %(hash)s")
        % {"number": version.number, "hash": version.snapshot_sha256},
        relationship="Source",
    )


def render(html: str, attachments: list[Attachment] | None = None) -> RenderedPdf:
    """Lay out and write the PDF (PDF/A, tagged for accessibility), timing each step.

    In a process of its own: see ``charter.documents.isolation``.
    """
    return in_render_process(_render_here, html, attachments or [])


def _render_here(html: str, attachments: list[Attachment]) -> RenderedPdf:
    started = time.perf_counter()
    # The documents are self-contained (inline CSS and SVG): nothing a charter's text says may
    # make the worker fetch a file or reach the network.
    offline = URLFetcher(allowed_protocols={"data"})
    document = HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=offline).render(
        font_config=FontConfiguration()
    )
    laid_out = time.perf_counter()
    data = halves.write_pdf(
        document, pdf_tags=True, pdf_variant=PDF_VARIANT, attachments=attachments
    )
    written = time.perf_counter()
    return RenderedPdf(
        data=data,
        page_count=len(document.pages),
        timings={"layout": round(laid_out - started, 3), "write": round(written - laid_out, 3)},
        signature_box=find_box(document, SIGNATURE_BOX_ID),
    )


def find_box(document, element_id: str) -> PageBox | None:
    """Where the laid-out element with this id landed (its first page), if anywhere."""
    for index, page in enumerate(document.pages):
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if element is not None and element.get("id") == element_id:
                top = page.height - box.border_box_y()
                bottom = top - box.border_height()
                return PageBox(
                    page_index=index,
                    left=box.border_box_x() * POINTS_PER_PX,
                    bottom=bottom * POINTS_PER_PX,
                    right=(box.border_box_x() + box.border_width()) * POINTS_PER_PX,
                    top=top * POINTS_PER_PX,
                )
    return None
