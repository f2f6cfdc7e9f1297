"""The faces drawings name, per content language, so that PDF and web pages agree."""

from charter.formatting import content_language

# The regional CJK face of each Chinese content language: Simplified and Traditional glyph
# shapes differ, and a face left to fontconfig's fallback is the Japanese one.
CJK_FACES = {"zh-hans": "Noto Sans CJK SC", "zh-hant": "Noto Sans CJK TC"}


def svg_font_family(language: str | None = None) -> str:
    """An SVG ``font-family`` for a content language (the active one by default).

    The names are left unquoted: WeasyPrint hands the attribute to Pango as it is, where
    quoted names match no face and CJK text falls back to the Japanese one; browsers read
    unquoted multi-word names the same.
    """
    faces = ["Noto Sans", CJK_FACES.get(content_language(language)), "system-ui", "Segoe UI"]
    return ", ".join(face for face in [*faces, "DejaVu Sans", "sans-serif"] if face)
