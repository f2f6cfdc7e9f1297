"""Survey responses from a CSV file: upload, preview with column mapping, confirm."""

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from charter import csvimport, uploads
from charter.access import get_in_workspace, workspace_view

from ..models import SurveyImport
from . import importing
from .views import get_survey


@workspace_view("research")
def import_upload(request, survey_pk):
    survey = get_survey(request, survey_pk)
    form = csvimport.UploadForm(request.POST or None, request.FILES or None)
    context = {"charter": survey.charter, "survey": survey, "form": form, "tab": "surveys"}
    if request.method != "POST":
        return render(request, "research/surveys/import_upload.html", context)
    if not form.is_valid():
        return render(request, "research/surveys/import_upload.html", context, status=400)
    survey_import = importing.start(survey, form, request.user)
    return redirect(survey_import.get_absolute_url())


def _import(request, surveyimport_pk) -> SurveyImport:
    return get_in_workspace(
        request,
        SurveyImport.objects.select_related("survey__charter__workspace"),
        pk=surveyimport_pk,
    )


def _mapping_form(survey_import: SurveyImport, data=None) -> csvimport.MappingForm:
    questions = list(survey_import.survey.questions.all())
    return csvimport.MappingForm(
        data,
        header=csvimport.Layout.from_json(survey_import.layout).header,
        targets=importing.targets(questions),
        initial=survey_import.mapping,
    )


def _preview(request, survey_import: SurveyImport, data=None, status=200):
    """The mapping (as submitted, else as stored) and what importing with it would do."""
    form = _mapping_form(survey_import, data)
    context = {
        "charter": survey_import.survey.charter,
        "survey": survey_import.survey,
        "survey_import": survey_import,
        "layout": csvimport.Layout.from_json(survey_import.layout),
        "form": form,
        "earlier": importing.earlier_import_of_same_file(survey_import),
        "tab": "surveys",
    }
    template = (
        "research/surveys/partials/import_form.html"
        if request.htmx
        else "research/surveys/import_detail.html"
    )
    if data is not None and not form.is_valid():
        return render(request, template, context, status=400)
    if survey_import.is_pending:
        mapping = form.mapping if data is not None else survey_import.mapping
        context["report"] = report = importing.analyse(survey_import, mapping)
        context["columns"] = columns = [t for t in form.targets if mapping.get(t.key) is not None]
        for row in report.sample:
            row.shown = [row.values[target.key] for target in columns]
    return render(request, template, context, status=status)


@workspace_view()
def import_detail(request, surveyimport_pk):
    survey_import = _import(request, surveyimport_pk)
    # POST only re-checks the file with the submitted mapping; the import is confirmed apart.
    return _preview(request, survey_import, data=request.POST if request.method == "POST" else None)


@workspace_view("research")
@require_POST
def import_confirm(request, surveyimport_pk):
    survey_import = _import(request, surveyimport_pk)
    form = _mapping_form(survey_import, request.POST)
    return uploads.confirm_response(
        request,
        survey_import,
        form,
        confirm=lambda: importing.confirm(survey_import, form.mapping, request.user),
        invalid=lambda: _preview(request, survey_import, data=request.POST, status=400),
        done_message=_(
            "Imported %(imported)s response(s). Left out: %(invalid)s row(s) with errors, "
            "%(already_imported)s row(s) imported before."
        ),
    )


@workspace_view("research")
@require_POST
def import_cancel(request, surveyimport_pk):
    survey_import = _import(request, surveyimport_pk)
    return uploads.cancel_response(request, survey_import, survey_import.survey.get_absolute_url())
