"""Helpers for the PDF tests: make an export through the real task, read the PDF back."""

import io
import shutil
import subprocess
import tempfile

import pytest
from pypdf import PdfReader

from charter.documents.requests import request_export
from charter.models import PdfExport


def export_now(django_capture_on_commit_callbacks, version, kind="charter", by=None, params=None):
    """Request an export and run the queued task (eager Celery) as the commit would."""
    with django_capture_on_commit_callbacks(execute=True):
        export = request_export(version, kind, by or version.author, params)
    export.refresh_from_db()
    return export


def pdf_bytes(export: PdfExport) -> bytes:
    with export.file.open("rb") as handle:
        return handle.read()


def page_texts(data: bytes, lines: bool = False) -> list[str]:
    """The text of each page, its lines joined by spaces unless ``lines`` is asked for."""
    texts = [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]
    return texts if lines else [flat(text) for text in texts]


def poppler(tool: str, data: bytes, *args: str) -> str:
    """Run a poppler-utils tool (pdffonts, pdftotext) on the PDF; skip when it is missing."""
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed: run scripts/system-deps.sh")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(data)
        pdf.flush()
        command = [tool, *args, pdf.name] + (["-"] if tool == "pdftotext" else [])
        result = subprocess.run(command, capture_output=True, check=True, timeout=60)
    return result.stdout.decode()


def embedded_fonts(data: bytes) -> list[dict]:
    """pdffonts' table: one dict per font with its name and whether it is embedded."""
    lines = poppler("pdffonts", data).splitlines()[2:]
    return [
        {"name": line.split()[0], "embedded": line.split()[-5] == "yes"}
        for line in lines
        if line.strip()
    ]


def flat(text: str) -> str:
    """Text with line breaks and runs of spaces as single spaces: titles wrap on the page."""
    return " ".join(text.split())


def in_order(text: str, needles: list[str]) -> bool:
    text = flat(text)
    position = 0
    for needle in needles:
        found = text.find(needle, position)
        if found < 0:
            return False
        position = found + len(needle)
    return True


def after_contents(pages: list[str], last_entry: str) -> str:
    """The text that follows the contents, whose last entry is ``last_entry``: the first
    chapter starts on the contents page, right under it."""
    text = "\n".join(pages[1:])
    return text[text.index(last_entry) + len(last_entry) :]


def figure_alts(data: bytes) -> list[str]:
    """The alternate text of every /Figure in the PDF's structure tree ("" when it has none)."""
    reader = PdfReader(io.BytesIO(data))
    alts, pending, seen = [], [reader.trailer["/Root"]["/StructTreeRoot"]], set()
    while pending:
        node = pending.pop()
        if hasattr(node, "get_object"):
            if id(node.get_object()) in seen:
                continue
            node = node.get_object()
            seen.add(id(node))
        if isinstance(node, list):
            pending.extend(node)
            continue
        if not hasattr(node, "get"):
            continue
        if node.get("/S") == "/Figure":
            alts.append(str(node.get("/Alt", "")))
        if "/K" in node:
            pending.append(node["/K"])
    return alts


def mark_box(data: bytes, page_number: int) -> tuple[float, float, float, float] | None:
    """Where the DRAFT mark shows on a page, as shares of its width and height: (left, right,
    top, bottom), from the page rendered as pixels of the mark's light red, or None."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed: run scripts/system-deps.sh")
    from PIL import Image

    with tempfile.TemporaryDirectory() as folder:
        pdf = f"{folder}/document.pdf"
        with open(pdf, "wb") as handle:
            handle.write(data)
        page = str(page_number)
        subprocess.run(
            [
                pdftoppm,
                "-png",
                "-r",
                "24",
                "-singlefile",
                "-f",
                page,
                "-l",
                page,
                pdf,
                f"{folder}/page",
            ],
            check=True,
            timeout=60,
        )
        image = Image.open(f"{folder}/page.png").convert("RGB")
    width, height = image.size
    pixels = image.load()
    # The mark is bad-mark red at 13 % opacity: on white, a light red no other ink has.
    marked = [
        (x, y)
        for y in range(height)
        for x in range(width)
        if pixels[x, y][0] > 235
        and min(pixels[x, y][0] - pixels[x, y][1], pixels[x, y][0] - pixels[x, y][2]) > 12
    ]
    if not marked:
        return None
    xs, ys = [x for x, _y in marked], [y for _x, y in marked]
    return min(xs) / width, max(xs) / width, min(ys) / height, max(ys) / height
