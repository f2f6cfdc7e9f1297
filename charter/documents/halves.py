"""The laid-out document written as two halves at once, the second in a forked child, and joined.

Writing a PDF (painting every page, the fonts, the tag tree, compressing) is nearly half of
a render, and one page's writing needs nothing but its own laid-out boxes, which a forked
child already has. WeasyPrint also builds its tag tree page by page (every page's elements
are children of the one Document element), so two halves' trees joined are the whole
document's tree. What spans the halves is put back together here:

* the tag tree: the second half's elements join the first's Document element, and its
  structure-parent keys (pages' and annotations') move past the first half's;
* links: a half keeps a link to an anchor in the other half (WeasyPrint would drop it) by
  seeing that anchor's name too; the joined name tree points every name at its real page;
* bookmarks: drawn again from the whole document, so that a chapter's headings stay nested
  under it across the halves.

The first half carries the catalogue: language, PDF/A metadata, output intent and the
attachments. Each half embeds its own subsets of the fonts it uses, which is why a Chinese
document, whose CJK subset is large, is written in one go.
"""

import copy
import io
import os

import pikepdf
from django.conf import settings

from charter.documents import isolation
from charter.fonts import CJK_FACES
from charter.formatting import content_language

# WeasyPrint lays out in CSS pixels; PDF user space is in points (see its generate_pdf).
SCALE = 0.75
# A drawing's label, against one laid-out box (measured on the bench's charter).
SVG_TEXT_WEIGHT = 15
# Below this many pages, a child and a join cost more than the halved writing saves.
MIN_PAGES = 4


def cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def carries_a_large_font(document) -> bool:
    """Whether each half would embed a large font subset of its own.

    A Chinese document's subset of its CJK face holds a drawing for each of hundreds of
    characters: written twice, it made the demo's Chinese charter 1.22 MB instead of 0.77 MB,
    for a third of a second less rendering (in the background, mostly).
    """
    return content_language(document.metadata.lang or "en") in CJK_FACES


def worth_halving(document) -> bool:
    return (
        len(document.pages) >= MIN_PAGES
        and settings.PDF_RENDER_PROCESSES >= 2
        and cores() >= 2
        and isolation.can_fork()
        and not carries_a_large_font(document)
    )


def write_pdf(document, **options) -> bytes:
    """``document.write_pdf(**options)``, in two halves at once where that is faster."""
    if not worth_halving(document):
        return document.write_pdf(**options)
    pages = document.pages
    split = balanced_split(pages)
    first, second = pages[:split], pages[split:]
    attachments = options.pop("attachments", None) or []
    rest = isolation.Child(write_half, document, second, first, options)
    try:
        whole = write_half(document, first, second, {**options, "attachments": attachments})
    except BaseException:
        rest.kill()
        raise
    return join(
        whole,
        rest.result(),
        names_of_second=anchor_names(second) - anchor_names(first),
        bookmarks=document.make_bookmark_tree(SCALE, transform_pages=True),
    )


def page_weight(page) -> int:
    """How long a page takes to write, roughly, in laid-out boxes: a drawing's text is shaped
    line by line, which costs about as much as fifteen boxes a label."""
    weight = 0
    for box in page._page_box.descendants():
        weight += 1
        drawing = getattr(getattr(box, "replacement", None), "_svg", None)
        if drawing is not None:
            for node in drawing.tree._etree_node.iter():
                weight += SVG_TEXT_WEIGHT if str(node.tag).endswith("text") else 2
    return weight


def balanced_split(pages) -> int:
    """Where the first half ends: as close to half the writing as a page boundary allows."""
    weights = [page_weight(page) for page in pages]
    half, running = sum(weights) / 2, 0
    for index, weight in enumerate(weights):
        if running + weight / 2 >= half:
            return max(1, min(index, len(pages) - 1))
        running += weight
    return len(pages) - 1


def anchor_names(pages) -> set[str]:
    return {name for page in pages for name in page.anchors}


def write_half(document, own_pages, other_pages, options) -> bytes:
    """The PDF of ``own_pages``, keeping their links into ``other_pages``."""
    missing = anchor_names(other_pages) - anchor_names(own_pages)
    if missing:
        # A stand-in anchor on the half's first page keeps the link; the join then points
        # the name at the other half's page.
        stand_in = copy.copy(own_pages[0])
        stand_in.anchors = {**{name: (0, 0, 0, 0) for name in missing}, **stand_in.anchors}
        own_pages = [stand_in, *own_pages[1:]]
    return document.copy(own_pages).write_pdf(**options)


def _pairs(array) -> list[tuple]:
    items = list(array)
    return list(zip(items[::2], items[1::2], strict=True))


def _structure_keys_after(pdf: pikepdf.Pdf) -> int:
    keys = [int(key) for key, _ in _pairs(pdf.Root.StructTreeRoot.ParentTree.Nums)]
    return max(keys, default=-1) + 1


def _move_structure_keys(pdf: pikepdf.Pdf, offset: int) -> None:
    for page in pdf.pages:
        if "/StructParents" in page.obj:
            page.obj.StructParents = int(page.obj.StructParents) + offset
        for annotation in page.obj.get("/Annots", []):
            if "/StructParent" in annotation:
                annotation.StructParent = int(annotation.StructParent) + offset
    tree = pdf.Root.StructTreeRoot.ParentTree
    tree.Nums = pikepdf.Array(
        [item for key, value in _pairs(tree.Nums) for item in (int(key) + offset, value)]
    )


def _copied(whole: pikepdf.Pdf, value):
    """A value of the second half, copied into the whole: objects by reference, so that a
    page or an element copied twice is one object; direct arrays item by item."""
    if isinstance(value, pikepdf.Object) and value.is_indirect:
        return whole.copy_foreign(value)
    if isinstance(value, pikepdf.Array):
        return pikepdf.Array([_copied(whole, item) for item in value])
    return value


def _join_tags(whole: pikepdf.Pdf, rest: pikepdf.Pdf) -> None:
    document_element = whole.Root.StructTreeRoot.K[0]
    rest_elements = list(rest.Root.StructTreeRoot.K[0].K)
    for element in rest_elements:
        # Cut from the second half's Document first, so that copying an element does not
        # drag that Document and its whole tree along.
        del element.P
    for element in rest_elements:
        copied = whole.copy_foreign(element)
        copied.P = document_element
        document_element.K.append(copied)
    nums = whole.Root.StructTreeRoot.ParentTree.Nums
    for key, value in _pairs(rest.Root.StructTreeRoot.ParentTree.Nums):
        nums.append(key)
        nums.append(_copied(whole, value))


def _destinations(pdf: pikepdf.Pdf) -> dict[str, pikepdf.Object]:
    names = pdf.Root.get("/Names")
    if names is None or "/Dests" not in names:
        return {}
    return {str(name): target for name, target in _pairs(names.Dests.Names)}


def _join_destinations(whole: pikepdf.Pdf, rest: pikepdf.Pdf, names_of_second) -> None:
    joined = _destinations(whole)
    for name, target in _destinations(rest).items():
        if name in names_of_second:
            joined[name] = _copied(whole, target)
    if not joined:
        return
    if "/Names" not in whole.Root:
        whole.Root.Names = pikepdf.Dictionary()
    # A name tree's keys are sorted.
    whole.Root.Names.Dests = whole.make_indirect(
        pikepdf.Dictionary(
            Names=pikepdf.Array(
                [item for name in sorted(joined) for item in (pikepdf.String(name), joined[name])]
            )
        )
    )


def _outline_items(pdf: pikepdf.Pdf, bookmarks, parent) -> tuple[list, int]:
    """WeasyPrint's own outline (its ``add_outlines``), with pikepdf objects."""
    count = len(bookmarks)
    items = []
    for title, (page, x, y), children, state in bookmarks:
        item = pdf.make_indirect(
            pikepdf.Dictionary(
                Title=pikepdf.String(title),
                Dest=pikepdf.Array([pdf.pages[page].obj, pikepdf.Name.XYZ, x, y, 0]),
                Parent=parent,
            )
        )
        child_items, child_count = _outline_items(pdf, children, item)
        item.Count = -child_count if state == "closed" else child_count
        if state != "closed":
            count += child_count
        if child_items:
            item.First, item.Last = child_items[0], child_items[-1]
        if items:
            item.Prev = items[-1]
            items[-1].Next = item
        items.append(item)
    return items, count


def _outlines(pdf: pikepdf.Pdf, bookmarks) -> None:
    if "/Outlines" in pdf.Root:
        del pdf.Root.Outlines
    if not bookmarks:
        return
    root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Outlines))
    items, count = _outline_items(pdf, bookmarks, root)
    root.Count, root.First, root.Last = count, items[0], items[-1]
    pdf.Root.Outlines = root


def join(first: bytes, second: bytes, *, names_of_second: set[str], bookmarks) -> bytes:
    """One PDF of the first half's pages and then the second's, as one render would write."""
    with pikepdf.open(io.BytesIO(first)) as whole, pikepdf.open(io.BytesIO(second)) as rest:
        _move_structure_keys(rest, _structure_keys_after(whole))
        whole.pages.extend(rest.pages)
        _join_tags(whole, rest)
        _join_destinations(whole, rest, names_of_second)
        _outlines(whole, bookmarks)
        out = io.BytesIO()
        # The first half's PDF/A metadata is the document's: pikepdf must not rewrite it.
        # Objects copied from the second half would otherwise be written one by one, outside
        # the compressed object streams: the tag tree's thousands of elements, +75 % of size.
        whole.save(
            out,
            fix_metadata_version=False,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
        )
        return out.getvalue()
