"""Demo content for the current state and future success: a charter that is partly drafted.

Left open on purpose, so that the completeness checklist has something to say: the customer
journey, the mission, two maturity dimensions, the target of one lagging metric and the owner
of one objective.
"""

from decimal import Decimal

from charter.models import (
    CurrentState,
    ExecutionKpi,
    MaturityModel,
    MaturityScore,
)

STRATEGY = """Northwind grows from a mid-market leader into an enterprise contender by FY2028:

- **Revenue:** $240M ARR to $310M, with net revenue retention at 115 %.
- **Enterprise push:** a new enterprise segment team of 40 account executives.
- **Platform:** the analytics add-on becomes the lead product in every new deal."""

SEGMENTS = """- **Mid-market** (200–2,000 employees) in North America and the UK: 70 % of new bookings.
- **Enterprise** (2,000+ employees), financial services and healthcare first.
- Buyers: VP Operations, CFO; champions in finance operations."""

VALUE = (
    "Northwind cuts the month-end close from ten days to three, without replacing the ERP "
    "the customer already runs — proven in 1,400 mid-market finance teams."
)

CHANNELS = """- Field sales for enterprise, inside sales for mid-market.
- Implementation partners (12 certified) source about 20 % of pipeline.
- Self-serve trial for teams under 200 employees."""

KPIS = [
    ("Quota attainment (reps at or above quota)", "52", "%", "FY2026", "Salesforce"),
    ("Win rate, qualified opportunities", "21", "%", "FY2026", "Salesforce"),
    ("Sales-cycle length, median", "94", "days", "FY2026", "Salesforce"),
    ("New-hire ramp time to first deal", "180", "days", "FY2026", "Workday + Salesforce"),
    ("Average deal size", "48000", "USD", "FY2026", "Finance"),
]

MATURITY = {
    "Content": (2, "Content lives in three drives; sellers rebuild decks (audit, May 2026)."),
    "Training": (3, "Quarterly product training with attendance tracking; no certification."),
    "Coaching": (2, "Managers coach when deals are at risk; no shared framework (interviews)."),
    "Tools and technology": (3, "CRM and content tool in place; adoption 58 % (survey)."),
    "Process": (2, "Stages defined, exit criteria missing; forecast calls vary by region."),
    "Analytics": (1, "No link between enablement programs and pipeline metrics today."),
}


def seed_current_state(charter, users):
    CurrentState.objects.create(
        charter=charter,
        business_strategy=STRATEGY,
        target_segments=SEGMENTS,
        value_proposition=VALUE,
        channels=CHANNELS,
        updated_by=users["editor"],
    )
    ExecutionKpi.objects.bulk_create(
        ExecutionKpi(
            charter=charter,
            name=name,
            value=Decimal(value),
            unit=unit,
            period=period,
            source=source,
            position=position,
        )
        for position, (name, value, unit, period, source) in enumerate(KPIS)
    )
    model = MaturityModel.for_workspace(charter.workspace)
    levels = {level.rank: level for level in model.levels.all()}
    MaturityScore.objects.bulk_create(
        MaturityScore(
            charter=charter,
            dimension=dimension,
            level=levels[MATURITY[dimension.name][0]] if dimension.name in MATURITY else None,
            evidence=MATURITY.get(dimension.name, (None, ""))[1],
        )
        for dimension in model.dimensions.all()
    )
