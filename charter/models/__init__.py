from .api_tokens import ApiScope, ApiToken
from .audit import AuditEvent
from .base import EditConflict, Ordered, Revisioned
from .charter import Charter
from .collaboration import MeetingCadence, PartnerTeam, RaciAssignment
from .comments import Comment
from .current_state import (
    CurrentState,
    ExecutionKpi,
    MaturityDimension,
    MaturityLevel,
    MaturityModel,
    MaturityScore,
)
from .exports import PdfExport
from .future_success import FutureSuccess, Metric, MetricActual, Objective
from .imports import MetricImport
from .outbox import OutboxMessage
from .profile import Profile
from .reminders import ActualReminder
from .revisions import ContentRevision
from .scope import Audience, FundingSource, Scope, Service
from .uploads import PendingUpload
from .versions import CharterVersion, VersionStatus
from .workspace import Invitation, Membership, Role, Workspace

__all__ = [
    "ActualReminder",
    "ApiScope",
    "ApiToken",
    "Audience",
    "AuditEvent",
    "Charter",
    "CharterVersion",
    "Comment",
    "ContentRevision",
    "CurrentState",
    "EditConflict",
    "ExecutionKpi",
    "FundingSource",
    "FutureSuccess",
    "Invitation",
    "MaturityDimension",
    "MaturityLevel",
    "MaturityModel",
    "MaturityScore",
    "MeetingCadence",
    "Membership",
    "Metric",
    "MetricActual",
    "MetricImport",
    "PendingUpload",
    "Objective",
    "Ordered",
    "OutboxMessage",
    "PartnerTeam",
    "PdfExport",
    "Profile",
    "RaciAssignment",
    "Revisioned",
    "Role",
    "Scope",
    "Service",
    "VersionStatus",
    "Workspace",
]
