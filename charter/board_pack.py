"""The board pack's own chapters, registered as document parts beside governance's.

Governance adds the meeting agenda (order 10) and the open action items (order 50); these
read the version's snapshot: results against the charter, roadmap progress, and the
changes since the last approved version.
"""

from django.utils.translation import gettext_lazy as _

from .diff import diff_snapshots
from .models import CharterVersion, VersionStatus
from .registry import DocumentPart, register_document_part

BOARD_PACK = "board_pack"


def changes_since_approved(version: CharterVersion, params: dict) -> dict:
    """The diff from the last approved version before this one (or says there is none)."""
    previous = (
        version.charter.versions.filter(
            number__lt=version.number,
            status__in=[VersionStatus.APPROVED, VersionStatus.SUPERSEDED],
        )
        .order_by("-number")
        .first()
    )
    if previous is None:
        return {"previous": None, "diff": None}
    return {
        "previous": {"number": previous.number, "label": previous.label},
        "diff": diff_snapshots(previous.snapshot, version.snapshot),
    }


register_document_part(
    DocumentPart(
        key="changes-since-approved",
        document=BOARD_PACK,
        order=40,
        title=_("Changes since the last approved version"),
        template="pdf/board_pack/changes.html",
        data=changes_since_approved,
    )
)
