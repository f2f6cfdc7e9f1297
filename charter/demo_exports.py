"""Demo PDFs: the approved charter and the board pack of the version under review.

Requested after governance has seeded the review (``DEMO_VERSION_ORDER`` + …), so the
approved version's export carries its approval record; the worker renders them once the
demo data is committed.
"""

from .exports import request_export
from .models import PdfExport, VersionStatus
from .registry import DEMO_VERSION_ORDER, register_demo


@register_demo(order=DEMO_VERSION_ORDER + 100)
def seed_exports(charter, users) -> None:
    versions = list(charter.versions.all())
    approved = next((v for v in versions if v.status == VersionStatus.APPROVED), None)
    if approved is not None:
        request_export(approved, PdfExport.Kind.CHARTER, users["owner"])
    if versions:
        request_export(versions[0], PdfExport.Kind.BOARD_PACK, users["owner"])
