"""Glyph outlines of a few words as SVG path data, drawn in a short-lived process of its own.

The DRAFT mark's words are outlines drawn with fontTools, which holds a CJK collection's
character map and glyph set in some 70 MB of small Python objects. Freed, they stayed in the
worker's heap, fragmented, under the layout that followed: the worker's peak grew by that
much. ``charter.documents.marks`` therefore runs this file as a script (it imports neither
Django nor the project), once per mark text and language in a worker's life:

    python outlines.py FONT_SIZE < [[character, [fontconfig pattern, ...]], ...]
    → {"path": "SVG path data, baseline at y=0", "width": advance width}
"""

import json
import shutil
import subprocess
import sys

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

# The advance of a character no installed font has.
MISSING_ADVANCE = 0.3


def short_number(value: float) -> str:
    """A coordinate to a hundredth of a point, which no print shows: the path is drawn on
    every page of a draft, and "14.443999999999999" made it twice as long to store and parse."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def font_file(pattern: str) -> tuple[str, int] | None:
    """The font file fontconfig picks for a pattern, and the face's index in a collection."""
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
        return found[0], int(found[1] or 0)
    except (OSError, subprocess.SubprocessError, ValueError, IndexError):
        return None


def outlines(size: float, characters: list[tuple[str, list[str]]]) -> dict:
    """Each character drawn from the first pattern's font that has it, one after the other."""
    files: dict[str, tuple[str, int] | None] = {}
    fonts: dict[tuple[str, int], TTFont] = {}

    def font_for(character: str, patterns: list[str]) -> TTFont | None:
        for pattern in patterns:
            if pattern not in files:
                files[pattern] = font_file(pattern)
            found = files[pattern]
            if found is None:
                continue
            if found not in fonts:
                fonts[found] = TTFont(found[0], fontNumber=found[1], lazy=True)
            if ord(character) in fonts[found].getBestCmap():
                return fonts[found]
        return None

    paths, x = [], 0.0
    for character, patterns in characters:
        font = font_for(character, patterns)
        if font is None:
            x += size * MISSING_ADVANCE
            continue
        scale = size / font["head"].unitsPerEm
        glyph_name = font.getBestCmap()[ord(character)]
        glyphs = font.getGlyphSet()
        pen = SVGPathPen(glyphs, ntos=short_number)
        glyphs[glyph_name].draw(TransformPen(pen, (scale, 0, 0, -scale, x, 0)))
        paths.append(pen.getCommands())
        x += glyphs[glyph_name].width * scale
    return {"path": " ".join(path for path in paths if path), "width": x}


if __name__ == "__main__":
    json.dump(outlines(float(sys.argv[1]), json.load(sys.stdin)), sys.stdout)
