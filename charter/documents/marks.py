"""Page decorations drawn as images, so that they stay out of the text and the tag tree.

The DRAFT mark is the page's background image (WeasyPrint paints backgrounds as artifacts).
Its words are glyph outlines, not text: an SVG ``<text>`` would still be extractable, and
copied or read-aloud text would pick up its letters between the body's.
"""

import base64
import shutil
import subprocess
from functools import lru_cache

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

# A4 in PDF points: the mark is laid out on the page it covers.
PAGE_WIDTH, PAGE_HEIGHT = 595, 842
FONT_SIZE = 46
ANGLE = -32
# The mark's centre, from the top, as a share of the page's height.
CENTRE = 0.42
MAX_WIDTH = PAGE_WIDTH * 1.2


@lru_cache(maxsize=32)
def _font(pattern: str) -> TTFont | None:
    """The font fontconfig picks for a pattern (one face of a collection), or None."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    try:
        # The pattern is built from a language code and a code point, never from user text.
        found = subprocess.run(  # noqa: S603
            [fc_match, "-f", "%{file}\n%{index}", pattern],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.split("\n")
        return TTFont(found[0], fontNumber=int(found[1] or 0), lazy=True)
    except (OSError, subprocess.SubprocessError, ValueError, IndexError):
        return None


def _font_for(character: str, language: str) -> TTFont | None:
    for pattern in (
        f"sans-serif:bold:lang={language}",
        f"sans-serif:bold:charset={ord(character):x}",
    ):
        font = _font(pattern)
        if font is not None and ord(character) in font.getBestCmap():
            return font
    return None


def outline_path(text: str, language: str) -> tuple[str, float]:
    """SVG path data of ``text`` at FONT_SIZE (baseline at y=0), and its advance width."""
    paths, x = [], 0.0
    for character in text:
        font = _font_for(character, language)
        if font is None:
            x += FONT_SIZE * 0.3
            continue
        scale = FONT_SIZE / font["head"].unitsPerEm
        glyph_name = font.getBestCmap()[ord(character)]
        glyphs = font.getGlyphSet()
        pen = SVGPathPen(glyphs)
        glyphs[glyph_name].draw(TransformPen(pen, (scale, 0, 0, -scale, x, 0)))
        paths.append(pen.getCommands())
        x += glyphs[glyph_name].width * scale
    return " ".join(path for path in paths if path), x


@lru_cache(maxsize=16)
def draft_mark_url(text: str, language: str, colour: str) -> str:
    """A data: URL of an A4-sized SVG with ``text`` written across the page as outlines."""
    path, width = outline_path(text, language)
    fit = min(1.0, MAX_WIDTH / width) if width else 1.0
    centre_x, centre_y = PAGE_WIDTH / 2, PAGE_HEIGHT * CENTRE
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {PAGE_WIDTH} {PAGE_HEIGHT}">'
        f'<g transform="translate({centre_x} {centre_y}) rotate({ANGLE}) scale({fit:.4f}) '
        f'translate({-width / 2:.2f} {FONT_SIZE * 0.35:.2f})">'
        f'<path fill="{colour}" d="{path}"/></g></svg>'
    )
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")
