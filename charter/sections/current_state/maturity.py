"""The enablement maturity assessment: how the overall level is computed.

The overall level is the **mean of the assessed dimensions' ranks, rounded half up** (2.5
counts as 3). The mean shows how far a team is between two levels, and rounding half up
gives credit for a dimension that has clearly moved on. Dimensions not assessed yet are left
out rather than counted as the lowest level; with none assessed there is no overall level.
"""

from decimal import ROUND_HALF_UP, Decimal


def overall_level(ranks: list[int]) -> tuple[Decimal | None, int | None]:
    """(mean rank to one decimal, overall rank) of the assessed dimensions."""
    if not ranks:
        return None, None
    mean = Decimal(sum(ranks)) / len(ranks)
    return (
        mean.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP),
        int(mean.quantize(Decimal("1"), rounding=ROUND_HALF_UP)),
    )
