"""The Data page: metrics and actuals as CSV and Excel, the charter as JSON, and importing a
charter from JSON — with authorization, formula-safe cells and a clear 400 for bad files."""

import csv
import io
import json
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from charter import portable
from charter.models import AuditEvent, Charter, Metric, Role
from tests.charter.data_factories import chinese_charter, row_counts
from tests.charter.section_factories import MetricActualFactory, MetricFactory
from tests.factories import CharterFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def charter_with_metrics(charter_client):
    def make(role="viewer"):
        client = charter_client(role)
        charter = client.charter
        outcome = MetricFactory(charter=charter, name='=HYPERLINK("http://x")', unit="%")
        driver = MetricFactory(
            charter=charter, name="赢单率", kind=Metric.Kind.LEADING, position=1, baseline=None
        )
        outcome.drivers.set([driver])
        MetricActualFactory(metric=outcome, period_start=date(2026, 7, 1), value=Decimal("-5.25"))
        MetricActualFactory(
            metric=outcome, period_start=date(2026, 4, 1), value=Decimal("21"), note="+ good"
        )
        return client

    return make


def test_metrics_csv_has_a_row_per_metric_and_period_and_no_formulas(charter_with_metrics):
    client = charter_with_metrics("viewer")

    response = client.get(f"{client.base}/data/metrics.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:5] == ["Metric", "Period", "Value", "Note", "Period start"]
    assert [row[:5] for row in rows[1:]] == [
        ['\'=HYPERLINK("http://x")', "2026-Q2", "21.00", "'+ good", "2026-04-01"],
        ['\'=HYPERLINK("http://x")', "2026-Q3", "-5.25", "", "2026-07-01"],
        ["赢单率", "", "", "", ""],  # no actual yet: the metric is still listed
    ]
    header = rows[0]
    first = dict(zip(header, rows[1], strict=True))
    assert first["Kind"] == "Lagging" and first["Cadence"] == "Quarterly"
    assert first["Baseline"] == "20.00" and first["Target"] == "30.00"
    assert first["Leading indicators"] == "赢单率"


def test_metrics_workbook_has_typed_cells(charter_with_metrics):
    client = charter_with_metrics("viewer")

    response = client.get(f"{client.base}/data/metrics.xlsx")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == "Metrics"
    name, period, value, note, start = (cell for cell in sheet[3][:5])
    assert name.value == '=HYPERLINK("http://x")' and name.data_type == "s"
    assert period.value == "2026-Q3"
    assert value.value == -5.25 and value.data_type == "n"
    assert start.value == datetime(2026, 7, 1) and start.is_date
    assert sheet[2][3].value == "+ good" and sheet[2][3].data_type == "s"


def test_the_charter_downloads_as_one_json_document(member_client):
    client = member_client("viewer")
    charter = chinese_charter(client.membership.workspace, client.membership.user)

    response = client.get(f"/w/{charter.workspace.slug}/charters/{charter.pk}/data/charter.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "filename*=utf-8''" in response["Content-Disposition"]
    document = json.loads(response.content)
    assert document == portable.export_charter(charter)


def test_the_data_page_offers_imports_to_editors_only(charter_with_metrics):
    editor = charter_with_metrics("editor")
    page = editor.get(f"{editor.base}/data/")
    assert page.status_code == 200
    assert b"Import actuals" in page.content and b"Import a charter from JSON" in page.content

    viewer = charter_with_metrics("viewer")
    page = viewer.get(f"{viewer.base}/data/")
    assert page.status_code == 200
    assert b"Download CSV" in page.content and b"Import actuals" not in page.content


def test_the_overview_links_to_the_data_page(charter_client):
    client = charter_client("viewer")

    assert f'href="{client.base}/data/"'.encode() in client.get(f"{client.base}/").content


@pytest.mark.parametrize(
    "path", ["data/", "data/metrics.csv", "data/metrics.xlsx", "data/charter.json"]
)
def test_another_workspace_s_charter_data_is_a_404(member_client, path):
    client = member_client("owner")
    other = CharterFactory()

    response = client.get(f"/w/{client.membership.workspace.slug}/charters/{other.pk}/{path}")

    assert response.status_code == 404


def upload_charter(client, content: bytes, name="charter.json"):
    file = SimpleUploadedFile(name, content, content_type="application/json")
    return client.post(f"/w/{client.membership.workspace.slug}/charters/import/", {"file": file})


def exported_chinese_charter() -> bytes:
    owner = MembershipFactory(role=Role.OWNER)
    return portable.render(portable.export_charter(chinese_charter(owner.workspace, owner.user)))


def test_an_editor_imports_a_charter_file_as_a_new_charter(member_client):
    content = exported_chinese_charter()
    client = member_client("editor")

    response = upload_charter(client, content)

    charter = Charter.objects.get(workspace=client.membership.workspace)
    assert response.status_code == 302
    assert response.url == f"/w/{charter.workspace.slug}/charters/{charter.pk}/"
    assert (
        charter.title == "销售赋能章程 2027 财年" and charter.created_by == client.membership.user
    )
    page = client.get(response.url)
    shown = [str(message) for message in page.context["messages"]]
    assert "“销售赋能章程 2027 财年” was imported." in shown
    assert any(
        "are not members of this workspace" in message or "is not a member" in message
        for message in shown
    )
    assert AuditEvent.objects.filter(action="charter.imported", object_id=str(charter.pk)).exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "This is not valid JSON"),
        (bytes(range(256)) * 8, "is not UTF-8 text"),
        (b"", "The submitted file is empty."),
        (
            b'{"format": "charterboard.survey", "format_version": 1}',
            "not a Charterboard charter export",
        ),
        (
            b'{"format": "charterboard.charter", "format_version": 3}',
            "newer Charterboard (format version 3)",
        ),
        (b'{"format": "charterboard.charter", "format_version": 1}', "problems, listed below"),
    ],
)
def test_a_bad_charter_file_is_a_400_that_says_why_and_changes_nothing(
    member_client, content, message
):
    client = member_client("editor")
    before = row_counts()

    response = upload_charter(client, content)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert row_counts() == before


def test_the_problems_of_a_charter_file_are_listed_with_their_json_path(member_client):
    document = json.loads(exported_chinese_charter())
    document["parts"]["future-success"]["metrics"][0]["target"] = "high"
    del document["parts"]["scope"]["audiences"][0]["role"]
    client = member_client("editor")
    before = row_counts()

    response = upload_charter(client, json.dumps(document).encode())

    assert response.status_code == 400
    problems = {(p.path, p.message) for p in response.context["problems"]}
    assert ('$.parts["future-success"].metrics[0].target', "“high” is not a number.") in problems
    assert ("$.parts.scope.audiences[0].role", "is missing.") in problems
    assert "$.parts.scope.audiences[0].role" in response.content.decode()
    assert row_counts() == before


def test_a_charter_file_over_the_upload_limit_is_refused(member_client, settings):
    settings.UPLOAD_MAX_BYTES = 1000
    client = member_client("editor")

    response = upload_charter(client, exported_chinese_charter())

    assert response.status_code == 400
    assert "files up to 1000\xa0bytes can be imported" in response.content.decode()
    assert not Charter.objects.filter(workspace=client.membership.workspace).exists()


def test_a_viewer_cannot_import_a_charter(member_client):
    client = member_client("viewer")

    assert client.get(f"/w/{client.membership.workspace.slug}/charters/import/").status_code == 403
    assert upload_charter(client, exported_chinese_charter()).status_code == 403


def test_importing_into_a_workspace_one_is_not_a_member_of_is_a_404(member_client):
    client = member_client("owner")
    other = MembershipFactory(role=Role.OWNER).workspace

    response = client.post(f"/w/{other.slug}/charters/import/", {})

    assert response.status_code == 404


def test_the_overview_shows_an_overdue_actual_of_a_metric_without_owner(charter_client):
    client = charter_client("viewer")
    MetricFactory(charter=client.charter, name="Ownerless", owner=None)

    response = client.get(f"{client.base}/")

    assert response.status_code == 200
    assert b"Ownerless" in response.content


def test_metrics_workbook_with_control_characters_downloads_without_them(charter_client):
    client = charter_client("viewer")
    metric = MetricFactory(charter=client.charter, name="Win\x01 rate\x0b", unit="%")
    MetricActualFactory(metric=metric, period_start=date(2026, 7, 1), note="pasted\x1bnote\tok")

    response = client.get(f"{client.base}/data/metrics.xlsx")

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet[2][0].value == "Win rate"
    assert sheet[2][3].value == "pastednote\tok"
    csv_response = client.get(f"{client.base}/data/metrics.csv")
    assert "pasted\x1bnote" in csv_response.content.decode("utf-8-sig")


def test_a_charter_file_holding_a_nul_character_is_a_400_naming_its_path(member_client):
    document = json.loads(exported_chinese_charter())
    document["charter"]["title"] = "Charter\u0000FY27"
    client = member_client("editor")

    response = upload_charter(client, json.dumps(document).encode())

    assert response.status_code == 400
    body = response.content.decode()
    assert "$.charter.title" in body and "NUL character" in body
    assert not Charter.objects.filter(workspace=client.membership.workspace).exists()
