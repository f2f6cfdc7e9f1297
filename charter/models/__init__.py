from .audit import AuditEvent
from .charter import Charter
from .exports import PdfExport
from .versions import CharterVersion, VersionStatus
from .workspace import Invitation, Membership, Role, Workspace

__all__ = [
    "AuditEvent",
    "Charter",
    "CharterVersion",
    "Invitation",
    "Membership",
    "PdfExport",
    "Role",
    "VersionStatus",
    "Workspace",
]
