"""Server-rendered inline SVG: the one toolkit of every chart (maturity, metric trends, research
results, the roadmap timeline and resource bars), for the web page and the PDF alike.

Attribute values and text are escaped here, and ``element`` takes already-built markup as its
content, so a drawing assembled only from these functions is safe as a whole: ``drawing`` marks
it so. Every drawing has a ``<title>`` (and may have a ``<desc>``) so that nothing is told by
colour alone; colours come from ``charter.palette``.
"""

import unicodedata
from html import escape

from django.utils.safestring import SafeString

from charter.fonts import svg_font_family
from charter.formatting import format_number


def num(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def number(value) -> str:
    """A number for reading, in the active language: no trailing zeros, thousands grouped
    (23.50 → 23.5, 48000 → 48,000 or 48 000). Never for an attribute: see ``num``."""
    return format_number(value)


def attrs(**values) -> str:
    """Attributes in keyword order; a trailing underscore is dropped, other ones become dashes."""
    parts = []
    for name, value in values.items():
        if value is None:
            continue
        name = name.rstrip("_").replace("_", "-")
        if isinstance(value, float):
            value = num(value)
        parts.append(f'{name}="{escape(str(value))}"')
    return " ".join(parts)


def element(tag: str, content: str | None = None, **values) -> str:
    """``content`` is markup made by these functions; text goes through ``text`` or ``escape``."""
    opening = f"{tag} {attrs(**values)}".rstrip()
    if content is None:
        return f"<{opening}/>"
    return f"<{opening}>{content}</{tag}>"


def text(x: float, y: float, content: str, **values) -> str:
    return element("text", escape(str(content)), x=float(x), y=float(y), **values)


def title(content: str, id_: str | None = None) -> str:
    """A ``<title>``: the accessible name of the drawing or a tooltip of the shape it is in."""
    return element("title", escape(str(content)), id=id_)


def desc(content: str, id_: str | None = None) -> str:
    return element("desc", escape(str(content)), id=id_)


def text_width(content: str, size: float) -> float:
    """A close guess of rendered width: wide (CJK) characters take a full em, others about half."""
    return sum(
        size * (1.0 if unicodedata.east_asian_width(char) in "WF" else 0.57) for char in content
    )


def fit(content: str, width: float, size: float) -> str:
    """The text shortened with an ellipsis so that it fits ``width``."""
    if text_width(content, size) <= width:
        return content
    while content and text_width(content + "…", size) > width:
        content = content[:-1]
    return content.rstrip() + "…"


def open_svg(
    width: float,
    height: float,
    css_class: str,
    title_id: str | None = None,
    desc_id: str | None = None,
    font_size: float = 12,
    language: str | None = None,
) -> str:
    """The root element; CSS may scale it, the viewBox keeps its proportions. Its faces are
    those of ``language``, the active one by default (a document activates its charter's)."""
    labelled_by = " ".join(filter(None, [title_id, desc_id])) or None
    values = attrs(
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"0 0 {num(width)} {num(height)}",
        width=num(width),
        height=num(height),
        role="img",
        aria_labelledby=labelled_by,
        class_=css_class,
        font_family=svg_font_family(language),
        font_size=font_size,
    )
    return f"<svg {values}>"


def drawing(
    width: float,
    height: float,
    parts: list[str],
    *,
    css_class: str,
    name: str,
    description: str = "",
    id_prefix: str | None = None,
    font_size: float = 12,
    language: str | None = None,
) -> SafeString:
    """A whole drawing: the root, its title (and description), then ``parts``.

    With ``id_prefix`` the title and description get ids and name the drawing through
    ``aria-labelledby``; without, the first-child ``<title>`` names it.
    """
    title_id = f"{id_prefix}-title" if id_prefix else None
    desc_id = f"{id_prefix}-desc" if id_prefix and description else None
    head = [
        open_svg(width, height, css_class, title_id, desc_id, font_size, language),
        title(name, title_id),
        desc(description, desc_id) if description else "",
    ]
    return SafeString("".join([*head, *parts, "</svg>"]))
