"""The roadmap phase an audience is served from, found through ``charter.registry``."""

from django.utils.translation import gettext as _

from charter.formatting import format_period
from charter.registry import PhaseChoice, phase_choices


def phases_by_id(charter) -> dict[int, PhaseChoice]:
    return {choice.id: choice for choice in phase_choices(charter)}


def phase_label(choice: PhaseChoice, language: str | None = None) -> str:
    """“Build the foundation (Jul 2026 – Dec 2026)”, or the name alone while it has no dates."""
    if choice.start and choice.end:
        return _("%(phase)s (%(dates)s)") % {
            "phase": choice.name,
            "dates": format_period(choice.start, choice.end, language),
        }
    return choice.name


def served_from_data(audience, phases: dict[int, PhaseChoice]) -> dict:
    """The snapshot's part of an audience's phase: its name and dates, as served today."""
    choice = phases.get(audience.served_from_phase)
    return {
        "served_from_phase_id": choice.id if choice else None,
        "served_from": choice.name if choice else "",
        "served_from_start": choice.start.isoformat() if choice and choice.start else None,
        "served_from_end": choice.end.isoformat() if choice and choice.end else None,
    }
