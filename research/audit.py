"""How the research app's entries read in the workspace's audit trail."""

from django.utils.translation import gettext_lazy as _

from charter.registry import AuditVocabulary

OBJECT_TYPES = {
    "research.interview": _("Interview"),
    "research.interviewguide": _("Question guide"),
    "research.guidequestion": _("Guide question"),
    "research.champion": _("Champion"),
    "research.auditactivity": _("Audit activity"),
    "research.benchmark": _("Benchmark"),
    "research.survey": _("Survey"),
    "research.surveyquestion": _("Survey question"),
    "research.surveyresponse": _("Survey response"),
    "research.insight": _("Insight"),
}
# Every research record is created, updated and deleted through one helper
# (``research.records``), which names the action after the model; the object column says which.
RECORD_ACTIONS = {
    "created": _("Research record created"),
    "updated": _("Research record updated"),
    "deleted": _("Research record deleted"),
}

AUDIT_VOCABULARY = AuditVocabulary(
    key="research",
    actions={
        **{
            f"{object_type}.{verb}": label
            for object_type in OBJECT_TYPES
            for verb, label in RECORD_ACTIONS.items()
        },
        "research.survey.imported": _("Survey responses imported"),
        "insight.pulled": _("Insight pulled into the current state"),
        "insight.unpulled": _("Insight taken out of the current state"),
    },
    object_types={**OBJECT_TYPES, "research.surveyimport": _("Survey import")},
    labels={"imported": _("Imported")},
)
