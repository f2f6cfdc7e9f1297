"""Data that moves: metrics and actuals as CSV or Excel, the whole charter as JSON, actuals
imported from CSV (upload, preview with column mapping, confirm), charters imported from JSON."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from charter import csvimport, portable, uploads
from charter.access import get_in_workspace, workspace_view
from charter.actuals import importing as metric_io
from charter.documents import restore
from charter.models import Charter, MetricActual, MetricImport
from charter.registry import registry
from charter.spreadsheets import download, table_download
from charter.versions.publishing import PORTABLE_KEY


def _charter(request, charter_pk) -> Charter:
    return get_in_workspace(request, Charter, pk=charter_pk)


@workspace_view()
def data_page(request, charter_pk):
    charter = _charter(request, charter_pk)
    context = {
        "charter": charter,
        "sections": registry.all(),
        # Not a section: no entry of the section navigation is the current page.
        "section": {"key": "data"},
        "metric_count": charter.metrics.count(),
        "actual_count": MetricActual.objects.filter(metric__charter=charter).count(),
        "imports": charter.metric_imports.select_related("created_by__profile")[:5],
        "can_edit": request.membership.can("edit"),
    }
    return render(request, "charter/charters/data/page.html", context)


@workspace_view()
def metrics_export(request, charter_pk, file_format):
    charter = _charter(request, charter_pk)
    rows = metric_io.export_rows(charter)
    name = metric_io.export_name(charter)
    return table_download(file_format, name, metric_io.SHEET_TITLE, metric_io.COLUMNS, rows)


@workspace_view()
def charter_export(request, charter_pk):
    charter = _charter(request, charter_pk)
    document = portable.render(portable.export_charter(charter))
    return download(document, portable.file_name(charter), "application/json")


def _restore_page(request, restore_form, problems=(), status=400):
    """The import page with the PDF form's answer: what is wrong with the file."""
    context = {
        "form": portable.UploadForm(),
        "problems": [],
        "restore_form": restore_form,
        "restore_problems": list(problems),
    }
    return render(request, "charter/charters/data/charter_import.html", context, status=status)


@workspace_view("edit")
def charter_import(request):
    form = portable.UploadForm(request.POST or None, request.FILES or None)
    context = {"form": form, "problems": [], "restore_form": restore.RestoreForm()}
    if request.method != "POST":
        return render(request, "charter/charters/data/charter_import.html", context)
    if not form.is_valid():
        context["problems"] = form.problems
        return render(request, "charter/charters/data/charter_import.html", context, status=400)
    try:
        result = portable.import_charter(request.workspace, form.document, request.user)
    except portable.InvalidDocument as invalid:
        context["problems"] = invalid.problems
        return render(request, "charter/charters/data/charter_import.html", context, status=400)
    messages.success(request, _("“%(title)s” was imported.") % {"title": result.charter.title})
    for note in _import_notes(result):
        messages.info(request, note)
    return redirect("charter:charter", request.workspace.slug, result.charter.pk)


@workspace_view("edit")
@require_POST
def charter_restore(request):
    """A new charter from the snapshot a Charterboard PDF embeds, through the JSON import."""
    form = restore.RestoreForm(request.POST, request.FILES)
    if not form.is_valid():
        return _restore_page(request, form)
    data = form.data_bytes()
    try:
        embedded = restore.embedded_snapshot(data)
    except restore.Unrestorable as refusal:
        form.add_error("pdf", str(refusal))
        return _restore_page(request, form)
    found = restore.what_was_found(request.user, data, embedded)
    try:
        result = portable.import_charter(
            request.workspace, embedded.snapshot[PORTABLE_KEY], request.user
        )
    except portable.InvalidDocument as invalid:
        form.add_error(
            "pdf", _("The charter in this PDF cannot be imported: its problems are listed below.")
        )
        return _restore_page(request, form, invalid.problems)
    messages.success(
        request,
        _("A new charter was restored from the PDF: %(found)s") % {"found": found},
    )
    for note in _import_notes(result):
        messages.info(request, note)
    return redirect("charter:charter", request.workspace.slug, result.charter.pk)


def _import_notes(result: portable.ImportResult) -> list[str]:
    notes = list(result.notes)
    if result.unmatched_people:
        notes.append(
            ngettext(
                "%(people)s is not a member of this workspace, so what they owned has no owner.",
                "%(people)s are not members of this workspace, so what they owned has no owner.",
                len(result.unmatched_people),
            )
            % {"people": ", ".join(result.unmatched_people)}
        )
    return notes


@workspace_view("edit")
def actuals_upload(request, charter_pk):
    charter = _charter(request, charter_pk)
    form = csvimport.UploadForm(request.POST or None, request.FILES or None)
    context = {"charter": charter, "form": form}
    if request.method != "POST":
        return render(request, "charter/actuals/upload.html", context)
    if not form.is_valid():
        return render(request, "charter/actuals/upload.html", context, status=400)
    metric_import = metric_io.start(charter, form, request.user)
    return redirect(metric_import.get_absolute_url())


def _metric_import(request, metricimport_pk) -> MetricImport:
    return get_in_workspace(
        request, MetricImport.objects.select_related("charter__workspace"), pk=metricimport_pk
    )


def _mapping_form(metric_import: MetricImport, data=None) -> metric_io.MappingForm:
    return metric_io.MappingForm(
        data,
        header=csvimport.Layout.from_json(metric_import.layout).header,
        initial={**metric_import.mapping, "update_existing": metric_import.update_existing},
    )


def _preview(request, metric_import: MetricImport, data=None, status=200):
    """The mapping (as submitted, else as stored) and what importing with it would do."""
    form = _mapping_form(metric_import, data)
    context = {
        "charter": metric_import.charter,
        "metric_import": metric_import,
        "layout": csvimport.Layout.from_json(metric_import.layout),
        "form": form,
        "can_edit": request.membership.can("edit"),
    }
    template = "charter/actuals/form.html" if request.htmx else "charter/actuals/import.html"
    if data is not None and not form.is_valid():
        return render(request, template, context, status=400)
    if metric_import.is_pending:
        mapping = form.mapping if data is not None else metric_import.mapping
        update = (
            form.cleaned_data["update_existing"]
            if data is not None
            else metric_import.update_existing
        )
        context["report"] = report = metric_io.analyse(metric_import, mapping, update)
        context["columns"] = columns = [
            t for t in metric_io.TARGETS if mapping.get(t.key) is not None
        ]
        for row in report.sample:
            row.shown = [row.values[target.key] for target in columns]
    return render(request, template, context, status=status)


@workspace_view()
def actuals_import(request, metricimport_pk):
    metric_import = _metric_import(request, metricimport_pk)
    # POST only re-checks the file with the submitted mapping; the import is confirmed apart.
    data = request.POST if request.method == "POST" else None
    return _preview(request, metric_import, data=data)


@workspace_view("edit")
@require_POST
def actuals_import_confirm(request, metricimport_pk):
    metric_import = _metric_import(request, metricimport_pk)
    form = _mapping_form(metric_import, request.POST)
    return uploads.confirm_response(
        request,
        metric_import,
        form,
        confirm=lambda: metric_io.confirm(
            metric_import, form.mapping, form.cleaned_data["update_existing"], request.user
        ),
        invalid=lambda: _preview(request, metric_import, data=request.POST, status=400),
        done_message=_(
            "Actuals imported: %(new)s new, %(updates)s replaced. Left out: %(invalid)s with "
            "errors, %(already_imported)s already there."
        ),
    )


@workspace_view("edit")
@require_POST
def actuals_import_cancel(request, metricimport_pk):
    metric_import = _metric_import(request, metricimport_pk)
    data_page = reverse("charter:data", args=[request.workspace.slug, metric_import.charter_id])
    return uploads.cancel_response(request, metric_import, data_page)
