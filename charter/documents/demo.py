"""Demo PDFs: the approved charter and the board pack of the version under review.

Requested after governance has seeded the review (``DEMO_VERSION_ORDER`` + …), so the
approved version's export carries its approval record; the worker renders them once the
demo data is committed.
"""

from charter.documents.requests import request_export
from charter.models import PdfExport, VersionStatus


def seed_exports(charter, users) -> None:
    versions = list(charter.versions.all())
    approved = next((v for v in versions if v.status == VersionStatus.APPROVED), None)
    if approved is not None:
        request_export(approved, PdfExport.Kind.CHARTER, users["owner"])
    if versions:
        request_export(versions[0], PdfExport.Kind.BOARD_PACK, users["owner"])
