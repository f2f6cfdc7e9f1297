"""The one SVG toolkit (charter/svg.py) every chart is drawn with."""

import xml.etree.ElementTree as ET
from decimal import Decimal

from django.utils import translation

from charter import svg

SVG = "{http://www.w3.org/2000/svg}"


def test_text_and_attribute_values_are_escaped():
    markup = svg.text(1, 2, "Tom & <Jerry>", class_='a"b', data_note=None)

    assert markup == '<text x="1" y="2" class="a&quot;b">Tom &amp; &lt;Jerry&gt;</text>'


def test_attribute_names_drop_a_trailing_underscore_and_dash_the_others():
    assert svg.attrs(class_="bar", stroke_dasharray="4 3", viewBox="0 0 1 1") == (
        'class="bar" stroke-dasharray="4 3" viewBox="0 0 1 1"'
    )


def test_coordinates_keep_at_most_two_decimals_without_trailing_zeros():
    assert [svg.num(value) for value in (3.0, 2.5, 1 / 3, 10.005)] == ["3", "2.5", "0.33", "10.01"]
    assert svg.element("rect", x=1.50, width=2.0) == '<rect x="1.5" width="2"/>'


def test_numbers_for_reading_lose_trailing_zeros_and_group_thousands():
    assert svg.number(Decimal("23.50")) == "23.5"
    assert svg.number("48000") == "48,000"
    assert svg.number(0.1 + 0.2) == "0.3"
    assert svg.number(None) == "" and svg.number("n/a") == "n/a"


def test_in_russian_numbers_for_reading_follow_the_language_but_attributes_never_do():
    with translation.override("ru"):
        markup = svg.drawing(
            105.0,
            40.5,
            [svg.text(12.5, 30.25, svg.number(Decimal("1200.5")))],
            css_class="chart",
            name="x",
        )

    assert "1\u202f200,5" in markup
    assert 'viewBox="0 0 105 40.5"' in markup and 'x="12.5" y="30.25"' in markup
    assert "105,0" not in markup and "12,5" not in markup


def test_a_drawing_names_the_cjk_face_of_the_active_language_unquoted():
    with translation.override("zh-hant"):
        markup = svg.drawing(10, 10, [], css_class="chart", name="x")

    family = markup.split('font-family="', 1)[1].split('"', 1)[0]
    assert "Noto Sans CJK TC" in family and "SC" not in family and "'" not in family


def test_long_text_is_shortened_to_fit_and_wide_characters_count_double():
    assert svg.fit("Short", 100, 12) == "Short"
    shortened = svg.fit("Enablement initiative with a long name", 100, 12)
    assert shortened.endswith("…") and svg.text_width(shortened, 12) <= 100
    assert svg.text_width("销售", 10) == 20


def test_a_drawing_is_named_by_its_title_and_description():
    drawing = svg.drawing(
        200,
        100,
        [svg.text(0, 10, "x")],
        css_class="chart",
        name="Budget & headcount",
        description="Two bars",
        id_prefix="chart-1",
    )

    root = ET.fromstring(str(drawing))  # noqa: S314  the drawing under test
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "chart-1-title chart-1-desc"
    assert root.get("viewBox") == "0 0 200 100"
    assert root[0].tag == f"{SVG}title" and root[0].text == "Budget & headcount"
    assert root[1].tag == f"{SVG}desc" and root[1].text == "Two bars"


def test_a_drawing_without_ids_is_named_by_its_first_child_title():
    drawing = svg.drawing(10, 10, [], css_class="trend", name="Win rate")
    root = ET.fromstring(str(drawing))  # noqa: S314  the drawing under test

    assert root.get("aria-labelledby") is None
    assert root[0].tag == f"{SVG}title" and root[0].text == "Win rate"
    assert root.find(f"{SVG}desc") is None
