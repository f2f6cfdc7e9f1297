from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from charter.documents.finishing import make_pdf
from charter.models import Charter, CharterVersion, PdfExport, VersionStatus


def pick_version(charter_pk: int | None, number: int | None, approved: bool) -> CharterVersion:
    """The version asked for: of the given charter, else of the most recently created one."""
    charters = Charter.objects.all()
    charter = (
        charters.filter(pk=charter_pk).first()
        if charter_pk is not None
        else charters.order_by("-created_at", "-pk").first()
    )
    if charter is None:
        raise CommandError(
            _("There is no charter %(pk)s.") % {"pk": charter_pk}
            if charter_pk is not None
            else _("There is no charter yet.")
        )
    versions = charter.versions.order_by("-number")
    if approved:
        version = versions.filter(status=VersionStatus.APPROVED).first()
        if version is None:
            raise CommandError(_("Charter %(pk)s has no approved version.") % {"pk": charter.pk})
        return version
    version = versions.filter(number=number).first() if number is not None else versions.first()
    if version is None:
        raise CommandError(
            _("Charter %(pk)s has no version %(number)s.") % {"pk": charter.pk, "number": number}
            if number is not None
            else _("Charter %(pk)s has no version yet.") % {"pk": charter.pk}
        )
    return version


class Command(BaseCommand):
    help = (
        "Render a version's PDF as the worker does (PDF/A, signed when approved) into a file, "
        "without recording an export."
    )

    def add_arguments(self, parser):
        # --version names a charter version here, not this program's release, as specified.
        parser.conflict_handler = parser._optionals.conflict_handler = "resolve"
        parser.add_argument("--output", required=True, help="The PDF file to write.")
        parser.add_argument("--charter", type=int, help="Charter id (default: the newest).")
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--version", type=int, dest="number", help="Version number.")
        which.add_argument("--approved", action="store_true", help="The latest approved version.")
        parser.add_argument(
            "--kind",
            default=PdfExport.Kind.CHARTER,
            help="charter or board-pack (default: charter).",
        )

    def handle(self, *args, output, charter, number, approved, kind, **options):
        kinds = {value.replace("_", "-"): value for value in PdfExport.Kind.values}
        if kind not in kinds:
            raise CommandError(
                _("Unknown kind %(kind)s: choose one of %(kinds)s.")
                % {"kind": kind, "kinds": ", ".join(kinds)}
            )
        version = pick_version(charter, number, approved)
        export = PdfExport(
            version=version, kind=kinds[kind], version_status=version.status, params={}
        )
        rendered = make_pdf(export)
        try:
            Path(output).write_bytes(rendered.data)
        except OSError as error:
            raise CommandError(
                _("Cannot write %(file)s: %(error)s")
                % {"file": output, "error": error.strerror or error}
            ) from error
        self.stdout.write(
            _(
                "Wrote %(file)s: charter %(charter)s, version %(number)s (%(status)s), %(pages)s pages."
            )
            % {
                "file": output,
                "charter": version.charter_id,
                "number": version.number,
                "status": version.status,
                "pages": rendered.page_count,
            }
        )
