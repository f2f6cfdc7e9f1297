"""A document written in two halves at once and joined is the document written in one go.

Read back with pikepdf: the same pages and text, the same tag tree (element by element,
with their marked content, pages and alt texts), every page's and link's entry in the tag
tree's parent tree, the same bookmarks, named destinations and links, and the first half's
catalogue (language, PDF/A metadata, output intent, attachments).
"""

import io

import pikepdf
import pytest
from django.conf import settings
from weasyprint import HTML, Attachment

from charter.documents import halves, isolation, rendering
from charter.documents.requests import request_export
from charter.models import PartnerTeam, RaciAssignment, Scope, Service
from tests.charter.pdf_factories import page_texts
from tests.charter.section_factories import MetricFactory
from tests.charter.version_factories import charter_with_editor, publish_version
from tests.roadmap.factories import MilestoneFactory

pytestmark = pytest.mark.django_db

OPTIONS = {"pdf_tags": True, "pdf_variant": rendering.PDF_VARIANT}


@pytest.fixture(autouse=True)
def two_render_processes(settings):
    settings.PDF_RENDER_PROCESSES = 2


def laid_out_charter(language: str, capture_on_commit):
    """A laid-out charter of a dozen pages: tables, timeline pages, contents and figures."""
    charter, membership = charter_with_editor(title="Acme Charter", language=language)
    for number in range(24):
        MetricFactory(charter=charter, name=f"Win rate {number}", baseline=20, target=30)
        MilestoneFactory(charter=charter, title=f"Launch the hub {number}")
    teams = [PartnerTeam.objects.create(charter=charter, name=f"Team {n}") for n in range(6)]
    services = [
        Service.objects.create(workspace=charter.workspace, name=f"Service {n}") for n in range(8)
    ]
    Scope.objects.create(charter=charter).services.set(services)
    RaciAssignment.objects.bulk_create(
        RaciAssignment(charter=charter, service=service, team=team, letter="R")
        for service in services
        for team in teams
    )
    version = publish_version(charter, membership)
    with capture_on_commit(execute=False):
        export = request_export(version, "charter", membership.user)
    html = rendering.build_html(export)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).render()


@pytest.fixture(params=["en", "ru"])
def document(request, django_capture_on_commit_callbacks):
    return laid_out_charter(request.param, django_capture_on_commit_callbacks)


def snapshot_file() -> Attachment:
    return Attachment(string='{"sections": {}}', name="charter-snapshot.json")


def pairs(array) -> list[tuple]:
    items = list(array)
    return list(zip(items[::2], items[1::2], strict=True))


def summary(data: bytes) -> dict:
    """Everything of the PDF a reader, a screen reader or an archive sees, by page number."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = {page.obj.objgen: number for number, page in enumerate(pdf.pages)}
        root = pdf.Root

        def target(destination) -> tuple:
            return (pages[destination[0].objgen], *[round(float(v), 2) for v in destination[2:4]])

        def link(annotation) -> str:
            if "/Dest" in annotation:
                return f"#{annotation.Dest}"
            return str(annotation.A.URI)

        def element(node) -> tuple:
            if isinstance(node, int):
                return ("mcid", node)
            if node.get("/Type") == "/OBJR":
                return ("annotation", pages[node.Pg.objgen], link(node.Obj))
            page = pages[node.Pg.objgen] if "/Pg" in node else None
            kids = node.get("/K", [])
            kids = [kids] if not isinstance(kids, pikepdf.Array) else kids
            return (
                str(node.S),
                str(node.get("/Alt", "")),
                page,
                tuple(element(kid) for kid in kids),
            )

        parent_tree = {int(key): value for key, value in pairs(root.StructTreeRoot.ParentTree.Nums)}
        content_owners = []
        for number, page in enumerate(pdf.pages):
            owners = parent_tree[int(page.obj.StructParents)]
            # Marked content number i of the page belongs to the i-th element of its entry.
            content_owners.append(
                [(str(owner.S), pages[owner.Pg.objgen] == number) for owner in owners]
            )
        annotation_owners = [
            (number, link(annotation), str(parent_tree[int(annotation.StructParent)].S))
            for number, page in enumerate(pdf.pages)
            for annotation in page.obj.get("/Annots", [])
        ]
        with pdf.open_outline() as outline:

            def bookmarks(items) -> list:
                return [
                    (item.title, target(item.destination), bookmarks(item.children))
                    for item in items
                ]

            outlines = bookmarks(outline.root)
        return {
            "texts": page_texts(data),
            "tags": element(root.StructTreeRoot.K[0]),
            "content owners": content_owners,
            "annotation owners": annotation_owners,
            "bookmarks": outlines,
            "destinations": {
                str(name): target(destination)
                for name, destination in pairs(root.Names.Dests.Names)
            },
            "lang": str(root.Lang),
            "metadata": root.Metadata.read_bytes(),
            "output intents": len(root.OutputIntents),
            "attachments": [str(name) for name, _ in pairs(root.Names.EmbeddedFiles.Names)],
            "mark info": bool(root.MarkInfo.Marked),
        }


def test_the_joined_halves_are_the_document_written_whole(document):
    assert len(document.pages) >= 8
    split = halves.balanced_split(document.pages)
    first, second = document.pages[:split], document.pages[split:]
    # What the join has to mend: a link of the first half into the second, and a chapter
    # whose bookmarks start in one half and go on in the other.
    assert any(
        link[0] == "internal" and link[1] in halves.anchor_names(second)
        for page in first
        for link in page.links
    )

    joined = halves.write_pdf(document, attachments=[snapshot_file()], **OPTIONS)
    whole = document.write_pdf(attachments=[snapshot_file()], **OPTIONS)

    assert summary(joined) == summary(whole)
    # Only the second half's font subsets come on top (Latin and Cyrillic ones are small).
    assert len(joined) < 1.15 * len(whole)
    with pikepdf.open(io.BytesIO(joined)) as pdf:
        assert pdf.check_pdf_syntax() == []
        assert len(pdf.pages) == len(document.pages)


def no_child(*args):
    raise AssertionError("no second process was needed")


def test_short_documents_single_cores_and_one_process_renders_are_written_in_one_go(
    document, monkeypatch, settings
):
    monkeypatch.setattr(isolation, "Child", no_child)
    monkeypatch.setattr(halves, "cores", lambda: 1)
    assert summary(halves.write_pdf(document, attachments=[snapshot_file()], **OPTIONS)) == (
        summary(document.write_pdf(attachments=[snapshot_file()], **OPTIONS))
    )
    monkeypatch.setattr(halves, "cores", lambda: 2)
    settings.PDF_RENDER_PROCESSES = 1
    assert halves.write_pdf(document, **OPTIONS).startswith(b"%PDF")
    settings.PDF_RENDER_PROCESSES = 2
    monkeypatch.setattr(halves, "cores", lambda: 2)
    short = document.copy(document.pages[: halves.MIN_PAGES - 1])
    assert halves.write_pdf(short, **OPTIONS).startswith(b"%PDF")


def test_the_halves_take_about_the_same_time_to_write(document):
    weights = [halves.page_weight(page) for page in document.pages]
    split = halves.balanced_split(document.pages)
    first, second = sum(weights[:split]), sum(weights[split:])
    heaviest = max(weights)
    assert abs(first - second) <= heaviest
    # A timeline page is a few boxes around a drawing full of labels: it weighs as much as
    # a page of table rows.
    timeline = next(
        page
        for page in document.pages
        if any(getattr(box, "replacement", None) for box in page._page_box.descendants())
        and sum(1 for _ in page._page_box.descendants()) < 60
    )
    assert halves.page_weight(timeline) > 10 * sum(1 for _ in timeline._page_box.descendants())


def test_a_failing_second_half_fails_the_render(document, monkeypatch):
    real_write_half = halves.write_half

    def second_half_fails(document, own_pages, other_pages, options):
        if own_pages[0] is not document.pages[0]:
            raise ValueError("the second half could not be written")
        return real_write_half(document, own_pages, other_pages, options)

    monkeypatch.setattr(halves, "write_half", second_half_fails)
    with pytest.raises(ValueError, match="second half"):
        halves.write_pdf(document, **OPTIONS)


def test_a_chinese_document_is_written_in_one_go_so_it_carries_its_cjk_subset_once(
    django_capture_on_commit_callbacks, monkeypatch
):
    chinese = laid_out_charter("zh-hans", django_capture_on_commit_callbacks)
    assert len(chinese.pages) >= halves.MIN_PAGES
    monkeypatch.setattr(isolation, "Child", no_child)
    data = halves.write_pdf(chinese, **OPTIONS)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        cjk_subsets = {
            str(font.BaseFont)
            for page in pdf.pages
            for font in page.obj.Resources.Font.values()
            if "CJK" in str(font.BaseFont)
        }
    cjk_faces = {subset.split("+")[-1] for subset in cjk_subsets}
    assert cjk_faces
    # One subset per face (regular, bold…), as two halves would each have their own.
    assert len(cjk_subsets) == len(cjk_faces)
