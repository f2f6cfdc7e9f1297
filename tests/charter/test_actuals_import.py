"""Importing metric actuals from CSV: periods and numbers as people write them, a preview
with bad rows by line number, nothing imported twice, existing actuals replaced only when
asked, and a clear 400 for every kind of bad file."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from charter.actuals.importing import parse_period, parse_value
from charter.models import Metric, MetricActual, MetricImport
from tests.charter.section_factories import MetricActualFactory, MetricFactory
from tests.factories import CharterFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "cadence", "expected"),
    [
        ("2026-Q3", "quarterly", date(2026, 7, 1)),
        ("2026 q4", "quarterly", date(2026, 10, 1)),
        ("Q1 2027", "quarterly", date(2027, 1, 1)),
        ("2026-08", "quarterly", date(2026, 7, 1)),
        ("2026-08", "monthly", date(2026, 8, 1)),
        ("2026/8", "monthly", date(2026, 8, 1)),
        ("2026-08-15", "monthly", date(2026, 8, 1)),
        ("2026-08-15", "quarterly", date(2026, 7, 1)),
        ("2026-12-31 23:59:00", "quarterly", date(2026, 10, 1)),
    ],
)
def test_a_period_becomes_the_first_day_of_the_metric_s_period(text, cadence, expected):
    assert parse_period(text, cadence) == expected


@pytest.mark.parametrize(
    ("text", "cadence", "message"),
    [
        ("2026-Q3", "monthly", "is a quarter, but this metric is reported monthly"),
        ("2026-Q5", "quarterly", "is not a period"),
        ("2026-13", "monthly", "is not a period"),
        ("15/08/2026", "monthly", "is not a period"),
        ("", "monthly", "is not a period"),
    ],
)
def test_a_period_that_is_not_one_says_how_to_write_it(text, cadence, message):
    with pytest.raises(ValidationError) as raised:
        parse_period(text, cadence)

    assert message in raised.value.messages[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("23.5", "23.5"),
        ("-4", "-4"),
        ("12,5", "12.5"),
        ("1,234", "1234"),
        ("1,234.56", "1234.56"),
        ("1.234,56", "1234.56"),
        ("1 234", "1234"),
        ("23 %", "23"),
        ("$48,000", "48000"),
    ],
)
def test_a_number_is_read_as_people_type_it(text, expected):
    assert parse_value(text) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", "is not a number"),
        ("", "is not a number"),
        ("NaN", "is not a number"),
        ("1.234", "no more than 2 decimal places"),
        ("1e20", "no more than 14 digits"),
    ],
)
def test_a_value_that_is_not_a_number_is_refused(text, message):
    with pytest.raises(ValidationError) as raised:
        parse_value(text)

    assert message in raised.value.messages[0]


@pytest.fixture
def editor(charter_client):
    client = charter_client("editor")
    client.win_rate = MetricFactory(charter=client.charter, name="Win rate")
    client.coaching = MetricFactory(
        charter=client.charter, name="Coaching sessions", cadence=Metric.Cadence.MONTHLY
    )
    MetricActualFactory(metric=client.win_rate, period_start=date(2026, 4, 1), value=Decimal("21"))
    return client


GOOD = (
    "Metric,Quarter,Actual,Comment\n"
    "Win rate,2026-Q3,22.5,after the pricing change\n"
    "coaching  SESSIONS,2026-07-20,1.5,\n"
    "Win rate,2026-Q2,21,\n"
    "Unknown,2026-Q3,3,\n"
    "Win rate,2026-Q3,23,\n"
    "Win rate,2099-Q1,30,\n"
)


def upload(client, data: bytes, name="actuals.csv"):
    file = SimpleUploadedFile(name, data, content_type="text/csv")
    return client.post(f"{client.base}/data/actuals/import/", {"file": file})


def mapping_data(metric_import: MetricImport, update_existing=False) -> dict:
    data = {
        f"map-{key}": "" if column is None else str(column)
        for key, column in metric_import.mapping.items()
    }
    if update_existing:
        data["map-update_existing"] = "on"
    return data


def confirm(client, metric_import, update_existing=False):
    url = f"/w/{client.charter.workspace.slug}/actual-imports/{metric_import.pk}/confirm/"
    return client.post(url, mapping_data(metric_import, update_existing))


def test_upload_previews_with_bad_rows_by_line_and_saves_nothing(editor):
    response = upload(editor, GOOD.encode())

    metric_import = MetricImport.objects.get()
    assert response.status_code == 302 and response.url == metric_import.get_absolute_url()
    assert metric_import.mapping == {"metric": 0, "period": 1, "value": 2, "note": 3}
    preview = editor.get(response.url)
    assert preview.status_code == 200
    report = preview.context["report"]
    assert (report.new, report.already_imported, report.invalid) == (2, 1, 3)
    assert report.errors == [
        {"line": 5, "messages": ["There is no metric “Unknown” in this charter."]},
        {"line": 6, "messages": ["Line 2 already gives “Win rate” for 2026-Q3."]},
        {"line": 7, "messages": ["2099-Q1 has not started yet."]},
    ]
    assert b"Import 2 actuals" in preview.content
    assert MetricActual.objects.count() == 1


def test_confirming_imports_the_good_rows_once(editor, django_capture_on_commit_callbacks):
    upload(editor, GOOD.encode())
    metric_import = MetricImport.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        response = confirm(editor, metric_import)
    again = confirm(editor, metric_import)

    assert response.status_code == 302 and again.status_code == 302
    actuals = {(a.metric.name, a.period_start): a for a in MetricActual.objects.all()}
    assert set(actuals) == {
        ("Win rate", date(2026, 4, 1)),
        ("Win rate", date(2026, 7, 1)),
        ("Coaching sessions", date(2026, 7, 1)),
    }
    win = actuals["Win rate", date(2026, 7, 1)]
    assert win.value == Decimal("22.5") and win.note == "after the pricing change"
    assert win.recorded_by == editor.membership.user
    metric_import.refresh_from_db()
    assert metric_import.report["new"] == 2 and not metric_import.is_pending
    assert not metric_import.file  # the upload is deleted once imported
    report = editor.get(response.url)
    assert "Imported by" in report.content.decode()


def test_importing_the_same_file_twice_adds_nothing(editor):
    upload(editor, GOOD.encode())
    confirm(editor, MetricImport.objects.get())
    count = MetricActual.objects.count()

    upload(editor, GOOD.encode())
    second = MetricImport.objects.filter(status=MetricImport.Status.PENDING).get()
    preview = editor.get(second.get_absolute_url())
    confirm(editor, second)

    assert preview.context["report"].importable == 0
    assert preview.context["report"].already_imported == 3
    assert MetricActual.objects.count() == count


def test_an_existing_actual_with_another_value_is_reported_and_kept(editor):
    upload(editor, b"Metric,Period,Value\nWin rate,2026-Q2,19\n")
    metric_import = MetricImport.objects.get()

    preview = editor.get(metric_import.get_absolute_url())
    confirm(editor, metric_import)

    assert preview.context["report"].errors == [
        {
            "line": 2,
            "messages": [
                "“Win rate” already has 21.00 for 2026-Q2; tick “update existing actuals” "
                "to replace it with 19."
            ],
        }
    ]
    assert MetricActual.objects.get().value == Decimal("21")


def test_update_existing_replaces_the_value_when_ticked(editor):
    upload(editor, b"Metric,Period,Value,Note\nWin rate,2026-Q2,19,restated\n")
    metric_import = MetricImport.objects.get()

    preview = editor.post(metric_import.get_absolute_url(), mapping_data(metric_import, True))
    confirm(editor, metric_import, update_existing=True)

    assert preview.context["report"].updates == 1
    actual = MetricActual.objects.get()
    assert (actual.value, actual.note, actual.revision) == (Decimal("19"), "restated", 2)
    metric_import.refresh_from_db()
    assert metric_import.update_existing and metric_import.report["updates"] == 1


def test_changing_the_mapping_updates_the_preview_with_htmx(editor):
    upload(editor, b"Metric,Period,Value,Other\nWin rate,2026-Q3,22,5\n")
    metric_import = MetricImport.objects.get()
    data = {**mapping_data(metric_import), "map-value": "3"}

    response = editor.post(metric_import.get_absolute_url(), data, headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert response.templates[0].name == "charter/actuals/form.html"
    assert response.context["report"].sample[0].cleaned.value == Decimal("5")


def test_a_mapping_without_the_required_columns_is_a_400(editor):
    upload(editor, GOOD.encode())
    metric_import = MetricImport.objects.get()
    data = {**mapping_data(metric_import), "map-metric": ""}

    response = confirm_with(editor, metric_import, data)

    assert response.status_code == 400
    assert "Choose the column that holds “Metric”." in response.content.decode()
    assert MetricActual.objects.count() == 1
    assert MetricImport.objects.get().is_pending


def confirm_with(client, metric_import, data):
    url = f"/w/{client.charter.workspace.slug}/actual-imports/{metric_import.pk}/confirm/"
    return client.post(url, data)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The submitted file is empty."),
        (b"PK\x03\x04" + bytes(200), "This is an Excel workbook"),
        (bytes(range(256)) * 4, "This is not a text file."),
        (b"Metric,Period,Value\n", "has a header row but no rows of data"),
    ],
)
def test_a_bad_file_is_a_400_that_says_why_and_keeps_nothing(editor, content, message):
    response = upload(editor, content)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not MetricImport.objects.exists()
    assert MetricActual.objects.count() == 1


def test_a_file_over_the_limit_is_refused(editor, settings):
    settings.UPLOAD_MAX_BYTES = 100

    response = upload(editor, GOOD.encode() * 3)

    assert response.status_code == 400
    assert "files up to 100\xa0bytes can be imported" in response.content.decode()


def test_cancelling_deletes_the_upload_and_imports_nothing(editor):
    upload(editor, GOOD.encode())
    metric_import = MetricImport.objects.get()
    url = f"/w/{editor.charter.workspace.slug}/actual-imports/{metric_import.pk}/cancel/"

    response = editor.post(url)

    assert response.status_code == 302 and response.url == f"{editor.base}/data/"
    assert not MetricImport.objects.exists()
    assert MetricActual.objects.count() == 1


def test_a_viewer_sees_an_import_but_cannot_start_or_confirm_one(editor, member_client):
    upload(editor, GOOD.encode())
    metric_import = MetricImport.objects.get()
    viewer = member_client("viewer", workspace=editor.charter.workspace)
    viewer.charter, viewer.base = editor.charter, editor.base

    assert viewer.get(metric_import.get_absolute_url()).status_code == 200
    assert upload(viewer, GOOD.encode()).status_code == 403
    assert confirm(viewer, metric_import).status_code == 403
    assert MetricActual.objects.count() == 1


def test_another_workspace_s_import_is_a_404(editor, member_client):
    upload(editor, GOOD.encode())
    metric_import = MetricImport.objects.get()
    stranger = member_client("owner")
    slug = stranger.membership.workspace.slug
    other_charter = CharterFactory()

    assert stranger.get(f"/w/{slug}/actual-imports/{metric_import.pk}/").status_code == 404
    assert stranger.post(f"/w/{slug}/actual-imports/{metric_import.pk}/confirm/").status_code == 404
    url = f"/w/{slug}/charters/{other_charter.pk}/data/actuals/import/"
    assert stranger.get(url).status_code == 404
    assert MetricActual.objects.count() == 1


def test_the_metrics_download_imports_back_as_already_there(editor):
    download = editor.get(f"{editor.base}/data/metrics.csv")

    upload(editor, download.content, name="metrics.csv")
    preview = editor.get(MetricImport.objects.get().get_absolute_url())

    report = preview.context["report"]
    assert report.already_imported == 1
    # The metric without actuals comes out with an empty period and value: two errors, not a 500.
    assert report.invalid == 1 and report.importable == 0
