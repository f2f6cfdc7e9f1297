"""Ceilings on what documents cost the server: PDF renders queued and PDFs checked.

Every member who can read a version may take its PDF (executives read charters as
viewers), so renders are bounded by what they cost instead of by role: a PDF that already
exists for the same content is handed out without a render and counts for nothing; a new
render is refused while the charter already has a few in flight, and past a ceiling per
person per hour.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from charter.documents.exports import content_key
from charter.errors import DomainError
from charter.models import CharterVersion, PdfExport
from charter.registry import export_parameter
from charter.throttle import Ceiling

IN_FLIGHT_PER_CHARTER = 3
IN_FLIGHT_WAIT_SECONDS = 30
RENDERS_PER_USER = Ceiling("pdf-renders-user", limit=20, seconds=60 * 60)
VERIFY_CHECKS_PER_USER = Ceiling("pdf-verify-user", limit=30, seconds=10 * 60)


class RenderRefused(DomainError):
    def __init__(self, message: str, wait: int):
        super().__init__(message)
        self.wait = wait


def parameters_belong(version: CharterVersion, kind: str, params: dict) -> bool:
    """Whether every parameter is one an app registered and names its version's rows."""
    for key, value in params.items():
        parameter = export_parameter(kind, key)
        if parameter is None or not parameter.belongs(version, value):
            return False
    return True


def _in_flight(version: CharterVersion) -> int:
    # A render running past the hard time limit has lost its worker: it is not in flight.
    alive_since = timezone.now() - timedelta(seconds=settings.PDF_TASK_TIME_LIMIT)
    return PdfExport.objects.filter(
        Q(status=PdfExport.Status.QUEUED)
        | Q(status=PdfExport.Status.RUNNING, started_at__gte=alive_since),
        version__charter_id=version.charter_id,
    ).count()


def _admit(version: CharterVersion, user) -> None:
    in_flight = _in_flight(version)
    if in_flight >= IN_FLIGHT_PER_CHARTER:
        raise RenderRefused(
            ngettext(
                "%(count)s PDF of this charter is being made. Wait until it is ready.",
                "%(count)s PDFs of this charter are being made. Wait until one is ready.",
                in_flight,
            )
            % {"count": in_flight},
            IN_FLIGHT_WAIT_SECONDS,
        )
    if not RENDERS_PER_USER.take(str(user.pk)):
        raise RenderRefused(
            _("You asked for many PDFs in the last hour."), RENDERS_PER_USER.seconds_left()
        )


def admit_request(version: CharterVersion, kind: str, params: dict, user) -> None:
    """Raise ``RenderRefused`` when this request would queue a render that is over a limit."""
    existing = PdfExport.objects.filter(
        version=version, kind=kind, content_key=content_key(version, kind, params)
    ).first()
    if existing is None or existing.can_retry:
        _admit(version, user)


def admit_retry(export: PdfExport, user) -> None:
    if export.can_retry:
        _admit(export.version, user)


def verify_refusal(user) -> tuple[str, int] | None:
    """Count one check (a hash or an upload to hash); why it is refused, if it is."""
    if VERIFY_CHECKS_PER_USER.take(str(user.pk)):
        return None
    return _("You checked many documents in a short time."), VERIFY_CHECKS_PER_USER.seconds_left()
