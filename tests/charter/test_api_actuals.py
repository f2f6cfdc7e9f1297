"""Reporting metric actuals through the API, under the CSV import's rules."""

from decimal import Decimal

import pytest

from charter.models import AuditEvent, MetricActual
from tests.charter.api_helpers import token_holder
from tests.charter.section_factories import MetricActualFactory, MetricFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def holder(client):
    return token_holder(client)


@pytest.fixture
def metric(holder):
    return MetricFactory(charter=holder.charter, name="Win rate")


def test_posting_a_quarter_twice_adds_nothing_the_second_time(holder, metric):
    first = holder.call("PUT", f"/metrics/{metric.pk}/actuals/2026-Q3", {"value": 24.5})
    second = holder.call("PUT", f"/metrics/{metric.pk}/actuals/2026-Q3", {"value": 24.5})

    assert first.status_code == 201, first.content
    assert first.json()["outcome"] == "created"
    assert second.status_code == 200
    assert second.json()["outcome"] == "unchanged"
    actual = MetricActual.objects.get(metric=metric)
    assert actual.value == Decimal("24.50")
    assert actual.source == MetricActual.Source.API
    assert actual.recorded_by == holder.membership.user
    assert first.json()["actual"]["period"] == "2026-Q3"
    assert first.json()["actual"]["source_label"] == "API"
    assert AuditEvent.objects.filter(action="metric.actual_recorded").count() == 1


def test_another_value_for_a_reported_period_is_refused_without_replace(holder, metric):
    MetricActualFactory(metric=metric, value=Decimal("22"), source=MetricActual.Source.CSV)

    refused = holder.call("PUT", f"/metrics/{metric.pk}/actuals/2026-07-15", {"value": 25})

    assert refused.status_code == 409
    assert "already has 22.00 for 2026-Q3" in refused.json()["detail"]
    stored = MetricActual.objects.get(metric=metric)
    assert (stored.value, stored.source) == (Decimal("22.00"), MetricActual.Source.CSV)


def test_replace_true_updates_the_value_and_records_the_api_as_its_source(holder, metric):
    MetricActualFactory(metric=metric, value=Decimal("22"))

    replaced = holder.call(
        "PUT", f"/metrics/{metric.pk}/actuals/2026-Q3", {"value": "25", "replace": True}
    )

    assert replaced.status_code == 200
    assert replaced.json()["outcome"] == "updated"
    stored = MetricActual.objects.get(metric=metric)
    assert (stored.value, stored.source) == (Decimal("25.00"), MetricActual.Source.API)
    event = AuditEvent.objects.get(action="metric.actual_recorded")
    assert event.changes["previous value"] == "22.00"


def test_a_monthly_metric_refuses_a_quarter_with_the_import_message(holder):
    monthly = MetricFactory(charter=holder.charter, cadence="monthly")

    refused = holder.call("PUT", f"/metrics/{monthly.pk}/actuals/2026-Q3", {"value": 1})

    assert refused.status_code == 422
    assert "reported monthly" in refused.json()["detail"]
    assert not MetricActual.objects.exists()


@pytest.mark.parametrize(
    "period, message",
    [("2099-Q1", "has not started yet"), ("last quarter", "is not a period")],
)
def test_bad_periods_are_refused_with_a_readable_reason(holder, metric, period, message):
    refused = holder.call("PUT", f"/metrics/{metric.pk}/actuals/{period}", {"value": 1})

    assert refused.status_code == 422
    assert message in refused.json()["detail"]
    assert not MetricActual.objects.exists()


@pytest.mark.parametrize(
    "raw",
    [
        "{not json",
        '{"value": "twelve"}',
        '{"value": 1e20}',
        '{"value": 1.234}',
        '{"value": [1]}',
        '{"note": "no value"}',
        '{"value": 1, "note": "' + "x" * 301 + '"}',
        '{"value": 1, "replace": "perhaps"}',
        "[]",
    ],
)
def test_malformed_bodies_are_a_4xx_with_a_json_error_and_store_nothing(holder, metric, raw):
    refused = holder.call("PUT", f"/metrics/{metric.pk}/actuals/2026-Q3", raw=raw)

    assert 400 <= refused.status_code < 500, refused.content
    assert refused.json()["detail"]
    assert not MetricActual.objects.exists()


def test_a_note_with_a_nul_character_is_refused_not_a_server_error(holder, metric):
    refused = holder.call(
        "PUT", f"/metrics/{metric.pk}/actuals/2026-Q3", {"value": 1, "note": "a\u0000b"}
    )

    assert refused.status_code == 422
    assert not MetricActual.objects.exists()


def test_the_metric_page_names_where_its_latest_actual_came_from(holder, metric):
    MetricActualFactory(metric=metric, period_start="2026-07-01", source="csv")
    holder.call("PUT", f"/metrics/{metric.pk}/actuals/2026-Q4", {"value": 30})
    holder.client.force_login(holder.membership.user)

    page = holder.client.get(f"/w/{holder.charter.workspace.slug}/metrics/{metric.pk}/")

    assert page.status_code == 200
    text = page.content.decode()
    assert "Latest actual: API" in text
    assert "CSV import" in text  # the earlier quarter's row
