"""The core's resources: the token's workspace, its charters, versions, metrics, actuals and
objectives. Every object is fetched through ``charter.access`` with the token's workspace,
so another workspace's id is a 404 like an id that does not exist."""

from typing import Annotated

from django.db.models import Exists, OuterRef, Prefetch
from django.http import FileResponse, Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Path, Router, Status

from charter.access import get_in_workspace, scoped
from charter.actuals.importing import ActualTaken, check_actual, record_actual
from charter.documents.exports import filename
from charter.models import Charter, CharterVersion, Metric, MetricActual, Objective, PdfExport

from . import auth
from .errors import ApiError
from .ids import Id
from .schemas import (
    REFUSALS,
    ActualIn,
    ActualOut,
    ActualResult,
    CharterOut,
    Error,
    MetricOut,
    ObjectiveOut,
    VersionDetail,
    VersionOut,
    WorkspaceOut,
)

PeriodText = Annotated[
    str, Path(max_length=40, description="2026-Q3, 2026-07 or any date in the period.")
]

router = Router()


def _versions(request):
    rendered = PdfExport.objects.filter(
        version=OuterRef("pk"), kind=PdfExport.Kind.CHARTER, status=PdfExport.Status.DONE
    )
    return scoped(request, CharterVersion).annotate(pdf_ready=Exists(rendered))


def _metrics(request):
    return (
        scoped(request, Metric)
        .select_related("owner__profile")
        .prefetch_related(
            Prefetch("actuals", queryset=MetricActual.objects.select_related("metric"))
        )
    )


@router.get(
    "/workspace", response={200: WorkspaceOut, **REFUSALS}, auth=auth.READ, tags=["workspace"]
)
def workspace(request):
    """The workspace the token belongs to, and its owner's role there."""
    return {
        "slug": request.workspace.slug,
        "name": request.workspace.name,
        "language": request.workspace.language,
        "role": request.membership.role,
    }


@router.get(
    "/charters", response={200: list[CharterOut], **REFUSALS}, auth=auth.READ, tags=["charters"]
)
def charters(request):
    return scoped(request, Charter).order_by("period_start", "pk")


@router.get(
    "/charters/{charter_id}",
    response={200: CharterOut, **REFUSALS},
    auth=auth.READ,
    tags=["charters"],
)
def charter(request, charter_id: Id):
    return get_in_workspace(request, Charter, pk=charter_id)


@router.get(
    "/charters/{charter_id}/versions",
    response={200: list[VersionOut], **REFUSALS},
    auth=auth.READ,
    tags=["versions"],
)
def charter_versions(request, charter_id: Id):
    charter = get_in_workspace(request, Charter, pk=charter_id)
    return _versions(request).filter(charter=charter).order_by("number")


@router.get(
    "/versions/{version_id}",
    response={200: VersionDetail, **REFUSALS},
    auth=auth.READ,
    tags=["versions"],
)
def version(request, version_id: Id):
    """A published version with its frozen snapshot and the snapshot's SHA-256."""
    return get_in_workspace(request, _versions(request), pk=version_id)


@router.get(
    "/versions/{version_id}/pdf",
    response={200: None, **REFUSALS},
    auth=auth.READ,
    tags=["versions"],
    openapi_extra={
        "responses": {
            200: {
                "description": "The latest rendered PDF of the version.",
                "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    },
)
def version_pdf(request, version_id: Id):
    """The version's PDF, once rendered (request a render on the version's page)."""
    found = get_in_workspace(request, CharterVersion, pk=version_id)
    export = (
        found.exports.filter(kind=PdfExport.Kind.CHARTER, status=PdfExport.Status.DONE)
        .order_by("-finished_at", "-pk")
        .first()
    )
    if export is None:
        raise ApiError(404, _("No PDF of this version has been rendered yet."))
    try:
        handle = export.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return FileResponse(
        handle, as_attachment=True, filename=filename(export), content_type="application/pdf"
    )


@router.get(
    "/charters/{charter_id}/metrics",
    response={200: list[MetricOut], **REFUSALS},
    auth=auth.READ,
    tags=["metrics"],
)
def charter_metrics(request, charter_id: Id):
    charter = get_in_workspace(request, Charter, pk=charter_id)
    return _metrics(request).filter(charter=charter).order_by("position", "pk")


@router.get(
    "/metrics/{metric_id}", response={200: MetricOut, **REFUSALS}, auth=auth.READ, tags=["metrics"]
)
def metric(request, metric_id: Id):
    return get_in_workspace(request, _metrics(request), pk=metric_id)


@router.get(
    "/metrics/{metric_id}/actuals",
    response={200: list[ActualOut], **REFUSALS},
    auth=auth.READ,
    tags=["metrics"],
)
def metric_actuals(request, metric_id: Id):
    found = get_in_workspace(request, Metric, pk=metric_id)
    return found.actuals.select_related("metric").order_by("period_start")


@router.put(
    "/metrics/{metric_id}/actuals/{period}",
    response={200: ActualResult, 201: ActualResult, 409: Error, **REFUSALS},
    auth=auth.WRITE_ACTUALS,
    tags=["metrics"],
)
def put_actual(request, metric_id: Id, period: PeriodText, payload: ActualIn):
    """Report the metric's actual for one period, as the CSV import would.

    Sending the same figure again changes nothing (200, ``unchanged``). A period that
    already has another figure is never overwritten silently: 409, unless ``replace`` is true.
    """
    found = get_in_workspace(
        request, Metric.objects.select_related("charter__workspace"), pk=metric_id
    )
    values = {"period": period, "value": str(payload.value), "note": payload.note}
    parsed, errors = check_actual(found, values, timezone.localdate())
    if errors:
        raise ApiError(422, " ".join(errors))
    try:
        outcome = record_actual(
            parsed, request.user, replace=payload.replace, source=MetricActual.Source.API
        )
    except ActualTaken as taken:
        raise ApiError(409, str(taken)) from None
    stored = MetricActual.objects.select_related("metric").get(
        metric=found, period_start=parsed.period_start
    )
    return Status(201 if outcome == "created" else 200, {"outcome": outcome, "actual": stored})


@router.get(
    "/charters/{charter_id}/objectives",
    response={200: list[ObjectiveOut], **REFUSALS},
    auth=auth.READ,
    tags=["objectives"],
)
def charter_objectives(request, charter_id: Id):
    charter = get_in_workspace(request, Charter, pk=charter_id)
    return (
        scoped(request, Objective)
        .filter(charter=charter)
        .select_related("owner__profile")
        .prefetch_related("metrics")
        .order_by("position", "pk")
    )
