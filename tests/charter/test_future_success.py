"""The future-success section: snapshot, completeness, and every form's bad input."""

import json
from datetime import date
from decimal import Decimal

import pytest
from django.template.loader import render_to_string

from charter.models import FutureSuccess, Metric, MetricActual, Objective
from charter.registry import registry
from charter.sections.future_success.snapshot import completeness, snapshot
from tests.charter.section_factories import (
    FutureSuccessFactory,
    MetricActualFactory,
    MetricFactory,
    ObjectiveFactory,
)
from tests.factories import CharterFactory, MembershipFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


def outcome_with_drivers(charter):
    win_rate = MetricFactory(charter=charter, name="Win rate", baseline="20", target="30")
    certification = MetricFactory(
        charter=charter, name="Certification", kind=Metric.Kind.LEADING, baseline="0", target="90"
    )
    win_rate.drivers.set([certification])
    MetricActualFactory(metric=win_rate, period_start=date(2026, 4, 1), value="21")
    MetricActualFactory(metric=win_rate, period_start=date(2026, 7, 1), value="23")
    return win_rate, certification


@pytest.mark.django_db
def test_snapshot_holds_metrics_with_progress_status_actuals_and_drivers():
    charter = CharterFactory()
    FutureSuccessFactory(charter=charter, vision="Ready for every conversation.")
    win_rate, certification = outcome_with_drivers(charter)
    objective = ObjectiveFactory(charter=charter, title="Win more", due_date=date(2027, 3, 31))
    objective.metrics.set([win_rate])

    data = snapshot(charter)

    assert json.loads(json.dumps(data)) == data
    assert data["vision"] == "Ready for every conversation."
    metric = data["metrics"][0]
    assert metric["name"] == "Win rate"
    assert (metric["baseline"], metric["target"], metric["latest"]) == ("20.00", "30.00", "23.00")
    assert (metric["latest_period"], metric["progress"], metric["expected"]) == ("2026-Q3", 30, 25)
    assert (metric["status"], metric["status_label"]) == ("on_track", "On track")
    assert metric["driver_ids"] == [certification.pk]
    assert [actual["period_label"] for actual in metric["actuals"]] == ["2026-Q2", "2026-Q3"]
    assert data["metrics"][1]["status"] == "no_data"
    assert data["objectives"][0] | {"id": 0} == {
        "id": 0,
        "title": "Win more",
        "description": "",
        "owner": "",
        "due_date": "2027-03-31",
        "metric_ids": [win_rate.pk],
        "metrics": ["Win rate"],
    }
    [outcome] = data["outcomes"]
    assert outcome["name"] == "Win rate"
    assert [driver["name"] for driver in outcome["drivers"]] == ["Certification"]


@pytest.mark.django_db
def test_completeness_names_what_is_missing():
    charter = CharterFactory()
    FutureSuccessFactory(charter=charter, vision="", mission="Equip sellers.")
    MetricFactory(charter=charter, name="Quota attainment", target=None)
    ObjectiveFactory(charter=charter, title="Coach weekly")

    missing = completeness(snapshot(charter))

    assert "Vision is missing." in missing
    assert "Shared definition of enablement is missing." in missing
    assert "Mission is missing." not in missing
    assert "Lagging metric “Quota attainment” has no target." in missing
    assert "Lagging metric “Quota attainment” has no leading indicator." in missing
    assert "Metric “Quota attainment” has no owner." in missing
    assert "Objective “Coach weekly” has no owner." in missing
    assert "Objective “Coach weekly” has no due date." in missing
    assert "Objective “Coach weekly” is linked to no metric." in missing


def test_an_empty_section_lists_everything():
    missing = completeness({})

    assert "No objective yet." in missing and "No metric yet." in missing


@pytest.mark.django_db
def test_section_partial_shows_outcomes_beside_their_leading_indicators_for_the_pdf():
    charter = CharterFactory()
    FutureSuccessFactory(charter=charter, mission="<script>x()</script>*Equip*")
    outcome_with_drivers(charter)

    html = render_to_string(
        registry.get("future-success").template, {"data": snapshot(charter), "mode": "pdf"}
    )

    assert "<em>Equip</em>" in html and "<script" not in html
    assert "Lagging outcome" in html and "Leading indicators that drive it" in html
    assert html.count("<svg") == 1  # a trend for the metric with actuals, none without
    # A metric with nothing reported yet prints a blank, not an editor's "No data".
    assert "On track" in html and "No data" not in html


@pytest.fixture
def editor(member_client):
    client = member_client("editor")
    client.charter = CharterFactory(workspace=client.membership.workspace)
    return client


def url(client, path):
    return f"/w/{client.membership.workspace.slug}/{path}"


def charter_url(client, path):
    return url(client, f"charters/{client.charter.pk}/{path}")


METRIC = {
    "name": "Win rate",
    "kind": "lagging",
    "unit": "%",
    "baseline": "20",
    "target": "30",
    "direction": "increase",
    "cadence": "quarterly",
    "data_source": "CRM",
}


@pytest.mark.django_db
def test_adding_a_metric_returns_its_row_with_status(editor):
    response = editor.post(
        charter_url(editor, "metrics/add/"), {**METRIC, "owner": editor.membership.user.pk}, **HTMX
    )

    assert response.status_code == 200
    assert "Win rate" in response.content.decode() and "No data" in response.content.decode()
    metric = Metric.objects.get(charter=editor.charter)
    assert (metric.target, metric.owner) == (Decimal("30"), editor.membership.user)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field_message"),
    [
        ({"target": "10"}, "the target must be above the baseline"),
        ({"direction": "decrease"}, "the target must be below the baseline"),
        ({"baseline": "abc"}, "Enter a number."),
        ({"target": "1" * 15}, "no more than 14 digits"),
        ({"name": "x" * 161}, "at most 160 characters"),
        ({"kind": "sideways"}, "Select a valid choice"),
        ({"cadence": "weekly"}, "Select a valid choice"),
    ],
)
def test_invalid_metrics_are_refused_and_nothing_is_saved(editor, changes, field_message):
    response = editor.post(charter_url(editor, "metrics/add/"), {**METRIC, **changes}, **HTMX)

    assert response.status_code == 400
    assert field_message in response.content.decode()
    assert not Metric.objects.exists()


@pytest.mark.django_db
def test_a_leading_metric_cannot_have_leading_indicators(editor):
    leading = MetricFactory(charter=editor.charter, kind=Metric.Kind.LEADING)

    response = editor.post(
        charter_url(editor, "metrics/add/"),
        {**METRIC, "kind": "leading", "drivers": [leading.pk]},
        **HTMX,
    )

    assert response.status_code == 400
    assert "Only a lagging metric has leading indicators." in response.content.decode()


@pytest.mark.django_db
def test_a_leading_indicator_stays_leading_while_it_drives_an_outcome(editor):
    outcome, leading = outcome_with_drivers(editor.charter)

    response = editor.post(
        charter_url(editor, f"metrics/{leading.pk}/edit/"),
        {**METRIC, "name": leading.name, "revision": "1", "target": "90", "baseline": "0"},
        **HTMX,
    )

    assert response.status_code == 400
    assert "leading indicator of another" in response.content.decode()
    assert Metric.objects.get(pk=leading.pk).kind == Metric.Kind.LEADING


@pytest.mark.django_db
def test_drivers_and_owners_from_another_workspace_are_refused(editor):
    foreign_metric = MetricFactory(kind=Metric.Kind.LEADING)
    stranger = MembershipFactory().user

    response = editor.post(
        charter_url(editor, "metrics/add/"),
        {**METRIC, "drivers": [foreign_metric.pk], "owner": stranger.pk},
        **HTMX,
    )

    assert response.status_code == 400
    assert response.content.decode().count("Select a valid choice") == 2
    assert not Metric.objects.filter(charter=editor.charter).exists()


@pytest.mark.django_db
def test_stale_metric_edit_shows_both_targets_and_keeps_the_saved_one(editor):
    metric = MetricFactory(charter=editor.charter, name="Win rate")
    other = {**METRIC, "revision": "1"}
    editor.post(charter_url(editor, f"metrics/{metric.pk}/edit/"), {**other, "target": "28"})

    response = editor.post(
        charter_url(editor, f"metrics/{metric.pk}/edit/"), {**other, "target": "35"}, **HTMX
    )

    html = response.content.decode()
    assert response.status_code == 409
    assert 'value="35"' in html and 'value="28.00"' in html
    assert Metric.objects.get(pk=metric.pk).target == Decimal("28")


OBJECTIVE = {"title": "Cut ramp time", "description": "Onboarding path.", "due_date": "2027-03-31"}


@pytest.mark.django_db
def test_adding_an_objective_links_the_metrics_it_moves(editor):
    metric = MetricFactory(charter=editor.charter, name="Ramp time")

    response = editor.post(
        charter_url(editor, "objectives/add/"),
        {**OBJECTIVE, "owner": editor.membership.user.pk, "metrics": [metric.pk]},
        **HTMX,
    )

    assert response.status_code == 200
    assert "Ramp time" in response.content.decode()
    assert list(Objective.objects.get().metrics.all()) == [metric]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"due_date": "2026-06-30"}, "The due date is before the charter period starts."),
        ({"due_date": "31/02/2027"}, "Enter a valid date."),
        ({"title": ""}, "This field is required."),
        ({"title": "x" * 201}, "at most 200 characters"),
        ({"description": "x" * 20_001}, "at most 20000 characters"),
    ],
)
def test_invalid_objectives_are_refused_with_what_was_typed(editor, changes, message):
    response = editor.post(charter_url(editor, "objectives/add/"), {**OBJECTIVE, **changes}, **HTMX)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert "Onboarding path." in response.content.decode() or "description" in changes
    assert not Objective.objects.exists()


@pytest.mark.django_db
def test_an_objective_cannot_link_a_metric_of_another_charter(editor):
    other_charter_metric = MetricFactory(charter=CharterFactory(workspace=editor.charter.workspace))

    response = editor.post(
        charter_url(editor, "objectives/add/"),
        {**OBJECTIVE, "metrics": [other_charter_metric.pk]},
        **HTMX,
    )

    assert response.status_code == 400
    assert not Objective.objects.exists()


@pytest.mark.django_db
def test_objective_description_markdown_is_sanitized_in_its_row(editor):
    response = editor.post(
        charter_url(editor, "objectives/add/"),
        {**OBJECTIVE, "description": '<a href="javascript:alert(1)">x</a><b onclick=y>**ok**</b>'},
        **HTMX,
    )

    html = response.content.decode()
    assert "javascript:" not in html and "onclick" not in html
    assert "<strong>ok</strong>" in html


@pytest.mark.django_db
def test_an_actual_is_kept_on_the_first_day_of_its_quarter(editor):
    metric = MetricFactory(charter=editor.charter)

    response = editor.post(
        url(editor, f"metrics/{metric.pk}/actuals/add/"),
        {"period_start": "2025-08-17", "value": "24.5", "note": "CRM export"},
        **HTMX,
    )

    assert response.status_code == 200
    assert "2025-Q3" in response.content.decode()
    assert "actual-changed" in response["HX-Trigger"]
    actual = MetricActual.objects.get(metric=metric)
    assert (actual.period_start, actual.value) == (date(2025, 7, 1), Decimal("24.5"))


@pytest.mark.django_db
def test_a_monthly_actual_is_kept_on_the_first_day_of_its_month(editor):
    metric = MetricFactory(charter=editor.charter, cadence=Metric.Cadence.MONTHLY)

    editor.post(
        url(editor, f"metrics/{metric.pk}/actuals/add/"),
        {"period_start": "2025-08-17", "value": "1"},
        **HTMX,
    )

    assert MetricActual.objects.get(metric=metric).period_start == date(2025, 8, 1)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"period_start": "2025-09-30", "value": "1"}, "2025-Q3 already has an actual"),
        ({"period_start": "2999-01-01", "value": "1"}, "This period has not started yet."),
        ({"period_start": "yesterday", "value": "1"}, "Enter a valid date."),
        ({"period_start": "2025-04-01", "value": "lots"}, "Enter a number."),
        ({"period_start": "2025-04-01", "value": "1", "note": "x" * 301}, "at most 300"),
    ],
)
def test_invalid_actuals_are_refused_and_the_saved_one_stays(editor, data, message):
    saved = MetricActualFactory(
        metric=MetricFactory(charter=editor.charter), period_start=date(2025, 7, 1), value="22"
    )

    response = editor.post(url(editor, f"metrics/{saved.metric_id}/actuals/add/"), data, **HTMX)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert list(MetricActual.objects.values_list("value", flat=True)) == [Decimal("22")]


@pytest.mark.django_db
def test_an_actual_of_another_workspace_is_404(editor):
    own_metric = MetricFactory(charter=editor.charter)
    foreign = MetricActualFactory()

    for path in (
        f"metrics/{own_metric.pk}/actuals/{foreign.pk}/edit/",
        f"metrics/{foreign.metric_id}/actuals/{foreign.pk}/edit/",
        f"metrics/{foreign.metric_id}/",
    ):
        assert editor.post(url(editor, path), {"value": "0", "revision": "1"}).status_code == 404
    foreign.refresh_from_db()
    assert foreign.value == Decimal("22")


@pytest.mark.django_db
def test_the_metric_page_shows_its_trend_actuals_and_drivers(editor):
    outcome, driver = outcome_with_drivers(editor.charter)

    page = editor.get(url(editor, f"metrics/{outcome.pk}/"))

    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html and "2026-Q3" in html and "Add actual" in html
    assert driver.name in html


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["viewer", "board"])
def test_viewers_and_board_members_cannot_change_future_success(member_client, role):
    client = member_client(role)
    client.charter = CharterFactory(workspace=client.membership.workspace)
    metric = MetricFactory(charter=client.charter)

    responses = [
        client.post(charter_url(client, "metrics/add/"), METRIC),
        client.post(charter_url(client, f"metrics/{metric.pk}/delete/"), {"revision": "1"}),
        client.post(charter_url(client, "objectives/add/"), OBJECTIVE),
        client.post(url(client, f"metrics/{metric.pk}/actuals/add/"), {"value": "1"}),
        client.post(charter_url(client, "s/future-success/vision/edit/"), {"vision": "x"}),
    ]

    assert [response.status_code for response in responses] == [403] * 5
    assert Metric.objects.count() == 1
    assert not FutureSuccess.objects.filter(vision="x").exists()
    page = client.get(charter_url(client, "s/future-success/"))
    assert page.status_code == 200 and "Add metric" not in page.content.decode()
