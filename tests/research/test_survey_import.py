"""Importing survey responses from CSV: preview, column mapping, bad rows by line number,
nothing imported twice, and a clear 400 for every kind of bad file."""

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from research.models import SurveyImport, SurveyResponse
from tests.research.factories import survey_with_questions

pytestmark = pytest.mark.django_db

GOOD = (
    "Role,Region,Findability,First place,Wish\n"
    "Account executive,EMEA,2,Shared drive,One place for decks\n"
    "SDR,APAC,seven,CRM,\n"
    "Account executive,North America,4,chat,More role-plays\n"
)


@pytest.fixture
def editor(member_client):
    return member_client("editor")


@pytest.fixture
def survey(editor):
    from tests.factories import CharterFactory

    charter = CharterFactory(workspace=editor.membership.workspace)
    return survey_with_questions(charter)


def upload(client, survey, data: bytes, name="responses.csv"):
    url = reverse("research:import-upload", args=[survey.charter.workspace.slug, survey.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, data, content_type="text/csv")})


def confirm(client, survey_import, data=None):
    url = reverse(
        "research:import-confirm",
        args=[survey_import.survey.charter.workspace.slug, survey_import.pk],
    )
    if data is None:
        data = {
            f"map-{key}": "" if column is None else str(column)
            for key, column in survey_import.mapping.items()
        }
    return client.post(url, data)


def test_upload_keeps_the_file_and_previews_the_suggested_mapping_without_importing(editor, survey):
    survey, scale, choice, text = survey

    response = upload(editor, survey, GOOD.encode())

    survey_import = SurveyImport.objects.get()
    assert response.status_code == 302
    assert response.url == survey_import.get_absolute_url()
    assert survey_import.is_pending and survey_import.file
    assert survey_import.mapping == {
        "role": 0,
        "region": 1,
        "respondent": None,
        "submitted_on": None,
        f"q{scale.pk}": 2,
        f"q{choice.pk}": 3,
        f"q{text.pk}": 4,
    }
    preview = editor.get(response.url)
    assert preview.status_code == 200
    assert preview.context["report"].importable == 2
    assert preview.context["report"].errors == [
        {"line": 3, "messages": ["“Findability” must be a whole number from 1 to 5, not “seven”."]}
    ]
    assert b"Import 2 responses" in preview.content
    assert SurveyResponse.objects.count() == 0


def test_confirm_imports_the_good_rows_and_reports_the_bad_row_by_line(editor, survey):
    survey, scale, choice, text = survey
    upload(editor, survey, GOOD.encode())
    survey_import = SurveyImport.objects.get()

    response = confirm(editor, survey_import)

    survey_import.refresh_from_db()
    assert response.status_code == 302
    assert survey_import.status == SurveyImport.Status.DONE
    assert survey_import.report["imported"] == 2
    assert survey_import.report["errors"][0]["line"] == 3
    answers = sorted(
        SurveyResponse.objects.values_list("region", "answers"), key=lambda item: item[0]
    )
    assert answers == [
        (
            "EMEA",
            {str(scale.pk): 2, str(choice.pk): "Shared drive", str(text.pk): "One place for decks"},
        ),
        (
            "North America",
            {str(scale.pk): 4, str(choice.pk): "Chat", str(text.pk): "More role-plays"},
        ),
    ]
    report = editor.get(survey_import.get_absolute_url())
    assert b"Line 3:" in report.content


def test_importing_the_same_file_twice_adds_nothing(editor, survey):
    survey = survey[0]
    upload(editor, survey, GOOD.encode())
    confirm(editor, SurveyImport.objects.get())

    upload(editor, survey, GOOD.encode(), name="again.csv")
    second = SurveyImport.objects.get(original_name="again.csv")
    preview = editor.get(second.get_absolute_url())
    confirm(editor, second)

    second.refresh_from_db()
    assert b"This exact file was already imported" in preview.content
    assert preview.context["report"].already_imported == 2
    assert second.report["imported"] == 0
    assert SurveyResponse.objects.count() == 2


def test_a_longer_export_of_the_same_survey_adds_only_the_new_rows(editor, survey):
    survey = survey[0]
    upload(editor, survey, GOOD.encode())
    confirm(editor, SurveyImport.objects.get())

    upload(editor, survey, (GOOD + "SDR,EMEA,5,CRM,\n").encode(), name="later.csv")
    later = SurveyImport.objects.get(original_name="later.csv")
    confirm(editor, later)

    later.refresh_from_db()
    assert later.report["imported"] == 1
    assert SurveyResponse.objects.count() == 3


def test_confirming_twice_imports_once(editor, survey):
    upload(editor, survey[0], GOOD.encode())
    survey_import = SurveyImport.objects.get()

    confirm(editor, survey_import)
    second = confirm(editor, survey_import)

    assert second.status_code == 302
    assert SurveyResponse.objects.count() == 2


def test_the_upload_is_deleted_once_imported(editor, survey, django_capture_on_commit_callbacks):
    upload(editor, survey[0], GOOD.encode())
    survey_import = SurveyImport.objects.get()
    name = survey_import.file.name
    storage = survey_import.file.storage

    with django_capture_on_commit_callbacks(execute=True):
        confirm(editor, survey_import)

    survey_import.refresh_from_db()
    assert not survey_import.file
    assert not storage.exists(name)


def test_cancel_deletes_the_pending_import_and_its_file(editor, survey):
    upload(editor, survey[0], GOOD.encode())
    survey_import = SurveyImport.objects.get()
    name, storage = survey_import.file.name, survey_import.file.storage
    url = reverse(
        "research:import-cancel", args=[survey[0].charter.workspace.slug, survey_import.pk]
    )

    response = editor.post(url)

    assert response.status_code == 302
    assert not SurveyImport.objects.exists()
    assert not storage.exists(name)


def test_a_wrong_mapping_answers_400_and_keeps_the_upload_for_another_try(editor, survey):
    survey, scale, choice, text = survey
    upload(editor, survey, GOOD.encode())
    survey_import = SurveyImport.objects.get()

    response = confirm(
        editor, survey_import, {"map-role": "0", f"map-q{scale.pk}": "0", f"map-q{choice.pk}": "3"}
    )

    assert response.status_code == 400
    assert "already mapped to “Role”" in response.content.decode()
    survey_import.refresh_from_db()
    assert survey_import.is_pending and survey_import.file
    assert SurveyResponse.objects.count() == 0


def test_changing_the_mapping_updates_the_preview_without_importing(editor, survey):
    survey, scale, choice, text = survey
    upload(editor, survey, GOOD.encode())
    survey_import = SurveyImport.objects.get()

    # Only the free-text column mapped: every row is fine.
    response = editor.post(
        survey_import.get_absolute_url(),
        {"map-role": "0", f"map-q{text.pk}": "4"},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    assert response.context["report"].importable == 2  # the SDR row answers nothing mapped
    assert b"<html" not in response.content
    assert SurveyResponse.objects.count() == 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (os.urandom(30_000), "not a text file"),
        (b"", "The submitted file is empty."),
        (b"Role,Region,Findability\n", "no rows of data"),
        (b"PK\x03\x04" + os.urandom(2000), "Excel workbook"),
        (b"Role,Region\n\x81\x8d\x8f,EMEA\n", "neither UTF-8 nor Windows-1252"),
    ],
    ids=["random bytes", "empty", "header only", "excel workbook", "undecodable"],
)
def test_a_bad_file_gets_a_clear_400_and_nothing_is_kept(editor, survey, data, message):
    response = upload(editor, survey[0], data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SurveyImport.objects.exists()


def test_a_file_over_the_limit_gets_a_clear_400(editor, survey, settings):
    settings.UPLOAD_MAX_BYTES = 1024

    response = upload(editor, survey[0], GOOD.encode() * 20)

    assert response.status_code == 400
    assert "files up to 1.0" in response.content.decode()
    assert not SurveyImport.objects.exists()


def test_a_50_mb_upload_gets_a_clear_400_and_nothing_is_stored(editor, survey):
    data = b"Role,Region,Findability\n" + b"Account executive,EMEA,4\n" * 2_100_000

    response = upload(editor, survey[0], data)

    assert response.status_code == 400
    assert "files up to 20.0" in response.content.decode()
    assert not SurveyImport.objects.exists()


@pytest.mark.parametrize(
    ("data", "region"),
    [
        ("\ufeffRole;Region;Findability\nSDR;Île-de-France;3\n".encode(), "Île-de-France"),
        ("Role,Region,Findability\nSDR,Île-de-France,3\n".encode("cp1252"), "Île-de-France"),
        ("Role\tRegion\tFindability\nSDR\tSüd\t3\n".encode("utf-16"), "Süd"),
    ],
    ids=["BOM and semicolons", "Windows-1252", "UTF-16 with tabs"],
)
def test_exports_from_spreadsheets_import_with_their_accents(editor, survey, data, region):
    upload(editor, survey[0], data)
    survey_import = SurveyImport.objects.get()

    confirm(editor, survey_import)

    assert list(SurveyResponse.objects.values_list("role", "region")) == [("SDR", region)]


def test_10000_rows_are_all_previewed_and_imported(editor, survey):
    rows = "".join(f"Account executive,EMEA,{n % 5 + 1},CRM,\n" for n in range(10_000))
    upload(editor, survey[0], ("Role,Region,Findability,First place,Wish\n" + rows).encode())
    survey_import = SurveyImport.objects.get()

    preview = editor.get(survey_import.get_absolute_url())
    confirm(editor, survey_import)

    assert preview.context["report"].importable == 10_000
    assert SurveyResponse.objects.count() == 10_000


def test_viewers_cannot_import_and_contributors_can(member_client, survey):
    survey = survey[0]
    workspace = survey.charter.workspace

    viewer = member_client("viewer", workspace=workspace)
    assert upload(viewer, survey, GOOD.encode()).status_code == 403

    contributor = member_client("contributor", workspace=workspace)
    assert upload(contributor, survey, GOOD.encode()).status_code == 302
