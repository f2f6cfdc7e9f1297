"""Section 6, collaboration: partner teams, the RACI matrix and meeting cadences."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import Ordered, Revisioned
from .charter import Charter
from .scope import Service


class PartnerTeam(Revisioned, Ordered):
    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="partner_teams")
    name = models.CharField(_("team"), max_length=120)
    description = models.CharField(_("what they bring"), max_length=300, blank=True)

    workspace_path = "charter__workspace"

    class Meta(Ordered.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["charter", "name"], name="partner_team_name_per_charter"
            )
        ]

    def __str__(self):
        return self.name


class RaciAssignment(models.Model):
    class Letter(models.TextChoices):
        RESPONSIBLE = "R", _("Responsible")
        ACCOUNTABLE = "A", _("Accountable")
        CONSULTED = "C", _("Consulted")
        INFORMED = "I", _("Informed")

    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="raci_assignments")
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="raci_assignments")
    team = models.ForeignKey(PartnerTeam, on_delete=models.CASCADE, related_name="raci_assignments")
    letter = models.CharField(max_length=1, choices=Letter.choices)

    workspace_path = "charter__workspace"

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["charter", "service", "team"], name="one_raci_cell")
        ]

    def __str__(self):
        return f"{self.service} × {self.team}: {self.letter}"


class MeetingCadence(Revisioned, Ordered):
    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="meeting_cadences")
    name = models.CharField(_("name"), max_length=120)
    purpose = models.CharField(_("purpose"), max_length=300, blank=True)
    frequency = models.CharField(
        _("frequency"), max_length=60, help_text=_("e.g. weekly, every other Monday, quarterly.")
    )
    participants = models.CharField(_("participants"), max_length=300, blank=True)

    workspace_path = "charter__workspace"

    class Meta(Ordered.Meta):
        pass

    def __str__(self):
        return self.name
