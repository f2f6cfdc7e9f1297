"""The maturity chart of the current state: one bar per dimension and the overall level."""

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from charter.palette import ACCENT, INK, LINE, MUTED, WHITE
from charter.svg import drawing, element, fit, number, text, text_width

LABEL_WIDTH = 190
SCALE_WIDTH = 380
ROW_HEIGHT = 30
TOP = 34
RIGHT = 130
FONT = 12


def maturity_chart(maturity: dict) -> SafeString:
    """Horizontal bars, one per dimension, against the level scale; labelled, not colour-coded.

    ``maturity`` is the ``maturity`` part of the current-state snapshot.
    """
    levels = maturity.get("levels") or []
    dimensions = maturity.get("dimensions") or []
    if not levels or not dimensions:
        return SafeString("")
    top_rank = max(level["rank"] for level in levels)
    step = SCALE_WIDTH / top_rank
    height = TOP + ROW_HEIGHT * len(dimensions) + 12
    parts = []
    for level in levels:
        x = float(LABEL_WIDTH + level["rank"] * step)
        parts.append(element("line", x1=x, y1=TOP - 6, x2=x, y2=height - 10, stroke=LINE))
        parts.append(text(x, TOP - 12, level["rank"], text_anchor="middle", fill=MUTED))
    parts.append(_overall_marker(maturity, step, height))
    parts += [_bar(index, row, step) for index, row in enumerate(dimensions)]
    return drawing(
        LABEL_WIDTH + SCALE_WIDTH + RIGHT,
        height,
        parts,
        css_class="chart maturity-chart",
        name=maturity_description(maturity, top_rank),
        id_prefix="maturity-chart",
        font_size=FONT,
    )


def maturity_description(maturity: dict, top_rank: int) -> str:
    """The chart's alternate text: every dimension's level by name, then the overall level.

    The core keeps no target per dimension (the roadmap's phases name the levels to reach),
    so the text says where each dimension stands, which is all the drawing shows.
    """
    levels = sorted(maturity.get("levels") or [], key=lambda level: level["rank"])
    rows = [
        _("%(dimension)s: level %(rank)s of %(top)s, %(level)s")
        % {"dimension": row["name"], "rank": row["rank"], "top": top_rank, "level": row["level"]}
        if row.get("rank")
        else _("%(dimension)s: not assessed") % {"dimension": row["name"]}
        for row in maturity.get("dimensions") or []
    ]
    description = _(
        "%(model)s by dimension, from %(lowest)s (1) to %(highest)s (%(top)s): %(rows)s."
    ) % {
        "model": maturity.get("model") or _("Maturity"),
        "lowest": levels[0]["name"],
        "highest": levels[-1]["name"],
        "top": top_rank,
        "rows": "; ".join(rows),
    }
    if maturity.get("average") is not None:
        description += " " + _("Overall level %(mean)s.") % {"mean": number(maturity["average"])}
    return description


def _bar(index: int, row: dict, step: float) -> str:
    y = TOP + index * ROW_HEIGHT
    label = text(
        LABEL_WIDTH - 8,
        y + 17,
        fit(row["name"], LABEL_WIDTH - 12, FONT),
        text_anchor="end",
        fill=INK,
    )
    if not row.get("rank"):
        return label + text(
            LABEL_WIDTH + 6, y + 17, _("not assessed"), fill=MUTED, font_style="italic"
        )
    length = float(row["rank"] * step)
    value = f"{row['rank']} · {row['level']}"
    return "".join(
        [
            label,
            element("rect", x=LABEL_WIDTH, y=y + 4, width=length, height=18, rx=3, fill=ACCENT),
            # A white backing keeps the label readable over the grid and the overall line.
            element(
                "rect",
                x=LABEL_WIDTH + length + 3,
                y=y + 5,
                width=text_width(value, FONT) + 6,
                height=16,
                fill=WHITE,
            ),
            text(LABEL_WIDTH + length + 6, y + 17, value, fill=INK),
        ]
    )


def _overall_marker(maturity: dict, step: float, height: int) -> str:
    mean = maturity.get("average")
    if mean is None:
        return ""
    x = float(LABEL_WIDTH + float(mean) * step)
    return element(
        "line", x1=x, y1=TOP - 4, x2=x, y2=height - 8, stroke=INK, stroke_dasharray="4 3"
    ) + text(x, 10, _("overall %(mean)s") % {"mean": mean}, text_anchor="middle", fill=INK)
