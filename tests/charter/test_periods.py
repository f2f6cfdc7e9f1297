"""Calendar periods (charter/periods.py): the one place months and quarters are computed."""

from datetime import date

import pytest

from charter import periods
from charter.periods import MONTHLY, QUARTERLY, Period


def test_quarterly_periods_cover_the_charter_period():
    quarters = list(periods.periods(QUARTERLY, date(2026, 7, 15), date(2027, 6, 30)))

    assert [start for start, _ in quarters] == [
        date(2026, 7, 1),
        date(2026, 10, 1),
        date(2027, 1, 1),
        date(2027, 4, 1),
    ]
    assert quarters[0] == (date(2026, 7, 1), date(2026, 9, 30))
    assert quarters[-1].end == date(2027, 6, 30)


def test_monthly_periods_cross_the_year_end():
    months = list(periods.periods(MONTHLY, date(2026, 11, 1), date(2027, 1, 31)))

    assert months == [
        (date(2026, 11, 1), date(2026, 11, 30)),
        (date(2026, 12, 1), date(2026, 12, 31)),
        (date(2027, 1, 1), date(2027, 1, 31)),
    ]


def test_a_range_inside_one_period_gives_that_period():
    assert list(periods.periods(QUARTERLY, date(2026, 5, 3), date(2026, 5, 4))) == [
        (date(2026, 4, 1), date(2026, 6, 30))
    ]


def test_a_period_knows_its_length_and_the_day_after_it():
    february = periods.period_of(date(2028, 2, 10), MONTHLY)

    assert february == Period(date(2028, 2, 1), date(2028, 2, 29))
    assert february.days == 29
    assert february.following == date(2028, 3, 1)
    assert periods.period_of(date(2026, 8, 15), QUARTERLY).days == 92


@pytest.mark.parametrize(
    ("day", "start", "following"),
    [
        (date(2026, 1, 1), date(2026, 1, 1), date(2026, 4, 1)),
        (date(2026, 3, 31), date(2026, 1, 1), date(2026, 4, 1)),
        (date(2026, 4, 1), date(2026, 4, 1), date(2026, 7, 1)),
        (date(2026, 8, 20), date(2026, 7, 1), date(2026, 10, 1)),
        (date(2026, 12, 31), date(2026, 10, 1), date(2027, 1, 1)),
    ],
)
def test_quarters_start_in_january_april_july_and_october(day, start, following):
    assert periods.quarter_start(day) == periods.period_start(day, QUARTERLY) == start
    assert periods.next_quarter(day) == periods.next_period_start(day, QUARTERLY) == following


@pytest.mark.parametrize(
    ("day", "start", "following"),
    [
        (date(2026, 1, 31), date(2026, 1, 1), date(2026, 2, 1)),
        (date(2026, 12, 5), date(2026, 12, 1), date(2027, 1, 1)),
    ],
)
def test_months_start_on_the_first_and_roll_over_the_year(day, start, following):
    assert periods.month_start(day) == periods.period_start(day, MONTHLY) == start
    assert periods.next_month(day) == periods.next_period_start(day, MONTHLY) == following


def test_adding_months_goes_forward_and_back_across_years():
    assert periods.add_months(date(2026, 11, 30), 3) == date(2027, 2, 1)
    assert periods.add_months(date(2026, 2, 14), -2) == date(2025, 12, 1)
    assert periods.add_months(date(2026, 2, 14), 0) == date(2026, 2, 1)


def test_labels_follow_the_cadence():
    assert periods.period_label(date(2026, 10, 1), QUARTERLY) == "2026-Q4"
    assert periods.period_label(date(2026, 2, 1), MONTHLY) == "2026-02"
    assert periods.quarter_label(date(2027, 3, 31)) == "2027-Q1"
    assert periods.quarter_number(date(2026, 9, 30)) == 3


def test_the_first_day_of_a_quarter_is_found_from_its_number():
    assert periods.first_day_of_quarter(2026, 4) == date(2026, 10, 1)
    with pytest.raises(ValueError, match="no quarter 5"):
        periods.first_day_of_quarter(2026, 5)


def test_an_unknown_cadence_is_refused_rather_than_read_as_quarters():
    with pytest.raises(ValueError, match="unknown cadence 'weekly'"):
        periods.period_start(date(2026, 1, 1), "weekly")


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 12, 1), date(2027, 1, 1)),
        (date(2027, 5, 9), date(2027, 5, 9)),
        (date(2028, 2, 1), date(2027, 12, 31)),
    ],
)
def test_proposed_quarter_stays_inside_the_charter_period(today, expected):
    assert periods.proposed_quarter(today, date(2027, 1, 1), date(2027, 12, 31)) == expected
