"""Insights and pulling them into the current state."""

from types import SimpleNamespace

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from charter.access import get_in_workspace, workspace_view
from charter.registry import registry

from ..models import Insight
from ..records import RecordKind, research_charter
from .forms import InsightForm
from .snapshot import insights_with_evidence

INSIGHTS = RecordKind(
    Insight,
    InsightForm,
    "research:insights",
    "insights",
    gettext_lazy("New insight"),
    gettext_lazy("Edit insight"),
    form_kwargs=lambda request, charter: {"charter": charter},
)


@workspace_view()
def insight_list(request, charter_pk):
    charter = research_charter(request, charter_pk)
    insights = list(insights_with_evidence(charter))
    sections = [
        (section, [i for i in insights if i.section_key == section.key])
        for section in registry.all()
    ]
    # A section whose app was removed since: its insights stay visible, to be re-tagged.
    unknown = SimpleNamespace(key="other", title=_("Sections no longer in the charter"))
    sections.append((unknown, [i for i in insights if i.section_key not in registry]))
    context = {
        "charter": charter,
        "sections": [(section, items) for section, items in sections if items],
        "count": len(insights),
        "can_pull": request.membership.can("edit"),
        "tab": "insights",
    }
    return render(request, "research/insights/insight_list.html", context)


def _toggle(request, insight_pk, pull: bool):
    insight = get_in_workspace(
        request, Insight.objects.select_related("charter__workspace"), pk=insight_pk
    )
    if pull:
        insight.pull(request.user, request.membership)
        message = _("“%(insight)s” now shows in the current state.")
    else:
        insight.unpull(request.user, request.membership)
        message = _("“%(insight)s” no longer shows in the current state.")
    if request.htmx:
        context = {"insight": insight, "can_pull": True}
        return render(request, "research/insights/partials/pull_button.html", context)
    messages.success(request, message % {"insight": insight})
    return redirect(insight.get_absolute_url())


@workspace_view("edit")
@require_POST
def insight_pull(request, insight_pk):
    return _toggle(request, insight_pk, pull=True)


@workspace_view("edit")
@require_POST
def insight_unpull(request, insight_pk):
    return _toggle(request, insight_pk, pull=False)
