"""Calendar periods: the months and quarters a charter is reported, planned and labelled in.

A period is known by its first day; it ends the day before the next one starts. Labels
(``2026-Q3``, ``2026-07``) are language-neutral because they are stored in snapshots, version
labels and CSV files; a screen that wants "Q3 2026" translates around ``quarter_number``.
"""

import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import NamedTuple

MONTHLY = "monthly"
QUARTERLY = "quarterly"
MONTHS_PER_PERIOD = {MONTHLY: 1, QUARTERLY: 3}


class Period(NamedTuple):
    start: date
    end: date  # inclusive

    @property
    def following(self) -> date:
        """The first day of the next period (the exclusive end)."""
        return self.end + timedelta(days=1)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def months_per_period(cadence: str) -> int:
    try:
        return MONTHS_PER_PERIOD[cadence]
    except KeyError:
        raise ValueError(f"unknown cadence {cadence!r}") from None


def add_months(day: date, months: int) -> date:
    """The first day of the month ``months`` after the month of ``day`` (negative goes back)."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month(day: date) -> date:
    """The first day of the month after the one that contains ``day``."""
    return add_months(day, 1)


def quarter_number(day: date) -> int:
    """1 to 4."""
    return (day.month - 1) // 3 + 1


def first_day_of_quarter(year: int, quarter: int) -> date:
    if not 1 <= quarter <= 4:
        raise ValueError(f"there is no quarter {quarter}")
    return date(year, 3 * quarter - 2, 1)


def quarter_start(day: date) -> date:
    return first_day_of_quarter(day.year, quarter_number(day))


def next_quarter(day: date) -> date:
    """The first day of the quarter after the one that contains ``day``."""
    return add_months(quarter_start(day), 3)


def quarter_label(day: date) -> str:
    """``2026-Q3`` for any day of July to September 2026."""
    return f"{day.year}-Q{quarter_number(day)}"


def proposed_quarter(today: date, first_day: date, last_day: date) -> date:
    """The day whose quarter labels a version published ``today`` for [first_day, last_day].

    Today when it falls inside the period, else the nearer end of the period.
    """
    return min(max(today, first_day), last_day)


def month_label(day: date) -> str:
    """``2026-07`` for any day of July 2026."""
    return f"{day.year}-{day.month:02d}"


_QUARTER_LABEL = re.compile(r"^(\d{4})-Q([1-4])$")
_MONTH_LABEL = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def parse_label(label: str) -> tuple[date, str] | None:
    """The first day and cadence a label names (``2026-Q3`` → 1 July 2026, quarterly), or
    ``None`` for any other text."""
    if quarter := _QUARTER_LABEL.match(label):
        return first_day_of_quarter(int(quarter[1]), int(quarter[2])), QUARTERLY
    if month := _MONTH_LABEL.match(label):
        return date(int(month[1]), int(month[2]), 1), MONTHLY
    return None


def period_start(day: date, cadence: str) -> date:
    """The first day of the month or quarter that contains ``day``."""
    if months_per_period(cadence) == 1:
        return month_start(day)
    return quarter_start(day)


def next_period_start(day: date, cadence: str) -> date:
    """The first day of the period after the one that contains ``day``."""
    return add_months(period_start(day, cadence), months_per_period(cadence))


def period_of(day: date, cadence: str) -> Period:
    start = period_start(day, cadence)
    return Period(start, next_period_start(start, cadence) - timedelta(days=1))


def period_label(day: date, cadence: str) -> str:
    """``2026-Q3`` for a quarter, ``2026-07`` for a month."""
    if months_per_period(cadence) == 1:
        return month_label(day)
    return quarter_label(day)


def periods(cadence: str, first_day: date, last_day: date) -> Iterator[Period]:
    """Every period that overlaps [first_day, last_day], in order."""
    period = period_of(first_day, cadence)
    while period.start <= last_day:
        yield period
        period = period_of(period.following, cadence)
