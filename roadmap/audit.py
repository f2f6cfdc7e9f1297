"""How the roadmap's entries read in the workspace's audit trail."""

from django.utils.translation import gettext_lazy as _

from charter.registry import AuditVocabulary

AUDIT_VOCABULARY = AuditVocabulary(
    key="roadmap",
    actions={"milestone.status_changed": _("Milestone status changed")},
    object_types={"roadmap.milestone": _("Milestone"), "roadmap.phase": _("Phase")},
    labels={"status": _("Status"), "previous status": _("Previous status")},
)
