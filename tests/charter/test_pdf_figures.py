"""The print HTML carries its drawings as SVG images, each with its title as alternate text;
web pages keep them inline."""

import base64
import xml.etree.ElementTree as ET

import pytest
import tinyhtml5
from django.template.loader import render_to_string
from django.utils import translation

from charter.documents import rendering
from charter.documents.figures import drawings_as_images
from charter.documents.requests import request_export
from charter.sections.future_success.charts import trend_chart
from tests.charter.section_factories import MetricActualFactory, MetricFactory
from tests.charter.version_factories import charter_with_editor, publish_version
from tests.roadmap.factories import MilestoneFactory

pytestmark = pytest.mark.django_db

HTML = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"
DATA_URL = "data:image/svg+xml;base64,"


def drawing_of(image) -> ET.Element:
    source = image.get("src")
    assert source.startswith(DATA_URL)
    return ET.fromstring(base64.b64decode(source.removeprefix(DATA_URL)))  # noqa: S314  our own drawing


def test_the_print_html_draws_every_chart_as_an_image_named_by_its_title(
    django_capture_on_commit_callbacks,
):
    charter, membership = charter_with_editor(title="Acme Charter")
    metric = MetricFactory(charter=charter, name="Win rate & <reach>", baseline=20, target=30)
    MetricActualFactory(metric=metric, value=24)
    MilestoneFactory(charter=charter, title="Launch the hub")
    version = publish_version(charter, membership)
    with django_capture_on_commit_callbacks(execute=False):
        export = request_export(version, "charter", membership.user)

    html = rendering.build_html(export)
    images = list(tinyhtml5.parse(html).iter(f"{HTML}img"))

    assert "<svg" not in html
    assert {"trend", "timeline"} <= {c for image in images for c in image.get("class").split()}
    for image in images:
        drawing = drawing_of(image)
        assert drawing.tag == f"{SVG}svg"
        assert image.get("alt") == drawing.find(f"{SVG}title").text
        assert image.get("class") == drawing.get("class")
    assert any("Win rate & <reach>" in image.get("alt") for image in images)


def test_a_drawing_keeps_its_faces_and_size_inside_the_image():
    metric = {"name": "赢单率", "unit": "%", "target": "30", "cadence": "quarterly"}
    metric["actuals"] = [{"period_label": "2027-Q1", "value": "24"}]
    with translation.override("zh-hans"):
        chart = trend_chart(metric, width=400, height=120, detailed=True)
    (image,) = tinyhtml5.parse(drawings_as_images(f"<p>{chart}</p>")).iter(f"{HTML}img")
    drawing = drawing_of(image)

    assert "Noto Sans CJK SC" in drawing.get("font-family")
    assert (drawing.get("width"), drawing.get("height")) == ("400", "120")
    assert drawing.iter(f"{SVG}text"), "the labels are drawn in the image"


def test_web_pages_keep_their_drawings_inline():
    actuals = [
        {"period_label": "2027-Q1", "value": "24"},
        {"period_label": "2027-Q2", "value": "26"},
    ]
    html = render_to_string(
        "charter/sections/future_success/snapshot.html",
        {"data": {"metrics": [{"name": "Win rate", "actuals": actuals, "kind_label": "lagging"}]}},
    )

    assert "<svg" in html
    assert DATA_URL not in html
