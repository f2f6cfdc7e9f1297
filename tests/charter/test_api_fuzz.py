"""A schemathesis run over the API's own OpenAPI document: with a real token and seeded data,
no generated request gets a 5xx, and every answer matches the schema it declares."""

from decimal import Decimal

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application
from tests.charter.api_helpers import token_holder
from tests.charter.section_factories import MetricActualFactory, MetricFactory, ObjectiveFactory
from tests.roadmap.factories import MilestoneFactory

pytestmark = pytest.mark.django_db

CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
]
# Bounded so that the whole run stays within a minute or two on a shared machine.
EXAMPLES_PER_OPERATION = 20


def _seed(holder) -> dict[str, int]:
    """Rows for every kind of path parameter; their ids, by parameter name."""
    metric = MetricFactory(charter=holder.charter, name="Win rate")
    MetricActualFactory(metric=metric, value=Decimal("22"), note="From the CRM")
    MetricFactory(charter=holder.charter, cadence="monthly", owner=holder.membership.user)
    objective = ObjectiveFactory(charter=holder.charter)
    objective.metrics.add(metric)
    milestone = MilestoneFactory(charter=holder.charter)
    return {
        "charter_id": holder.charter.pk,
        "metric_id": metric.pk,
        "milestone_id": milestone.pk,
        "period": "2026-Q3",
    }


def _pinned(case, values):
    """The case with its path parameters set to seeded rows, so that bodies reach the domain."""
    case.path_parameters = {
        name: values.get(name, value) for name, value in (case.path_parameters or {}).items()
    }
    return case


def _run(operation, headers, pinned_to=None):
    strategy = operation.as_strategy()
    if pinned_to is not None:
        strategy = strategy.map(lambda case: _pinned(case, pinned_to))

    @given(case=strategy)
    @hypothesis_settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        case.headers = {**(case.headers or {}), **headers}
        case.validate_response(case.call(), checks=CHECKS)

    run()


@pytest.fixture
def keep_test_connection():
    """The WSGI app closes the database connection after each request, which would end the
    test's transaction; Django's test client keeps it open the same way."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def test_fuzzing_the_api_finds_no_server_error_and_no_answer_off_its_schema(
    client, settings, keep_test_connection
):
    settings.API_RATE_LIMIT_PER_MINUTE = 1_000_000
    holder = token_holder(client)
    ids = _seed(holder)
    headers = {"Authorization": f"Bearer {holder.secret}"}
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 14

    for operation in operations:
        _run(operation, headers)
        names = {parameter.name for parameter in operation.path_parameters}
        if not names or not names <= set(ids):
            continue
        # Random ids mostly miss: the same operation again on the seeded rows.
        _run(operation, headers, pinned_to=ids)
        if operation.method.upper() == "GET":
            case = operation.Case(path_parameters={name: ids[name] for name in names})
            case.headers = headers
            response = case.call()
            assert response.status_code == 200, (operation.label, response.text)
            case.validate_response(response, checks=CHECKS)
