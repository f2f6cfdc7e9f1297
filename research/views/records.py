"""Creating, editing and deleting the research records that belong to a charter.

Each kind of record differs only in its model, its form and the page it is listed on, so
one set of views serves them all; ``urls.py`` passes the kind.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Model
from django.forms import ModelForm
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from charter.access import get_in_workspace, workspace_view

from .. import forms
from ..models import AuditActivity, Benchmark, Champion, Insight, Interview, Survey
from .common import delete_page, edit_page, evidence_warning, research_charter


@dataclass(frozen=True)
class RecordKind:
    model: type[Model]
    form: type[ModelForm]
    list_url: str  # URL name of the list page, reversed with (workspace, charter)
    tab: str
    new_title: Promise
    edit_title: Promise  # formatted with %(object)s
    # (request, charter) → extra keyword arguments for the form
    form_kwargs: Callable[..., dict] = field(default=lambda request, charter: {})
    # request → field values of a new record
    defaults: Callable[..., dict] = field(default=lambda request: {})

    def get(self, request, url_kwargs: dict):
        pk = url_kwargs[f"{self.model._meta.model_name}_pk"]
        return get_in_workspace(
            request, self.model.objects.select_related("charter__workspace"), pk=pk
        )

    def list_page(self, request, charter) -> str:
        return reverse(self.list_url, args=[request.workspace.slug, charter.pk])


INTERVIEWS = RecordKind(
    Interview,
    forms.InterviewForm,
    "research:interviews",
    "interviews",
    _("New interview"),
    _("Edit interview: %(object)s"),
    form_kwargs=lambda request, charter: {"workspace": request.workspace},
    defaults=lambda request: {"interviewer": request.user, "held_on": date.today()},
)
CHAMPIONS = RecordKind(
    Champion,
    forms.ChampionForm,
    "research:champions",
    "champions",
    _("New champion"),
    _("Edit champion: %(object)s"),
)
AUDIT_ACTIVITIES = RecordKind(
    AuditActivity,
    forms.AuditActivityForm,
    "research:audit",
    "audit",
    _("New audit activity"),
    _("Edit audit activity: %(object)s"),
)
SURVEYS = RecordKind(
    Survey,
    forms.SurveyForm,
    "research:surveys",
    "surveys",
    _("New survey"),
    _("Edit survey: %(object)s"),
)
BENCHMARKS = RecordKind(
    Benchmark,
    forms.BenchmarkForm,
    "research:benchmarks",
    "benchmarks",
    _("New benchmark"),
    _("Edit benchmark: %(object)s"),
)
INSIGHTS = RecordKind(
    Insight,
    forms.InsightForm,
    "research:insights",
    "insights",
    _("New insight"),
    _("Edit insight"),
    form_kwargs=lambda request, charter: {"charter": charter},
)


@workspace_view("research")
def record_create(request, charter_pk, kind: RecordKind):
    charter = research_charter(request, charter_pk)
    record = kind.model(charter=charter, **kind.defaults(request))
    form = kind.form(request.POST or None, instance=record, **kind.form_kwargs(request, charter))
    back = kind.list_page(request, charter)
    return edit_page(request, form, charter=charter, title=kind.new_title, back=back, tab=kind.tab)


@workspace_view("research")
def record_edit(request, kind: RecordKind, **url_kwargs):
    record = kind.get(request, url_kwargs)
    form = kind.form(
        request.POST or None, instance=record, **kind.form_kwargs(request, record.charter)
    )
    return edit_page(
        request,
        form,
        charter=record.charter,
        title=kind.edit_title % {"object": record},
        back=record.get_absolute_url(),
        tab=kind.tab,
    )


@workspace_view("research")
def record_delete(request, kind: RecordKind, **url_kwargs):
    record = kind.get(request, url_kwargs)
    return delete_page(
        request,
        record,
        charter=record.charter,
        back=kind.list_page(request, record.charter),
        tab=kind.tab,
        warning=evidence_warning(record) if hasattr(record, "insights") else "",
    )
