"""The timeline SVG puts known dates at known x positions, from plain snapshot data."""

import xml.etree.ElementTree as ET
from datetime import date

import pytest

from roadmap.timeline import CHART_LEFT, CHART_RIGHT, HEADER, ROW, render_timeline

SVG = "{http://www.w3.org/2000/svg}"
# The charter period below is one year from 1 July: the axis covers exactly 365 days.
DAY = (CHART_RIGHT - CHART_LEFT) / 365


def x_of(day: date) -> float:
    return CHART_LEFT + (day - date(2026, 7, 1)).days * DAY


def milestone(id, title="Milestone", start="2026-07-01", end="2026-09-30", **extra):
    return {
        "id": id,
        "title": title,
        "phase_id": 1,
        "owner": "Olivia Owens",
        "start": start,
        "end": end,
        "status": "planned",
        "depends_on": [],
        **extra,
    }


def roadmap(*milestones, phases=None):
    return {
        "period": {"start": "2026-07-01", "end": "2027-06-30"},
        "phases": phases
        if phases is not None
        else [{"id": 1, "name": "Foundation", "level": {"rank": 3, "name": "Organized"}}],
        "milestones": list(milestones),
    }


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314  the drawing under test, not outside input


def draw(data, today=date(2026, 11, 10), **options) -> ET.Element:
    (svg,) = render_timeline(data, today, **options)
    return parse(svg)


def group(root, milestone_id) -> ET.Element:
    return root.find(f".//{SVG}g[@class='milestone'][@data-id='{milestone_id}']")


def texts(root, css_class=None) -> list[str]:
    selector = f".//{SVG}text" + (f"[@class='{css_class}']" if css_class else "")
    return ["".join(node.itertext()) for node in root.iterfind(selector)]


def test_bar_runs_from_its_start_to_the_end_of_its_last_day():
    root = draw(roadmap(milestone(7, start="2026-10-01", end="2026-12-31")))

    bar = group(root, 7).find(f"{SVG}rect[@class='bar']")

    assert float(bar.get("x")) == pytest.approx(x_of(date(2026, 10, 1)), abs=0.01)
    right = float(bar.get("x")) + float(bar.get("width"))
    assert right == pytest.approx(x_of(date(2027, 1, 1)), abs=0.02)
    assert float(bar.get("width")) == pytest.approx(92 * DAY, abs=0.02)


def test_full_period_milestone_fills_the_chart_width():
    root = draw(roadmap(milestone(1, start="2026-07-01", end="2027-06-30")))

    bar = group(root, 1).find(f"{SVG}rect[@class='bar']")

    assert float(bar.get("x")) == pytest.approx(CHART_LEFT)
    assert float(bar.get("x")) + float(bar.get("width")) == pytest.approx(CHART_RIGHT, abs=0.02)


def test_one_day_milestone_is_a_diamond_centred_on_its_date():
    root = draw(roadmap(milestone(3, start="2027-01-15", end="2027-01-15")))

    mark = group(root, 3)
    assert mark.find(f"{SVG}rect[@class='bar']") is None
    path = mark.find(f"{SVG}path[@class='diamond']").get("d")
    top_x = float(path.split()[0].lstrip("M").split(",")[0])
    assert top_x == pytest.approx(x_of(date(2027, 1, 15)), abs=0.01)


def test_rows_stack_below_the_axis_in_the_order_people_gave_within_their_lane():
    # The snapshot lists a phase's milestones in their manual order, not by date.
    root = draw(
        roadmap(
            milestone(1, "Later", start="2026-10-01", end="2026-11-30"),
            milestone(2, "Sooner", start="2026-08-01", end="2026-08-31"),
        )
    )

    later = float(group(root, 1).find(f"{SVG}rect[@class='bar']").get("y"))
    sooner = float(group(root, 2).find(f"{SVG}rect[@class='bar']").get("y"))
    # Row 0 is the phase's lane heading.
    assert HEADER + ROW < later < HEADER + 2 * ROW
    assert sooner == pytest.approx(later + ROW)


def test_today_line_stands_at_todays_date():
    root = draw(roadmap(milestone(1)), today=date(2026, 11, 10))

    line = root.find(f".//{SVG}line[@class='today']")

    assert float(line.get("x1")) == pytest.approx(x_of(date(2026, 11, 10)), abs=0.01)
    assert "Today" in texts(root)


def test_no_today_line_when_today_is_off_the_axis():
    root = draw(roadmap(milestone(1)), today=date(2030, 1, 1))

    assert root.find(f".//{SVG}line[@class='today']") is None


def test_quarters_and_months_are_labelled_in_the_middle_of_their_spans():
    root = draw(roadmap(milestone(1)))

    quarters = root.findall(f".//{SVG}text[@class='quarter']")
    assert [node.text for node in quarters] == ["Q3 2026", "Q4 2026", "Q1 2027", "Q2 2027"]
    middle_of_q4 = (x_of(date(2026, 10, 1)) + x_of(date(2027, 1, 1))) / 2
    assert float(quarters[1].get("x")) == pytest.approx(middle_of_q4, abs=0.01)
    months = root.findall(f".//{SVG}text[@class='month']")
    assert [node.text for node in months][:3] == ["Jul", "Aug", "Sep"]
    assert len(months) == 12
    middle_of_august = (x_of(date(2026, 8, 1)) + x_of(date(2026, 9, 1))) / 2
    assert float(months[1].get("x")) == pytest.approx(middle_of_august, abs=0.01)


def test_dates_outside_the_charter_period_widen_the_axis_and_are_flagged():
    late = milestone(5, "Portal", start="2027-05-01", end="2027-08-31")
    root = draw(roadmap(milestone(1), late))

    # The axis now runs a fifth quarter, to 30 September 2027: 457 days.
    day = (CHART_RIGHT - CHART_LEFT) / 457
    shaded = root.findall(f".//{SVG}rect[@class='outside-period']")
    assert len(shaded) == 1
    assert float(shaded[0].get("x")) == pytest.approx(CHART_LEFT + 365 * day, abs=0.01)
    assert float(shaded[0].get("width")) == pytest.approx(92 * day, abs=0.01)
    assert group(root, 5).find(f"{SVG}g[@class='flag']") is not None
    assert group(root, 1).find(f"{SVG}g[@class='flag']") is None
    assert "outside the charter period" in "".join(group(root, 5).itertext())
    assert "Outside the charter period: Portal." in root.find(f"{SVG}desc").text


def test_dependency_arrow_runs_from_the_end_of_the_dependency_to_the_start_of_the_milestone():
    first = milestone(1, "Curriculum", start="2026-07-01", end="2026-08-31")
    second = milestone(2, "Certification", start="2026-10-01", end="2026-11-30", depends_on=[1])
    root = draw(roadmap(first, second))

    arrow = root.find(f".//{SVG}path[@class='dependency']")

    assert (arrow.get("data-from"), arrow.get("data-to")) == ("1", "2")
    moves = arrow.get("d").split()
    start_x = float(moves[0].lstrip("M").split(",")[0])
    end_x = float(moves[2].lstrip("H"))
    assert start_x == pytest.approx(x_of(date(2026, 9, 1)) - 5, abs=0.01)
    assert end_x == pytest.approx(x_of(date(2026, 10, 1)) + 5, abs=0.01)
    assert arrow.get("stroke-dasharray") is None


def test_milestone_starting_before_its_dependency_ends_gets_a_dashed_warning_arrow():
    first = milestone(1, start="2026-07-01", end="2026-10-31")
    second = milestone(2, start="2026-09-01", end="2026-11-30", depends_on=[1])
    root = draw(roadmap(first, second))

    arrow = root.find(f".//{SVG}path[@class='dependency']")

    assert arrow.get("stroke-dasharray")
    assert arrow.get("marker-end").endswith("-arrow-late)")


def test_status_shows_in_words_beside_each_bar_and_in_the_legend():
    root = draw(
        roadmap(
            milestone(1, status="done"),
            milestone(2, status="at_risk", start="2026-10-01", end="2026-10-31"),
        )
    )

    assert texts(group(root, 1), "annotation")[0].startswith("Done")
    assert texts(group(root, 2), "annotation")[0].startswith("At risk")
    legend = texts(root.find(f".//{SVG}g[@class='legend']"))
    for label in ["Planned", "In progress", "Done", "At risk", "Dropped", "One-day milestone"]:
        assert label in legend


def test_statuses_differ_by_pattern_or_outline_not_only_by_colour():
    statuses = ["planned", "in_progress", "done", "at_risk", "dropped"]
    root = draw(
        roadmap(*(milestone(i, status=status) for i, status in enumerate(statuses, start=1)))
    )

    looks = set()
    for i in range(1, len(statuses) + 1):
        bar = group(root, i).find(f"{SVG}rect[@class='bar']")
        fill = bar.get("fill")
        looks.add(
            (
                fill.split("-", 2)[-1] if fill.startswith("url") else fill,
                bar.get("stroke-dasharray"),
            )
        )
    assert len(looks) == len(statuses)


def test_swimlanes_by_owner_put_milestones_without_owner_last():
    root = draw(
        roadmap(
            milestone(1, owner="Zoe Adams"),
            milestone(2, owner=""),
            milestone(3, owner="anna Berg"),
        ),
        group_by="owner",
    )

    lanes = [
        text for node in root.iterfind(f".//{SVG}g[@class='lane']") for text in node.itertext()
    ]
    assert lanes == ["anna Berg", "Zoe Adams", "No owner"]


def test_swimlanes_by_phase_list_empty_phases_and_an_unphased_lane():
    phases = [
        {"id": 1, "name": "Foundation", "level": {"rank": 3, "name": "Organized"}},
        {"id": 2, "name": "Scale", "level": {"rank": 4, "name": "Scalable"}},
    ]
    root = draw(roadmap(milestone(1), milestone(2, phase_id=None), phases=phases))

    lanes = [
        text for node in root.iterfind(f".//{SVG}g[@class='lane']") for text in node.itertext()
    ]
    assert lanes == [
        "Foundation — to level 3, Organized",
        "Scale — to level 4, Scalable (no milestones)",
        "No phase",
    ]


def test_unknown_grouping_falls_back_to_phases():
    root = draw(roadmap(milestone(1)), group_by="<script>")

    assert "Foundation — to level 3, Organized" in texts(root)


def test_rows_per_page_splits_into_pages_that_each_carry_axis_legend_and_lane_heading():
    many = [
        milestone(i, f"Step {i}", start=f"2026-{7 + i % 6:02d}-01", end="2026-12-31")
        for i in range(1, 13)
    ]

    pages = [
        parse(svg) for svg in render_timeline(roadmap(*many), date(2026, 11, 1), rows_per_page=5)
    ]

    assert len(pages) == 3
    seen = []
    for number, page in enumerate(pages, start=1):
        assert page.find(f".//{SVG}text[@class='quarter']") is not None
        assert page.find(f".//{SVG}g[@class='legend']") is not None
        assert len(page.findall(f".//{SVG}g[@class='lane']")) == 1
        assert f"page {number} of 3" in page.find(f"{SVG}title").text
        seen += [node.get("data-id") for node in page.iterfind(f".//{SVG}g[@class='milestone']")]
    assert sorted(seen, key=int) == [str(i) for i in range(1, 13)]
    assert "(continued)" in "".join(pages[1].find(f".//{SVG}g[@class='lane']").itertext())


def test_pages_have_their_own_ids_and_reference_them():
    pages = render_timeline(
        roadmap(*(milestone(i) for i in range(6))), None, rows_per_page=4, id_prefix="tl"
    )

    first, second = (parse(svg) for svg in pages)
    assert first.get("aria-labelledby") == "tl-1-title tl-1-desc"
    assert second.get("aria-labelledby") == "tl-2-title tl-2-desc"
    assert first.get("role") == "img"
    assert first.find(f"{SVG}title").get("id") == "tl-1-title"


def test_long_titles_are_shortened_but_kept_whole_in_the_tooltip():
    title = "Coaching program for every first-line manager in EMEA, North America and APAC"
    root = draw(roadmap(milestone(1, title)))

    label = texts(group(root, 1), "label")[0]
    assert label.endswith("…") and len(label) < len(title)
    assert group(root, 1).find(f"{SVG}title").text.startswith(title)


def test_text_from_users_is_escaped():
    (svg,) = render_timeline(roadmap(milestone(1, "<script>alert(1)</script> & co")), None)

    assert "<script>" not in svg
    root = parse(svg)
    assert group(root, 1).find(f"{SVG}title").text.startswith("<script>alert(1)</script> & co")


def test_an_empty_roadmap_still_draws_the_charter_period():
    root = draw(roadmap(phases=[]))

    assert len(root.findall(f".//{SVG}text[@class='quarter']")) == 4
    assert root.find(f".//{SVG}g[@class='milestone']") is None


def test_the_maturity_chart_has_no_style_rules_that_could_restyle_the_timeline():
    # An inline SVG's <style> applies to the whole HTML page, and both drawings share a page
    # (a version, the PDF): the chart styles its shapes by attributes only.
    from charter.sections.current_state.charts import maturity_chart

    chart = str(
        maturity_chart(
            {
                "levels": [{"rank": 1, "name": "Absent"}, {"rank": 2, "name": "Emerging"}],
                "dimensions": [{"name": "Content", "rank": 2, "level": "Emerging"}],
                "average": "2.0",
            }
        )
    )

    assert "<svg" in chart and "<style" not in chart and "style=" not in chart


def test_timeline_title_says_its_range_phases_milestones_and_how_many_are_late():
    data = roadmap(milestone(1), milestone(2, status="done"))
    title = draw(data, today=date(2026, 11, 10)).find(f"{SVG}title").text

    assert title == (
        "Roadmap timeline, July 2026 – June 2027: 1 phase, 2 milestones (Foundation: 2 milestones);"
        " today line at 10 November 2026, 1 milestone late"
    )
