"""The timeline's shared definitions (patterns, arrowheads) and its legend in words."""

from django.utils.translation import gettext as _

from charter.palette import BAD, INK, LINE, MUTED, WHITE, colour
from charter.svg import element, num, text, text_width

from ..models import Status
from .layout import LABEL_LEFT, LEGEND_ROW, SMALL, STATUS_STYLES, WIDTH, status_label


def definitions(prefix: str) -> str:
    """The patterns and arrowheads, named after the page's prefix so that pages never clash."""
    stripes = (
        f'<pattern id="{prefix}-in-progress" width="6" height="6" patternUnits="userSpaceOnUse"'
        f' patternTransform="rotate(45)"><rect width="6" height="6" fill="{colour("accent-tint")}"/>'
        f'<rect width="3" height="6" fill="{colour("accent")}"/></pattern>'
    )
    cross = (
        f'<pattern id="{prefix}-at-risk" width="6" height="6" patternUnits="userSpaceOnUse">'
        f'<rect width="6" height="6" fill="{colour("risk-tint")}"/>'
        f'<path d="M0,0 L6,6 M6,0 L0,6" stroke="{colour("risk")}" stroke-width="1.4"/></pattern>'
    )
    outside = (
        f'<pattern id="{prefix}-outside" width="8" height="8" patternUnits="userSpaceOnUse"'
        f' patternTransform="rotate(45)"><rect width="8" height="8" fill="{colour("outside")}"/>'
        f'<rect width="1.5" height="8" fill="{colour("outside-stripe")}"/></pattern>'
    )
    arrow = (
        f'<marker id="{prefix}-arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="6"'
        ' markerHeight="6" orient="auto" markerUnits="userSpaceOnUse">'
        f'<path d="M0,0 L8,4 L0,8 z" fill="{INK}"/></marker>'
    )
    late = arrow.replace(f"{prefix}-arrow", f"{prefix}-arrow-late").replace(INK, BAD)
    return f"<defs>{stripes}{cross}{outside}{arrow}{late}</defs>"


def legend(prefix: str, top: float) -> tuple[str, float]:
    """Swatches with words, laid out in lines that wrap at the drawing's width."""
    items = [(_swatch(status, prefix), status_label(status)) for status in Status.values]
    items += [
        (_diamond(), _("One-day milestone")),
        (_arrow(prefix), _("Depends on")),
        (_today(), _("Today")),
        (_outside(prefix), _("Outside the charter period")),
    ]
    parts, x, y = [], LABEL_LEFT, top
    for swatch, label in items:
        width = 28 + text_width(label, SMALL) + 14
        if x + width > WIDTH and x > LABEL_LEFT:
            x, y = LABEL_LEFT, y + LEGEND_ROW
        parts.append(
            element(
                "g",
                swatch + text(28, 11, label, font_size=SMALL, fill=INK),
                transform=f"translate({num(x)},{num(y)})",
            )
        )
        x += width
    return element("g", "".join(parts), class_="legend"), y - top + LEGEND_ROW


def _swatch(status: str, prefix: str) -> str:
    style = STATUS_STYLES[status]
    return element(
        "rect",
        x=0,
        y=1,
        width=24,
        height=12,
        rx=2,
        fill=style["fill"].replace("{prefix}", prefix),
        stroke=style["stroke"],
        stroke_width=1.5,
        stroke_dasharray=style.get("dash"),
    )


def _diamond() -> str:
    return element(
        "path", d="M12,0 L19,7 L12,14 L5,7 Z", fill=WHITE, stroke=MUTED, stroke_width=1.5
    )


def _arrow(prefix: str) -> str:
    return element(
        "path",
        d="M0,7 H22",
        stroke=INK,
        stroke_width=1.2,
        marker_end=f"url(#{prefix}-arrow)",
    )


def _today() -> str:
    return element(
        "line", x1=12, x2=12, y1=-1, y2=15, stroke=BAD, stroke_width=1.5, stroke_dasharray="5 3"
    )


def _outside(prefix: str) -> str:
    return element(
        "rect", x=0, y=1, width=24, height=12, fill=f"url(#{prefix}-outside)", stroke=LINE
    )
