"""A snapshot's labels are in the charter's language, not in the publisher's interface."""

import pytest
from django.test import RequestFactory
from django.utils import translation

from charter.models import Metric
from charter.versions.live import live_snapshot
from tests.charter.section_factories import MetricFactory
from tests.charter.version_factories import charter_with_editor, publish_version
from tests.test_translations import compiled_catalogues

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures(compiled_catalogues.__name__)]


def _metric(snapshot: dict) -> dict:
    return snapshot["sections"]["future-success"]["metrics"][0]


def test_an_english_interface_editor_publishing_a_chinese_charter_freezes_chinese_labels():
    charter, membership = charter_with_editor(language="zh-hans")
    MetricFactory(charter=charter, kind=Metric.Kind.LAGGING)
    with translation.override("en"):
        version = publish_version(charter, membership)
    metric = _metric(version.snapshot)
    assert metric["kind_label"] == "滞后"
    assert metric["kind_label"] != str(Metric.Kind.LAGGING.label)


def test_the_live_snapshot_is_read_in_the_charter_language_too():
    charter, _membership = charter_with_editor(language="ru")
    MetricFactory(charter=charter, kind=Metric.Kind.LAGGING)
    with translation.override("en"):
        metric = _metric(live_snapshot(RequestFactory().get("/"), charter))
        assert translation.get_language() == "en"
    with translation.override("ru"):
        expected = str(Metric.Kind.LAGGING.label)
    assert metric["kind_label"] == expected != "Lagging"
