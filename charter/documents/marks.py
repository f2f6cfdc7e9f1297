"""Page decorations drawn as images, so that they stay out of the text and the tag tree.

The DRAFT mark is the page's background image (WeasyPrint paints backgrounds as artifacts).
Its words are glyph outlines, not text: an SVG ``<text>`` would still be extractable, and
copied or read-aloud text would pick up its letters between the body's.
"""

import base64
import json
import math
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

from charter.fonts import CJK_FACES
from charter.formatting import content_language

# The page sizes of the print CSS, in PDF points (A4 portrait and landscape). A background is
# fitted into the page area ("contain"), whose proportions are close to the page's.
PAGE_SIZES = {"portrait": (595, 842), "landscape": (842, 595)}
FONT_SIZE = 46
ANGLE = -32
# The mark's centre, from the top, as a share of the page's height.
CENTRE = 0.42
# The turned words stay inside this share of the page on either side of the centre.
ROOM = 0.9
# Short words (草稿) are not blown up past this share of the page's shorter side.
MAX_LETTER_HEIGHT = 0.11


# Run as a script: see its docstring for why the outlines are drawn in a process of their own.
OUTLINES_SCRIPT = Path(__file__).with_name("outlines.py")


def _patterns(character: str, language: str) -> list[str]:
    # fontconfig reads no BCP 47 script subtags ("zh-Hans" matches Latin faces), so a Chinese
    # mark names its regional face: the fallback by code point would be the Japanese one.
    regional = CJK_FACES.get(content_language(language))
    named = [f"{regional}:bold"] if regional else []
    return [
        *named,
        f"sans-serif:bold:lang={language}",
        f"sans-serif:bold:charset={ord(character):x}",
    ]


# Portrait and landscape marks share their outlines: drawn once per text and language.
@lru_cache(maxsize=16)
def outline_path(text: str, language: str) -> tuple[str, float]:
    """SVG path data of ``text`` at FONT_SIZE (baseline at y=0), and its advance width."""
    request = [[character, _patterns(character, language)] for character in text]
    # The script is ours and its input is JSON on stdin, never a command line from text.
    drawn = subprocess.run(  # noqa: S603
        [sys.executable, str(OUTLINES_SCRIPT), str(FONT_SIZE)],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    outlines = json.loads(drawn.stdout)
    return outlines["path"], outlines["width"]


def mark_scale(width: float, page_width: float, page_height: float) -> float:
    """How much the outlines (``width`` long at FONT_SIZE) grow or shrink to fit the page.

    The words are turned by ANGLE: their box on the page is the turned rectangle's, which
    must fit the room on either side of the centre, across and down.
    """
    turn = math.radians(abs(ANGLE))
    half_across = (width * math.cos(turn) + FONT_SIZE * math.sin(turn)) / 2
    half_down = (width * math.sin(turn) + FONT_SIZE * math.cos(turn)) / 2
    room_across = ROOM * page_width / 2
    room_down = ROOM * page_height * min(CENTRE, 1 - CENTRE)
    largest = MAX_LETTER_HEIGHT * min(page_width, page_height) / FONT_SIZE
    return min(largest, room_across / half_across, room_down / half_down)


@lru_cache(maxsize=16)
def draft_mark_url(text: str, language: str, colour: str, orientation: str = "portrait") -> str:
    """A data: URL of a page-sized SVG with ``text`` written across the page as outlines."""
    page_width, page_height = PAGE_SIZES[orientation]
    path, width = outline_path(text, language)
    fit = mark_scale(width, page_width, page_height) if width else 1.0
    centre_x, centre_y = page_width / 2, page_height * CENTRE
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {page_width} {page_height}">'
        f'<g transform="translate({centre_x} {centre_y}) rotate({ANGLE}) scale({fit:.4f}) '
        f'translate({-width / 2:.2f} {FONT_SIZE * 0.35:.2f})">'
        f'<path fill="{colour}" d="{path}"/></g></svg>'
    )
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")


def draft_mark_urls(text: str, language: str, colour: str) -> dict[str, str]:
    """The mark for every page orientation of the print CSS, by orientation."""
    return {
        orientation: draft_mark_url(text, language, colour, orientation)
        for orientation in PAGE_SIZES
    }
