"""Files on an S3-compatible bucket (moto in server mode, over real HTTP): the render task
stores the PDF there, the download checks access and redirects to a short-lived presigned
URL named like the local download, and CSV imports keep their pending file there too."""

import hashlib
import urllib.parse
import urllib.request
from datetime import date

import pytest

from charter.models import MetricActual, MetricImport
from tests.charter.pdf_factories import export_now
from tests.charter.test_actuals_import import GOOD, confirm, upload
from tests.charter.test_actuals_import import editor as editor  # noqa: PLC0414  the fixture
from tests.charter.test_pdf_views import version as version  # noqa: PLC0414  the fixture
from tests.charter.test_pdf_views import viewer as viewer  # noqa: PLC0414  the fixture

pytestmark = pytest.mark.django_db


def download_url(export) -> str:
    return f"/w/{export.version.charter.workspace.slug}/exports/{export.pk}/download/"


def stored_keys(s3_server, bucket: str) -> list[str]:
    listing = s3_server.client().list_objects_v2(Bucket=bucket)
    return [item["Key"] for item in listing.get("Contents", [])]


def test_a_rendered_pdf_is_stored_in_the_bucket_and_downloads_through_a_presigned_url(
    s3_server, s3_bucket, viewer, version, django_capture_on_commit_callbacks
):
    export = export_now(django_capture_on_commit_callbacks, version)

    assert export.status == "done"
    assert stored_keys(s3_server, s3_bucket) == [export.file.name]
    response = viewer.get(download_url(export))

    assert response.status_code == 302
    assert response["Cache-Control"] == "private, no-store"
    location = response["Location"]
    assert location.startswith(f"{s3_server.endpoint_url}/")
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(location).query)
    assert query["X-Amz-Expires"] == ["60"]
    with urllib.request.urlopen(location, timeout=10) as fetched:  # noqa: S310  loopback
        data = fetched.read()
        disposition = fetched.headers["Content-Disposition"]
        content_type = fetched.headers["Content-Type"]
    assert hashlib.sha256(data).hexdigest() == export.sha256
    assert data.startswith(b"%PDF-")
    assert disposition == 'attachment; filename="acme-charter-charter-v1-2026-q4-draft.pdf"'
    assert content_type == "application/pdf"


def test_an_outsider_gets_no_presigned_url(
    s3_bucket, member_client, version, django_capture_on_commit_callbacks
):
    export = export_now(django_capture_on_commit_callbacks, version)
    outsider = member_client("owner")

    response = outsider.get(download_url(export))

    assert response.status_code == 404
    assert "Location" not in response


def test_a_file_missing_from_the_bucket_is_a_404_not_a_broken_link(
    s3_server, s3_bucket, viewer, version, django_capture_on_commit_callbacks
):
    export = export_now(django_capture_on_commit_callbacks, version)
    s3_server.client().delete_object(Bucket=s3_bucket, Key=export.file.name)

    assert viewer.get(download_url(export)).status_code == 404


def test_a_csv_import_keeps_its_pending_file_in_the_bucket_until_confirmed(
    s3_server, s3_bucket, editor, django_capture_on_commit_callbacks
):
    upload(editor, GOOD.encode())
    metric_import = MetricImport.objects.get()
    assert stored_keys(s3_server, s3_bucket) == [metric_import.file.name]

    with django_capture_on_commit_callbacks(execute=True):
        response = confirm(editor, metric_import)

    assert response.status_code == 302
    assert MetricActual.objects.filter(period_start=date(2026, 7, 1)).count() == 2
    assert stored_keys(s3_server, s3_bucket) == []  # deleted once imported
