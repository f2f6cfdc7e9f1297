"""The roadmap phase an audience is served from, found through ``charter.registry``."""

from django.utils.translation import gettext as _

from charter.formatting import format_period
from charter.registry import PhaseChoice, phase_choices


def phases_by_id(charter) -> dict[int, PhaseChoice]:
    return {choice.id: choice for choice in phase_choices(charter)}


def request_phases(request, charter_id: int) -> dict[int, PhaseChoice]:
    """``phases_by_id``, read once per request however many audience rows name a phase."""
    read = request.__dict__.setdefault("_phases_by_charter", {}) if request is not None else {}
    if charter_id not in read:
        read[charter_id] = phases_by_id(charter_id)
    return read[charter_id]


def keep_request_phases(request, charter_id: int, phases: dict[int, PhaseChoice]) -> None:
    """Phases the request has already read (the section's snapshot) for its audience rows."""
    request.__dict__.setdefault("_phases_by_charter", {})[charter_id] = phases


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
