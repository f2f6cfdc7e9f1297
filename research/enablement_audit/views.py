"""The enablement audit: what already reaches sellers, by whom, at what effort."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from charter.access import scoped, workspace_view

from ..models import AuditActivity
from ..records import RecordKind, research_charter
from .forms import AuditActivityForm
from .snapshot import summarize

AUDIT_ACTIVITIES = RecordKind(
    AuditActivity,
    AuditActivityForm,
    "research:audit",
    "audit",
    _("New audit activity"),
    _("Edit audit activity: %(object)s"),
)


@workspace_view()
def enablement_audit(request, charter_pk):
    charter = research_charter(request, charter_pk)
    activities = list(scoped(request, AuditActivity).filter(charter=charter))
    context = {
        "charter": charter,
        "activities": activities,
        "summary": summarize(activities),
        "tab": "audit",
    }
    return render(request, "research/enablement_audit/activity_list.html", context)
