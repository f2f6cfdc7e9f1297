"""Resource summaries by quarter and by phase, from the plain milestone data of a snapshot.

Budgets are summed per currency, never converted. A budget is spread over the quarters a
milestone runs in, in proportion to its days there; headcount per quarter is the average FTE
over the quarter. Dropped milestones spend nothing and are left out.
"""

from collections import defaultdict
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from charter.periods import QUARTERLY, Period, periods, quarter_label

from .models import Status

CENT = Decimal("0.01")


def overlap_days(start: date, end: date, period: Period) -> int:
    """Days of the inclusive range start..end that fall in the period."""
    return max(0, (min(end, period.end) - max(start, period.start)).days + 1)


def split_amount(amount: Decimal, weights: list[int]) -> list[Decimal]:
    """Split to the cent in proportion to ``weights``; the parts add up to ``amount`` exactly."""
    total_weight = sum(weights)
    if not total_weight:
        return [Decimal(0) for _ in weights]
    cents = int((amount / CENT).to_integral_value(ROUND_HALF_UP))
    exact = [cents * weight / total_weight for weight in weights]
    parts = [int(share) for share in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: exact[i] - parts[i], reverse=True)
    for i in by_remainder[: cents - sum(parts)]:
        parts[i] += 1
    return [Decimal(part) * CENT for part in parts]


def peak_headcount(milestones: list[dict]) -> Decimal:
    """The most FTE that run at the same time."""
    changes: dict[date, Decimal] = defaultdict(Decimal)
    for milestone in milestones:
        if milestone["headcount"]:
            fte = Decimal(milestone["headcount"])
            changes[date.fromisoformat(milestone["start"])] += fte
            changes[date.fromisoformat(milestone["end"]) + timedelta(days=1)] -= fte
    peak = running = Decimal(0)
    for day in sorted(changes):
        running += changes[day]
        peak = max(peak, running)
    return peak.quantize(CENT)


def _budget_rows(totals: dict[str, Decimal]) -> list[dict]:
    return [
        {"currency": currency, "amount": str(amount.quantize(CENT))}
        for currency, amount in sorted(totals.items())
    ]


def _tools(milestones: list[dict]) -> list[str]:
    """Every tool once, whatever its capitalisation, in alphabetical order."""
    tools: dict[str, str] = {}
    for milestone in milestones:
        for tool in milestone["tools"]:
            tools.setdefault(tool.lower(), tool)
    return [tools[key] for key in sorted(tools)]


def _active(milestones: list[dict]) -> list[dict]:
    return [milestone for milestone in milestones if milestone["status"] != Status.DROPPED]


def by_quarter(milestones: list[dict], period_start: date, period_end: date) -> list[dict]:
    """One row per quarter of the charter period and of every milestone's dates."""
    active = _active(milestones)
    first = min([period_start, *(date.fromisoformat(m["start"]) for m in active)])
    last = max([period_end, *(date.fromisoformat(m["end"]) for m in active)])
    spans = list(periods(QUARTERLY, first, last))
    budgets = [defaultdict(Decimal) for _ in spans]
    fte_days = [Decimal(0) for _ in spans]
    running = [[] for _ in spans]
    for milestone in active:
        start, end = date.fromisoformat(milestone["start"]), date.fromisoformat(milestone["end"])
        days = [overlap_days(start, end, span) for span in spans]
        if milestone["budget"]:
            amount = Decimal(milestone["budget"]["amount"])
            for i, part in enumerate(split_amount(amount, days)):
                if days[i]:
                    budgets[i][milestone["budget"]["currency"]] += part
        for i, overlap in enumerate(days):
            if overlap:
                running[i].append(milestone)
                if milestone["headcount"]:
                    fte_days[i] += Decimal(milestone["headcount"]) * overlap
    return [
        {
            "id": quarter_label(span.start),
            "start": span.start.isoformat(),
            "end": span.end.isoformat(),
            "budget": _budget_rows(budgets[i]),
            "average_fte": str((fte_days[i] / span.days).quantize(CENT)),
            "milestones": len(running[i]),
            "tools": _tools(running[i]),
        }
        for i, span in enumerate(spans)
    ]


def by_phase(milestones: list[dict], phases: list[dict]) -> list[dict]:
    """One row per phase, then one for milestones without a phase if there are any."""
    active = _active(milestones)
    groups = [(phase["id"], phase["name"]) for phase in phases]
    if any(milestone["phase_id"] is None for milestone in active):
        groups.append((None, ""))
    rows = []
    for phase_id, name in groups:
        members = [milestone for milestone in active if milestone["phase_id"] == phase_id]
        budget = defaultdict(Decimal)
        for milestone in members:
            if milestone["budget"]:
                budget[milestone["budget"]["currency"]] += Decimal(milestone["budget"]["amount"])
        rows.append(
            {
                "id": phase_id if phase_id is not None else "none",
                "name": name,
                "budget": _budget_rows(budget),
                "peak_fte": str(peak_headcount(members)),
                "milestones": len(members),
                "tools": _tools(members),
            }
        )
    return rows


def totals(milestones: list[dict]) -> dict:
    active = _active(milestones)
    budget = defaultdict(Decimal)
    for milestone in active:
        if milestone["budget"]:
            budget[milestone["budget"]["currency"]] += Decimal(milestone["budget"]["amount"])
    return {
        "budget": _budget_rows(budget),
        "peak_fte": str(peak_headcount(active)),
        "milestones": len(active),
        "tools": _tools(active),
    }


def summarize(milestones: list[dict], phases: list[dict], period_start: date, period_end: date):
    return {
        "by_quarter": by_quarter(milestones, period_start, period_end),
        "by_phase": by_phase(milestones, phases),
        "totals": totals(milestones),
    }
