"""Moving rows of an ordered table up and down (charter/editing/ordering.py), through metrics."""

import re

import pytest

from charter.models import Metric
from charter.sections.future_success.editors import METRIC_TABLE
from charter.sections.future_success.snapshot import snapshot
from tests.charter.section_factories import MetricFactory
from tests.charter.test_editing import open_form
from tests.factories import CharterFactory, MembershipFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def editor(member_client):
    client = member_client("editor")
    client.charter = CharterFactory(workspace=client.membership.workspace)
    client.metrics = [
        MetricFactory(charter=client.charter, name=name, position=0)
        for name in ("Win rate", "Ramp time", "Quota attainment")
    ]
    return client


def move_url(client, metric):
    workspace = client.membership.workspace.slug
    return f"/w/{workspace}/charters/{client.charter.pk}/metrics/{metric.pk}/move/"


def unchanged_fields(metric) -> dict:
    """The metric form's fields other than the name, as stored."""
    names = ("kind", "unit", "baseline", "target", "direction", "cadence")
    return {name: getattr(metric, name) for name in names}


def stored_names(charter):
    return list(Metric.objects.filter(charter=charter).values_list("name", flat=True))


def positions(charter):
    return list(Metric.objects.filter(charter=charter).values_list("position", flat=True))


@pytest.mark.django_db
def test_moving_up_swaps_with_the_row_above_and_answers_the_table_in_the_new_order(editor):
    win_rate, ramp_time, quota = editor.metrics

    response = editor.post(move_url(editor, quota), {"direction": "up"}, **HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert stored_names(editor.charter) == ["Win rate", "Quota attainment", "Ramp time"]
    assert positions(editor.charter) == [0, 1, 2]
    assert html.lstrip().startswith('<tbody id="metric-rows">')
    order = [int(pk) for pk in re.findall(r'<tr id="metric-(\d+)"', html)]
    assert order == [win_rate.pk, quota.pk, ramp_time.pk]
    assert "Moved up, now 2 of 3" in html
    assert response["HX-Trigger"] == "charter-changed, metric-changed"


@pytest.mark.django_db
def test_the_moved_rows_button_keeps_the_focus_and_has_an_accessible_name(editor):
    win_rate, *_ = editor.metrics

    html = editor.post(move_url(editor, win_rate), {"direction": "down"}, **HTMX).content.decode()

    focused = re.findall(r"<button[^>]*data-autofocus[^>]*>.*?</button>", html, re.S)
    assert len(focused) == 1
    assert 'value="down"' in focused[0]
    assert "Move “Win rate” down" in focused[0]
    assert "Moved down, now 2 of 3" in html


@pytest.mark.django_db
def test_the_ends_of_the_table_mark_their_move_buttons_disabled(editor):
    html = editor.get(
        f"/w/{editor.membership.workspace.slug}/charters/{editor.charter.pk}/s/future-success/"
    ).content.decode()

    up_buttons = re.findall(r'<button type="submit" name="direction" value="up"[^>]*>', html)
    down_buttons = re.findall(r'<button type="submit" name="direction" value="down"[^>]*>', html)
    assert ['aria-disabled="true"' in button for button in up_buttons] == [True, False, False]
    assert ['aria-disabled="true"' in button for button in down_buttons] == [False, False, True]


@pytest.mark.django_db
def test_moving_bumps_the_revision_of_the_rows_that_changed_place(editor):
    win_rate, ramp_time, quota = editor.metrics

    editor.post(move_url(editor, ramp_time), {"direction": "up"}, **HTMX)

    revisions = dict(Metric.objects.values_list("name", "revision"))
    assert revisions["Ramp time"] == ramp_time.revision + 1
    assert revisions["Win rate"] == win_rate.revision + 1
    assert Metric.objects.get(pk=ramp_time.pk).updated_by == editor.membership.user


@pytest.mark.django_db
def test_moving_the_first_row_up_is_refused_with_a_message_and_changes_nothing(editor):
    win_rate, *_ = editor.metrics
    before = list(Metric.objects.values_list("pk", "position", "revision"))

    response = editor.post(move_url(editor, win_rate), {"direction": "up"}, **HTMX)

    assert response.status_code == 400
    assert "This row is already first." in response.content.decode()
    assert list(Metric.objects.values_list("pk", "position", "revision")) == before


@pytest.mark.django_db
def test_moving_the_last_row_down_without_javascript_shows_a_page_saying_why(editor):
    *_, quota = editor.metrics

    response = editor.post(move_url(editor, quota), {"direction": "down"})

    assert response.status_code == 400
    assert "This row is already last." in response.content.decode()
    assert stored_names(editor.charter) == ["Win rate", "Ramp time", "Quota attainment"]


@pytest.mark.django_db
def test_an_unknown_direction_is_a_400(editor):
    response = editor.post(move_url(editor, editor.metrics[1]), {"direction": "sideways"}, **HTMX)

    assert response.status_code == 400
    assert "Choose to move the row up or down." in response.content.decode()
    assert stored_names(editor.charter) == ["Win rate", "Ramp time", "Quota attainment"]


@pytest.mark.django_db
def test_moving_without_javascript_redirects_back_to_the_section(editor):
    response = editor.post(move_url(editor, editor.metrics[2]), {"direction": "up"})

    assert response.status_code == 302
    assert response["Location"].endswith("/s/future-success/#metric-rows")
    assert stored_names(editor.charter) == ["Win rate", "Quota attainment", "Ramp time"]


@pytest.mark.django_db
def test_a_metric_of_another_charter_is_not_found_under_this_one(editor):
    other_charter = CharterFactory(workspace=editor.membership.workspace)
    foreign = MetricFactory(charter=other_charter, name="Foreign")
    MetricFactory(charter=other_charter, name="Above")
    url = move_url(editor, editor.metrics[0]).replace(
        f"/metrics/{editor.metrics[0].pk}/", f"/metrics/{foreign.pk}/"
    )

    response = editor.post(url, {"direction": "down"}, **HTMX)

    assert response.status_code == 404
    assert list(Metric.objects.filter(charter=other_charter).values_list("name", flat=True)) == [
        "Foreign",
        "Above",
    ]


@pytest.mark.django_db
def test_another_workspaces_metric_is_not_found(editor):
    stranger = MembershipFactory(role="owner")
    foreign_charter = CharterFactory(workspace=stranger.workspace)
    foreign = [MetricFactory(charter=foreign_charter) for _ in range(2)]
    url = f"/w/{editor.membership.workspace.slug}/charters/{foreign_charter.pk}/metrics/{foreign[1].pk}/move/"

    response = editor.post(url, {"direction": "up"}, **HTMX)

    assert response.status_code == 404
    assert list(Metric.objects.filter(charter=foreign_charter).values_list("pk", flat=True)) == [
        metric.pk for metric in foreign
    ]


@pytest.mark.django_db
def test_a_viewer_cannot_move_rows_and_sees_no_move_buttons(member_client):
    client = member_client("viewer")
    charter = CharterFactory(workspace=client.membership.workspace)
    metrics = [MetricFactory(charter=charter) for _ in range(2)]
    workspace = client.membership.workspace.slug

    page = client.get(f"/w/{workspace}/charters/{charter.pk}/s/future-success/").content.decode()
    response = client.post(
        f"/w/{workspace}/charters/{charter.pk}/metrics/{metrics[1].pk}/move/",
        {"direction": "up"},
        **HTMX,
    )

    assert 'name="direction"' not in page
    assert response.status_code in (403, 404)
    assert list(Metric.objects.values_list("pk", flat=True)) == [metric.pk for metric in metrics]


@pytest.mark.django_db
def test_moving_is_only_a_post(editor):
    response = editor.get(move_url(editor, editor.metrics[1]))

    assert response.status_code == 405


@pytest.mark.django_db
def test_an_edit_opened_before_a_move_still_saves_and_keeps_the_new_order(editor):
    win_rate, ramp_time, quota = editor.metrics
    workspace = editor.membership.workspace.slug
    edit_url = f"/w/{workspace}/charters/{editor.charter.pk}/metrics/{quota.pk}/edit/"
    form = open_form(editor, edit_url)
    editor.post(move_url(editor, quota), {"direction": "up"}, **HTMX)

    response = editor.post(
        edit_url,
        {**form, **unchanged_fields(quota), "name": "Quota attainment (team)"},
        **HTMX,
    )

    assert response.status_code == 200, response.content.decode()[:500]
    assert stored_names(editor.charter) == ["Win rate", "Quota attainment (team)", "Ramp time"]


@pytest.mark.django_db
def test_an_edit_that_conflicts_is_still_detected_after_a_move(editor):
    *_, quota = editor.metrics
    workspace = editor.membership.workspace.slug
    edit_url = f"/w/{workspace}/charters/{editor.charter.pk}/metrics/{quota.pk}/edit/"
    form = open_form(editor, edit_url)
    editor.post(move_url(editor, quota), {"direction": "up"}, **HTMX)
    Metric.objects.filter(pk=quota.pk).update(name="Renamed meanwhile")

    response = editor.post(edit_url, {**form, **unchanged_fields(quota), "name": "Mine"}, **HTMX)

    assert response.status_code == 409
    assert Metric.objects.get(pk=quota.pk).name == "Renamed meanwhile"


@pytest.mark.django_db
def test_the_snapshot_keeps_the_order_people_gave(editor):
    editor.post(move_url(editor, editor.metrics[2]), {"direction": "up"}, **HTMX)
    editor.post(move_url(editor, editor.metrics[2]), {"direction": "up"}, **HTMX)

    names = [metric["name"] for metric in snapshot(editor.charter)["metrics"]]

    assert names == ["Quota attainment", "Win rate", "Ramp time"]


@pytest.mark.django_db
def test_a_row_added_after_gaps_goes_last(editor):
    win_rate, ramp_time, quota = editor.metrics
    editor.post(move_url(editor, ramp_time), {"direction": "down"}, **HTMX)
    Metric.objects.filter(pk=win_rate.pk).delete()

    row = METRIC_TABLE.new_row(editor.charter)
    row.name = "Pipeline coverage"
    row.save()

    assert stored_names(editor.charter) == ["Quota attainment", "Ramp time", "Pipeline coverage"]
