"""The print HTML's drawings as images: WeasyPrint reads an inline ``<svg>`` three times.

Inline, every element of a drawing goes through the pure-Python HTML parser and the style
cascade, and is then serialized and parsed again as SVG; a third of a large charter's
elements are drawing elements. An ``<img>`` with the drawing as a ``data:`` URL is parsed once,
as SVG. The drawings come from ``charter.svg`` only (text and attributes escaped, no nested
``<svg>``, a first ``<title>`` that names them), which is what makes a pattern match safe here.
"""

import base64
import re
from html import escape, unescape

DRAWING = re.compile(r"<svg\s[^>]*>.*?</svg>", re.DOTALL)
CSS_CLASS = re.compile(r'\sclass="([^"]*)"')
TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.DOTALL)


def drawing_as_image(match: re.Match) -> str:
    markup = match.group(0)
    root = markup[: markup.index(">")]
    css_class = CSS_CLASS.search(root)
    title = TITLE.search(markup)
    # The image's alt text is the figure's /Alt in the PDF's tags, as the <title> was.
    alt = escape(unescape(title.group(1)) if title else "")
    source = "data:image/svg+xml;base64," + base64.b64encode(markup.encode()).decode("ascii")
    # The drawing's own width and height are the image's intrinsic size; its class keeps the
    # print CSS's scaling rules.
    kept_class = f' class="{css_class.group(1)}"' if css_class else ""
    return f'<img src="{source}" alt="{alt}"{kept_class}>'


def drawings_as_images(html: str) -> str:
    return DRAWING.sub(drawing_as_image, html)
