"""The champions: stakeholders who will carry enablement into their teams."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from charter.access import scoped, workspace_view

from ..models import Champion
from ..records import RecordKind, research_charter
from .forms import ChampionForm

CHAMPIONS = RecordKind(
    Champion,
    ChampionForm,
    "research:champions",
    "champions",
    _("New champion"),
    _("Edit champion: %(object)s"),
)


@workspace_view()
def champion_list(request, charter_pk):
    charter = research_charter(request, charter_pk)
    champions = scoped(request, Champion).filter(charter=charter)
    context = {"charter": charter, "champions": champions, "tab": "champions"}
    return render(request, "research/champions/champion_list.html", context)
