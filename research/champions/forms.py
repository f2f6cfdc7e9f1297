"""The champions found among the stakeholders."""

from ..forms import RevisionedForm
from ..models import Champion


class ChampionForm(RevisionedForm):
    class Meta:
        model = Champion
        fields = ["name", "job_title", "function", "influence", "stance", "notes"]
