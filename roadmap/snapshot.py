"""The Roadmap section's snapshot (the data the timeline is drawn from) and its checklist."""

from datetime import date

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from charter.models import Charter, MaturityLevel, MaturityScore, Metric, Objective
from charter.people import person
from charter.sections.current_state.maturity import overall_level

from . import resources
from .models import Milestone, Phase, Status


def person_name(user) -> str:
    return person(user, former="")


def assessed_level(charter: Charter) -> MaturityLevel | None:
    """The level the function stands at overall, as the Current state section assesses it."""
    ranks = list(
        MaturityScore.objects.filter(charter=charter, level__isnull=False).values_list(
            "level__rank", flat=True
        )
    )
    _mean, rank = overall_level(ranks)
    if rank is None:
        return None
    return MaturityLevel.objects.filter(model__workspace_id=charter.workspace_id, rank=rank).first()


def level_data(level: MaturityLevel | None) -> dict | None:
    return {"rank": level.rank, "name": level.name} if level else None


def with_links(milestones):
    """The milestones with the objectives and metrics they serve, as the snapshot names them."""
    return milestones.prefetch_related(
        Prefetch("objectives", queryset=Objective.objects.only("id", "title")),
        Prefetch("metrics", queryset=Metric.objects.only("id", "name")),
    )


def load_milestones(charter: Charter):
    """Every milestone of the charter with what the roadmap shows, in a fixed number of queries."""
    return with_links(
        Milestone.objects.filter(charter=charter)
        .select_related("owner__profile")
        .prefetch_related(Prefetch("depends_on", queryset=Milestone.objects.only("id")))
    )


def milestone_data(milestone: Milestone) -> dict:
    budget = None
    if milestone.budget_amount is not None:
        budget = {"amount": str(milestone.budget_amount), "currency": milestone.budget_currency}
    return {
        "id": milestone.pk,
        "title": milestone.title,
        "description": milestone.description,
        "phase_id": milestone.phase_id,
        "owner": person_name(milestone.owner),
        "start": milestone.start.isoformat(),
        "end": milestone.end.isoformat(),
        "status": milestone.status,
        "depends_on": sorted(dependency.pk for dependency in milestone.depends_on.all()),
        "objectives": [{"id": o.pk, "title": o.title} for o in milestone.objectives.all()],
        "metrics": [{"id": m.pk, "name": m.name} for m in milestone.metrics.all()],
        "budget": budget,
        "headcount": str(milestone.headcount) if milestone.headcount is not None else None,
        "tools": milestone.tool_list,
    }


def phases_data(
    charter: Charter, milestones: list[dict], assessed: MaturityLevel | None, phases=None
):
    rows = []
    previous = assessed
    if phases is None:
        phases = Phase.objects.filter(charter=charter).select_related("target_level")
    for phase in phases:
        dates = [(m["start"], m["end"]) for m in milestones if m["phase_id"] == phase.pk]
        from_level = previous if previous and previous.rank < phase.target_level.rank else None
        rows.append(
            {
                "id": phase.pk,
                "name": phase.name,
                "goal": phase.goal,
                "level": level_data(phase.target_level),
                "from_level": level_data(from_level),
                "start": min((start for start, _end in dates), default=None),
                "end": max((end for _start, end in dates), default=None),
            }
        )
        previous = phase.target_level
    return rows


def roadmap_snapshot(charter: Charter, milestones=None, phases=None) -> dict:
    """The section's snapshot; ``milestones`` (``load_milestones``' relations loaded) and
    ``phases`` (with their target level) when the page has loaded them already."""
    assessed = assessed_level(charter)
    next_level = None
    if assessed:
        next_level = (
            MaturityLevel.objects.filter(model_id=assessed.model_id, rank__gt=assessed.rank)
            .order_by("rank")
            .first()
        )
    if milestones is None:
        milestones = load_milestones(charter)
    milestones = [milestone_data(milestone) for milestone in milestones]
    phases = phases_data(charter, milestones, assessed, phases)
    return {
        "period": {
            "start": charter.period_start.isoformat(),
            "end": charter.period_end.isoformat(),
        },
        "assessed_level": level_data(assessed),
        "next_level": level_data(next_level),
        "phases": phases,
        "milestones": milestones,
        "summary": resources.summarize(
            milestones, phases, charter.period_start, charter.period_end
        ),
    }


CLOSED_MILESTONES = {Status.DONE, Status.DROPPED}


def _milestone_line(milestone: dict, as_of: str) -> str:
    details = [
        value
        for value in (milestone.get("owner"), milestone.get("start"), milestone.get("end"))
        if value
    ]
    suffix = f" ({' – '.join(str(detail) for detail in details)})" if details else ""
    overdue = f" — {_('overdue')}" if (milestone.get("end") or as_of) < as_of else ""
    return f"- **{milestone.get('title', '')}**{suffix}{overdue}"


def roadmap_briefing(data: dict, as_of: date | None = None) -> dict[str, list[str]]:
    """Milestones under way and those planned next, as of the meeting's or pack's date.

    By dates, not by the status someone last set: in flight once started and not done,
    upcoming while its start is still ahead, overdue once due and not done.
    """
    day = (as_of or date.today()).isoformat()
    open_milestones = [
        milestone
        for milestone in data.get("milestones") or []
        if milestone.get("status") not in CLOSED_MILESTONES and milestone.get("start")
    ]
    return {
        "in_flight": [_milestone_line(m, day) for m in open_milestones if m["start"] <= day],
        "upcoming": [_milestone_line(m, day) for m in open_milestones if m["start"] > day],
    }


def outside_period(milestone: dict, period: dict) -> bool:
    return milestone["start"] < period["start"] or milestone["end"] > period["end"]


def _listing(titles: list[str], limit: int = 5) -> str:
    shown = ", ".join(f"“{title}”" for title in titles[:limit])
    if len(titles) > limit:
        shown += " " + _("and %(count)d more") % {"count": len(titles) - limit}
    return shown


def roadmap_completeness(data: dict) -> list[str]:
    """What a board would ask about before approving this roadmap."""
    phases, milestones = data.get("phases", []), data.get("milestones", [])
    if not phases:
        return [_("No phase yet: add a phase for each maturity level the roadmap should reach.")]
    missing = []
    next_level = data.get("next_level")
    if next_level and next_level["rank"] not in {phase["level"]["rank"] for phase in phases}:
        missing.append(
            _("No phase moves the function from its assessed level to the next (%(level)s).")
            % {"level": next_level["name"]}
        )
    assessed = data.get("assessed_level")
    for phase in phases:
        if assessed and phase["level"]["rank"] <= assessed["rank"]:
            missing.append(
                _("Phase “%(phase)s” aims at %(level)s, which the function has already reached.")
                % {"phase": phase["name"], "level": phase["level"]["name"]}
            )
        if not any(milestone["phase_id"] == phase["id"] for milestone in milestones):
            missing.append(_("No milestone in phase “%(phase)s”.") % {"phase": phase["name"]})
    period = data["period"]
    by_id = {milestone["id"]: milestone for milestone in milestones}
    for milestone in milestones:
        if milestone["start"] < period["start"]:
            missing.append(
                _("Milestone “%(title)s” starts before the charter period.")
                % {"title": milestone["title"]}
            )
        if milestone["end"] > period["end"]:
            missing.append(
                _("Milestone “%(title)s” ends after the charter period.")
                % {"title": milestone["title"]}
            )
        for dependency_id in milestone["depends_on"]:
            dependency = by_id.get(dependency_id)
            if dependency and milestone["start"] < dependency["end"]:
                missing.append(
                    _(
                        "Milestone “%(title)s” starts before “%(dependency)s”, which it depends on, ends."
                    )
                    % {"title": milestone["title"], "dependency": dependency["title"]}
                )
    live = [milestone for milestone in milestones if milestone["status"] != Status.DROPPED]
    checks = [
        (lambda m: m["phase_id"] is None, _("Milestones without a phase: %(titles)s.")),
        (lambda m: not m["owner"], _("Milestones without an owner: %(titles)s.")),
        (lambda m: not m["metrics"], _("Milestones linked to no metric they move: %(titles)s.")),
    ]
    for failing, message in checks:
        titles = [milestone["title"] for milestone in live if failing(milestone)]
        if titles:
            missing.append(message % {"titles": _listing(titles)})
    return missing


# The changes list names the snapshot's keys and codes with these.
LABELS = {
    "phases": gettext_lazy("Phases"),
    "milestones": gettext_lazy("Milestones"),
    "goal": gettext_lazy("Goal"),
    "start": gettext_lazy("Start"),
    "end": gettext_lazy("End"),
    "depends_on": gettext_lazy("Depends on"),
    "tools": gettext_lazy("Tools"),
    "metrics": gettext_lazy("Metrics"),
    "objectives": gettext_lazy("Objectives"),
    "summary": gettext_lazy("Summary"),
    "assessed_level": gettext_lazy("Assessed level"),
    "from_level": gettext_lazy("From level"),
    "next_level": gettext_lazy("Next level"),
}
CHOICES = {"status": dict(Status.choices)}
