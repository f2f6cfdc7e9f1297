"""One page of the timeline: axis, swimlanes, bars and diamonds, arrows and the today line."""

from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from charter.formatting import format_date, format_month, format_period
from charter.palette import BAD, INK, LINE, MUTED, WHITE, colour
from charter.periods import next_month, next_quarter, quarter_number
from charter.svg import drawing, element, fit, num, text, text_width

from ..models import Status
from .layout import (
    BAR_HEIGHT,
    CHART_LEFT,
    CHART_RIGHT,
    DIAMOND,
    FONT,
    HEADER,
    LABEL_LEFT,
    LABEL_WIDTH,
    QUARTER_BAND,
    ROW,
    SMALL,
    STATUS_STYLES,
    TODAY_BAND,
    WIDTH,
    Row,
    Scale,
    parse,
    status_label,
)
from .legend import definitions, legend


@dataclass
class Page:
    data: dict
    scale: Scale
    rows: list[Row]
    today: date | None
    group_by: str
    prefix: str
    number: int
    count: int
    language: str | None = None

    @property
    def rows_bottom(self) -> float:
        return HEADER + len(self.rows) * ROW

    def svg(self) -> str:
        legend_svg, legend_height = legend(self.prefix, self.rows_bottom + 14)
        height = self.rows_bottom + 14 + legend_height
        return drawing(
            WIDTH,
            height,
            [
                definitions(self.prefix),
                self.background(),
                self.axis(),
                *self.row_elements(),
                self.dependencies(),
                self.today_line(),
                legend_svg,
            ],
            css_class="timeline",
            name=self.title(),
            description=self.description(),
            id_prefix=self.prefix,
            language=self.language,
        )

    def title(self) -> str:
        """The figure's alternate text: what the timeline shows, in one line."""
        milestones = [row.milestone for row in self.rows if not row.is_lane]
        phases = len(self.data.get("phases", []))
        title = _("Roadmap timeline, %(start)s – %(end)s: %(phases)s, %(milestones)s") % {
            "start": format_month(self.scale.start, self.language),
            "end": format_month(self.scale.end - timedelta(days=1), self.language),
            "phases": ngettext("%(count)d phase", "%(count)d phases", phases) % {"count": phases},
            "milestones": ngettext("%(count)d milestone", "%(count)d milestones", len(milestones))
            % {"count": len(milestones)},
        }
        by_phase = self.milestones_by_phase(milestones)
        if by_phase:
            title += " (" + "; ".join(by_phase) + ")"
        if self.today is not None:
            late = [m for m in milestones if self.late(m)]
            title += "; " + ngettext(
                "today line at %(today)s, %(late)d milestone late",
                "today line at %(today)s, %(late)d milestones late",
                len(late),
            ) % {"late": len(late), "today": format_date(self.today, self.language)}
        if self.count > 1:
            title += " " + _("(page %(number)d of %(count)d)") % {
                "number": self.number,
                "count": self.count,
            }
        return title

    def milestones_by_phase(self, milestones: list[dict]) -> list[str]:
        """Each phase by name with the number of its milestones on this page."""
        counted = []
        for phase in self.data.get("phases", []):
            count = sum(1 for milestone in milestones if milestone.get("phase_id") == phase["id"])
            counted.append(
                ngettext("%(phase)s: %(count)d milestone", "%(phase)s: %(count)d milestones", count)
                % {"phase": phase["name"], "count": count}
            )
        return counted

    def description(self) -> str:
        milestones = [row.milestone for row in self.rows if not row.is_lane]
        grouping = _("by phase") if self.group_by == "phase" else _("by owner")
        parts = [
            ngettext(
                "%(count)d milestone, grouped %(grouping)s, on an axis from %(start)s to %(end)s.",
                "%(count)d milestones, grouped %(grouping)s, on an axis from %(start)s to %(end)s.",
                len(milestones),
            )
            % {
                "count": len(milestones),
                "grouping": grouping,
                "start": format_month(self.scale.start),
                "end": format_month(self.scale.end - timedelta(days=1)),
            },
            _("The charter period runs from %(start)s to %(end)s.")
            % {
                "start": format_date(self.data["period"]["start"]),
                "end": format_date(self.data["period"]["end"]),
            },
        ]
        flagged = [m["title"] for m in milestones if self.outside(m)]
        if flagged:
            parts.append(
                _("Outside the charter period: %(titles)s.") % {"titles": ", ".join(flagged)}
            )
        return " ".join(parts)

    def late(self, milestone: dict) -> bool:
        """Due before the day the timeline is drawn as of, and neither done nor dropped."""
        unfinished = milestone["status"] not in ("done", "dropped")
        return unfinished and milestone["end"] < self.today.isoformat()

    def outside(self, milestone: dict) -> bool:
        period = self.data["period"]
        return milestone["start"] < period["start"] or milestone["end"] > period["end"]

    def background(self) -> str:
        scale, period = self.scale, self.data["period"]
        parts = []
        for index, row in enumerate(self.rows):
            y = HEADER + index * ROW
            if row.is_lane:
                parts.append(
                    element("rect", x=0, y=y, width=WIDTH, height=ROW, fill=colour("band"))
                )
            elif index % 2:
                parts.append(
                    element("rect", x=0, y=y, width=WIDTH, height=ROW, fill=colour("band-light"))
                )
        top, height = TODAY_BAND, self.rows_bottom - TODAY_BAND
        for start, end in (
            (scale.start, parse(period["start"])),
            (parse(period["end"]) + timedelta(days=1), scale.end),
        ):
            if end > start:
                parts.append(
                    element(
                        "rect",
                        class_="outside-period",
                        x=scale.x(start),
                        y=top,
                        width=scale.x(end) - scale.x(start),
                        height=height,
                        fill=f"url(#{self.prefix}-outside)",
                        opacity="0.9",
                    )
                )
        return "".join(parts)

    def axis(self) -> str:
        scale, parts = self.scale, []
        quarter_top, month_top = TODAY_BAND, TODAY_BAND + QUARTER_BAND
        month = scale.start
        while month < scale.end:
            following = next_month(month)
            left, right = scale.x(month), scale.x(following)
            label = format_month(month, with_year=False)
            if right - left < text_width(label, SMALL) + 4:
                label = label[:1] if right - left >= SMALL else ""
            if label:
                parts.append(
                    text(
                        (left + right) / 2,
                        month_top + 14,
                        label,
                        class_="month",
                        text_anchor="middle",
                        font_size=SMALL,
                        fill=MUTED,
                    )
                )
            parts.append(
                element(
                    "line",
                    x1=left,
                    x2=left,
                    y1=month_top,
                    y2=self.rows_bottom,
                    stroke=colour("grid"),
                    stroke_width=1,
                )
            )
            month = following
        quarter = scale.start
        while quarter < scale.end:
            following = next_quarter(quarter)
            left, right = scale.x(quarter), scale.x(following)
            number = quarter_number(quarter)
            label = _("Q%(number)d %(year)d") % {"number": number, "year": quarter.year}
            if right - left < text_width(label, FONT) + 6:
                label = f"Q{number}"
            parts.append(
                text(
                    (left + right) / 2,
                    quarter_top + 15,
                    label,
                    class_="quarter",
                    text_anchor="middle",
                    font_weight="600",
                    fill=INK,
                )
            )
            parts.append(
                element(
                    "line",
                    x1=left,
                    x2=left,
                    y1=quarter_top,
                    y2=self.rows_bottom,
                    stroke=LINE,
                    stroke_width=1,
                )
            )
            quarter = following
        parts.append(
            element(
                "line",
                x1=scale.right,
                x2=scale.right,
                y1=quarter_top,
                y2=self.rows_bottom,
                stroke=LINE,
                stroke_width=1,
            )
        )
        parts.append(
            element("line", x1=0, x2=WIDTH, y1=HEADER, y2=HEADER, stroke=LINE, stroke_width=1)
        )
        return "".join(parts)

    def row_elements(self):
        for index, row in enumerate(self.rows):
            y = HEADER + index * ROW
            if row.is_lane:
                label = row.label + (" " + _("(continued)") if row.continued else "")
                yield element(
                    "g",
                    text(
                        LABEL_LEFT,
                        y + 17,
                        fit(label, WIDTH - 2 * LABEL_LEFT, FONT),
                        font_weight="700",
                        fill=INK,
                    ),
                    class_="lane",
                )
            else:
                yield self.milestone_element(row.milestone, y)

    def extent(self, milestone: dict) -> tuple[float, float, bool]:
        """Left and right x of the milestone's mark, and whether it is a one-day diamond."""
        start, end = parse(milestone["start"]), parse(milestone["end"])
        if start == end:
            x = self.scale.x(start)
            return x - DIAMOND, x + DIAMOND, True
        left = self.scale.x(start)
        return left, max(self.scale.x(end + timedelta(days=1)), left + 3), False

    def milestone_element(self, milestone: dict, y: float) -> str:
        style = STATUS_STYLES.get(milestone["status"], STATUS_STYLES[Status.PLANNED])
        fill = style["fill"].replace("{prefix}", self.prefix)
        left, right, diamond = self.extent(milestone)
        middle = y + ROW / 2
        outside = self.outside(milestone)
        parts = [element("title", escape(self.tooltip(milestone)))]
        label_width = LABEL_WIDTH - (18 if outside else 0)
        parts.append(
            text(
                LABEL_LEFT,
                middle + 4,
                fit(milestone["title"], label_width, FONT),
                class_="label",
                fill=INK,
            )
        )
        if outside:
            parts.append(self.flag(LABEL_LEFT + LABEL_WIDTH - 8, middle))
        mark = {
            "fill": fill,
            "stroke": style["stroke"],
            "stroke_width": 1.5,
            "stroke_dasharray": style.get("dash"),
        }
        if diamond:
            x = (left + right) / 2
            points = (
                f"M{num(x)},{num(middle - DIAMOND)} L{num(x + DIAMOND)},{num(middle)} "
                f"L{num(x)},{num(middle + DIAMOND)} L{num(x - DIAMOND)},{num(middle)} Z"
            )
            parts.append(element("path", class_="diamond", d=points, **mark))
        else:
            parts.append(
                element(
                    "rect",
                    class_="bar",
                    x=left,
                    y=middle - BAR_HEIGHT / 2,
                    width=right - left,
                    height=BAR_HEIGHT,
                    rx=3,
                    **mark,
                )
            )
        parts.append(self.annotation(milestone, left, right, middle, style["ink"], outside))
        return element(
            "g",
            "".join(parts),
            class_="milestone",
            data_id=milestone["id"],
            data_status=milestone["status"],
        )

    def annotation(self, milestone, left, right, middle, ink, outside) -> str:
        """Status in words (colour is never the only cue), then the owner and any flag."""
        words = [status_label(milestone["status"])]
        if self.group_by == "phase" and milestone["owner"]:
            words.append(milestone["owner"])
        if outside:
            words.append(_("outside the charter period"))
        label = " · ".join(words)
        width = text_width(label, SMALL)
        if right + 6 + width <= WIDTH - 4:
            return text(
                right + 6, middle + 4, label, class_="annotation", font_size=SMALL, fill=ink
            )
        if left - 6 - width >= CHART_LEFT:
            return text(
                left - 6,
                middle + 4,
                label,
                class_="annotation",
                font_size=SMALL,
                fill=ink,
                text_anchor="end",
            )
        label = fit(label, right - left - 12, SMALL)
        backdrop = element(
            "rect",
            x=left + 3,
            y=middle - 7,
            width=text_width(label, SMALL) + 6,
            height=14,
            rx=2,
            fill=WHITE,
            opacity="0.9",
        )
        return backdrop + text(
            left + 6, middle + 4, label, class_="annotation", font_size=SMALL, fill=ink
        )

    def flag(self, x: float, middle: float) -> str:
        """A warning triangle drawn with shapes, so no font needs the glyph."""
        triangle = element(
            "path",
            d=f"M{num(x)},{num(middle - 7)} L{num(x + 8)},{num(middle + 6)} "
            f"L{num(x - 8)},{num(middle + 6)} Z",
            fill=BAD,
        )
        mark = text(
            x,
            middle + 4.5,
            "!",
            text_anchor="middle",
            font_size=10,
            font_weight="700",
            fill=WHITE,
        )
        return element("g", triangle + mark, class_="flag")

    def tooltip(self, milestone: dict) -> str:
        start, end = parse(milestone["start"]), parse(milestone["end"])
        when = format_period(start, end)
        parts = [milestone["title"], when, status_label(milestone["status"])]
        if milestone["owner"]:
            parts.append(_("Owner: %(name)s") % {"name": milestone["owner"]})
        if self.outside(milestone):
            parts.append(_("Outside the charter period"))
        return " — ".join(parts)

    def dependencies(self) -> str:
        positions = {}
        for index, row in enumerate(self.rows):
            if not row.is_lane:
                positions[row.milestone["id"]] = (row.milestone, HEADER + index * ROW + ROW / 2)
        parts = []
        for milestone, y_to in positions.values():
            for dependency_id in milestone["depends_on"]:
                if dependency_id not in positions:
                    continue
                dependency, y_from = positions[dependency_id]
                parts.append(self.arrow(dependency, y_from, milestone, y_to))
        return element("g", "".join(parts), class_="dependencies", fill="none") if parts else ""

    def arrow(self, dependency: dict, y_from: float, milestone: dict, y_to: float) -> str:
        """From under the end of the dependency, along the row gap, down onto the milestone.

        Arrows leave and enter bars through their edges so that the words beside the bars
        stay clear.
        """
        left, right, diamond = self.extent(dependency)
        x_from = (left + right) / 2 if diamond else max(right - 5, (left + right) / 2)
        left, right, diamond = self.extent(milestone)
        x_to = (left + right) / 2 if diamond else min(left + 5, (left + right) / 2)
        edge_from = DIAMOND if self.extent(dependency)[2] else BAR_HEIGHT / 2
        edge_to = DIAMOND if diamond else BAR_HEIGHT / 2
        sign = 1 if y_to > y_from else -1
        d = (
            f"M{num(x_from)},{num(y_from + sign * edge_from)} V{num(y_to - sign * ROW / 2)} "
            f"H{num(x_to)} V{num(y_to - sign * edge_to)}"
        )
        late = milestone["start"] < dependency["end"]
        marker = f"url(#{self.prefix}-arrow-late)" if late else f"url(#{self.prefix}-arrow)"
        return element(
            "path",
            class_="dependency",
            d=d,
            stroke=BAD if late else INK,
            stroke_width=1.2,
            stroke_dasharray="3 2" if late else None,
            marker_end=marker,
            data_from=dependency["id"],
            data_to=milestone["id"],
        )

    def today_line(self) -> str:
        today = self.today
        if today is None or not self.scale.start <= today < self.scale.end:
            return ""
        x = self.scale.x(today)
        label = _("Today")
        half = text_width(label, SMALL) / 2
        label_x = min(max(x, CHART_LEFT + half), CHART_RIGHT - half)
        line = element(
            "line",
            class_="today",
            x1=x,
            x2=x,
            y1=TODAY_BAND - 2,
            y2=self.rows_bottom,
            stroke=BAD,
            stroke_width=1.5,
            stroke_dasharray="5 3",
        )
        caption = text(
            label_x,
            TODAY_BAND - 5,
            label,
            text_anchor="middle",
            font_size=SMALL,
            font_weight="600",
            fill=BAD,
        )
        return element("g", line + caption, class_="today-marker")
