"""Small helpers shared by the server-rendered SVG drawings of the roadmap."""

import unicodedata
from html import escape

FONT_FAMILY = "system-ui, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', 'DejaVu Sans', sans-serif"
INK = "#1d2433"
MUTED = "#5b6478"
LINE = "#d9dee8"


def num(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


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
    if content is None:
        return f"<{tag} {attrs(**values)}/>"
    return f"<{tag} {attrs(**values)}>{content}</{tag}>"


def text(x: float, y: float, content: str, **values) -> str:
    return element("text", escape(content), x=float(x), y=float(y), **values)


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


def open_svg(width: float, height: float, title_id: str, desc_id: str, css_class: str) -> str:
    """The root element; CSS may scale it, the viewBox keeps its proportions."""
    values = attrs(
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"0 0 {num(width)} {num(height)}",
        width=num(width),
        height=num(height),
        role="img",
        aria_labelledby=f"{title_id} {desc_id}",
        class_=css_class,
        font_family=FONT_FAMILY,
        font_size=12,
    )
    return f"<svg {values}>"
