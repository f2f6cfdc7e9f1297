"""The roadmap's phases as the scope's audiences choose them (``charter.registry.PhaseSource``)."""

from django.db.models import Max, Min
from django.db.models.signals import post_delete
from django.dispatch import receiver

from charter.models import Audience
from charter.registry import PhaseChoice

from .models import Phase


def phase_choices(charter) -> list[PhaseChoice]:
    """The charter's phases in maturity order, dated by the milestones they hold."""
    phases = (
        Phase.objects.filter(charter=charter)
        .select_related("target_level")
        .annotate(start=Min("milestones__start"), end=Max("milestones__end"))
    )
    return [
        PhaseChoice(id=phase.pk, number=number, name=phase.name, start=phase.start, end=phase.end)
        for number, phase in enumerate(phases, start=1)
    ]


@receiver(post_delete, sender=Phase, dispatch_uid="roadmap-unlink-audiences")
def unlink_audiences(sender, instance, **kwargs):
    """An audience served from a deleted phase is no longer linked to any (not to a stale id)."""
    Audience.objects.filter(charter_id=instance.charter_id, served_from_phase=instance.pk).update(
        served_from_phase=None
    )
