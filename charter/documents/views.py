"""PDF exports of a version: request one, watch its status, download it, retry a failure."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from charter import errors
from charter.access import get_in_workspace, workspace_view
from charter.documents import limits
from charter.documents.exports import document_offers, filename
from charter.documents.forms import ExportRequestForm
from charter.documents.requests import request_export, requeue_stopped, retry_export
from charter.downloads import stored_file_response
from charter.models import CharterVersion, PdfExport
from charter.registry import announce_opened
from charter.throttle import too_many_requests


def _get_export(request, pdfexport_pk, **lookup) -> PdfExport:
    queryset = PdfExport.objects.select_related("version__charter")
    return get_in_workspace(request, queryset, pk=pdfexport_pk, **lookup)


def _refused(request, refusal: limits.RenderRefused, slot: str):
    """The refusal, in the place on the version page of the export it would have made."""
    partial = "charter/documents/refused.html"
    return too_many_requests(request, str(refusal), refusal.wait, partial, slot=slot)


def _status(request, export: PdfExport, status: int = 200, error: str = ""):
    """The export's status block for htmx (polled until it is finished), else its page."""
    template = "charter/documents/status.html" if request.htmx else "charter/documents/detail.html"
    return render(request, template, {"export": export, "error": error}, status=status)


@workspace_view()
@require_POST
def export_create(request, charterversion_pk):
    version = get_in_workspace(request, CharterVersion, pk=charterversion_pk)
    form = ExportRequestForm(
        request.POST, version=version, for_editor=request.membership.can("edit")
    )
    if not form.is_valid():
        return render(request, "charter/documents/invalid.html", {"form": form}, status=400)
    kind, params = form.cleaned_data["kind"], form.params()
    if not limits.parameters_belong(version, kind, params):
        raise Http404("No such meeting.")
    try:
        limits.admit_request(version, kind, params, request.user)
    except limits.RenderRefused as refusal:
        return _refused(request, refusal, PdfExport(kind=kind, params=params).slot)
    export = request_export(version, kind, request.user, params)
    if request.htmx:
        return _status(request, export)
    return redirect("charter:export", request.workspace.slug, export.pk)


@workspace_view()
def export_detail(request, pdfexport_pk):
    """The export's status; a render whose worker stopped is queued again on sight."""
    export = _get_export(request, pdfexport_pk)
    if export.is_stale:
        export = requeue_stopped(export)
    return _status(request, export)


@workspace_view()
def export_download(request, pdfexport_pk):
    export = _get_export(request, pdfexport_pk, status=PdfExport.Status.DONE)
    response = stored_file_response(export.file, filename(export), "application/pdf")
    announce_opened(request, export.kind, export.version, export.params)
    return response


@workspace_view()
@require_POST
def export_retry(request, pdfexport_pk):
    export = _get_export(request, pdfexport_pk)
    try:
        limits.admit_retry(export, request.user)
    except limits.RenderRefused as refusal:
        return _refused(request, refusal, export.slot)
    try:
        export = retry_export(export, request.user)
    except errors.DomainError as error:
        return _status(request, export, status=409, error=str(error))
    if request.htmx:
        return _status(request, export)
    return redirect("charter:export", request.workspace.slug, export.pk)


def export_panel(request, version: CharterVersion) -> dict:
    """The version page's PDF block: per kind, the export of the version's current state.

    Once a version is approved its approved document is the one offered; the draft made
    before approval is only a secondary link, named as such. Editors also get their copy of
    a draft with the open points.
    """
    return {"kinds": document_offers(version, for_editor=request.membership.can("edit"))}
