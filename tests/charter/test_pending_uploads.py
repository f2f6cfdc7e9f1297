"""Pending uploads (charter/models/uploads.py, charter/uploads.py): the one base of the actuals
import and the survey responses import, kept between preview and confirmation."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models.signals import post_delete
from django.urls import reverse

from charter import csvimport
from charter.models import Charter, Comment, MetricActual, MetricImport, PendingUpload
from research.models import Survey, SurveyImport, SurveyResponse
from tests.factories import CharterFactory
from tests.research.factories import SurveyFactory

pytestmark = pytest.mark.django_db

CSV = b"Metric,Period,Value\nWin rate,2026-Q3,21.5\n"


def accepted_upload(data: bytes = CSV) -> csvimport.UploadForm:
    form = csvimport.UploadForm({}, {"file": SimpleUploadedFile("actuals.csv", data)})
    assert form.is_valid(), form.errors
    return form


def metric_import(charter=None) -> MetricImport:
    return MetricImport.keep(accepted_upload(), None, charter=charter or CharterFactory())


def test_keeping_an_upload_stores_the_file_and_what_the_inspection_found():
    upload = metric_import()

    assert upload.is_pending and upload.file.storage.exists(upload.file.name)
    assert upload.file.name.startswith(f"charter/imports/{date.today():%Y/%m}/")
    assert (upload.original_name, upload.size) == ("actuals.csv", len(CSV))
    assert upload.layout["header"] == ["Metric", "Period", "Value"]
    assert len(upload.sha256) == 64


def test_confirming_twice_runs_the_import_once_and_keeps_its_report(
    django_capture_on_commit_callbacks,
):
    upload = metric_import()
    name, storage = upload.file.name, upload.file.storage
    runs = []

    def apply(pending):
        runs.append(pending.pk)
        return {"new": 1}

    with django_capture_on_commit_callbacks(execute=True):
        first = upload.confirm(apply)
    second = upload.confirm(apply)

    assert runs == [upload.pk]
    assert first.status == second.status == PendingUpload.Status.DONE
    assert second.report == {"new": 1} and second.completed_at is not None
    assert not storage.exists(name)


def test_a_failing_import_leaves_the_upload_pending_with_its_file():
    upload = metric_import()

    def apply(pending):
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        upload.confirm(apply)

    upload.refresh_from_db()
    assert upload.is_pending and upload.file.storage.exists(upload.file.name)


def test_cancelling_forgets_a_pending_upload_but_never_a_finished_one():
    pending, finished = metric_import(), metric_import()
    finished = finished.confirm(lambda upload: {"new": 0})

    pending.cancel()
    finished.cancel()

    assert list(MetricImport.objects.all()) == [finished]


@pytest.mark.parametrize("model", [MetricImport, SurveyImport])
def test_deleting_what_an_upload_belongs_to_deletes_its_file(model):
    charter = CharterFactory()
    if model is SurveyImport:
        survey = SurveyFactory(charter=charter)
        upload = SurveyImport.keep(accepted_upload(), None, survey=survey)
        parent = Survey.objects.get(pk=survey.pk)
    else:
        upload = MetricImport.keep(accepted_upload(), None, charter=charter)
        parent = Charter.objects.get(pk=charter.pk)
    name, storage = upload.file.name, upload.file.storage

    parent.delete()

    assert not model.objects.exists()
    assert not storage.exists(name)


def test_only_pending_upload_models_listen_for_deletes_so_other_deletes_stay_fast():
    # A post_delete receiver for every sender would make Django load each row it cascades to.
    assert post_delete.has_listeners(MetricImport) and post_delete.has_listeners(SurveyImport)
    for model in (Comment, Charter, MetricActual, SurveyResponse):
        assert not post_delete.has_listeners(model), model


def test_another_workspace_cannot_cancel_an_import(editor_client, member_client):
    upload = metric_import(CharterFactory(workspace=editor_client.membership.workspace))
    stranger = member_client("owner")
    slug = stranger.membership.workspace.slug

    response = stranger.post(reverse("charter:actuals-import-cancel", args=[slug, upload.pk]))

    assert response.status_code == 404
    assert MetricImport.objects.get().is_pending


def test_confirming_a_finished_import_shows_its_report_and_imports_nothing(editor_client):
    upload = metric_import(CharterFactory(workspace=editor_client.membership.workspace))
    upload = upload.confirm(lambda pending: {"new": 0})
    slug = editor_client.membership.workspace.slug

    response = editor_client.post(reverse("charter:actuals-import-confirm", args=[slug, upload.pk]))

    assert response.status_code == 302 and response.url == upload.get_absolute_url()
    assert MetricImport.objects.get().report == {"new": 0}


@pytest.fixture
def editor_client(member_client):
    return member_client("editor")
