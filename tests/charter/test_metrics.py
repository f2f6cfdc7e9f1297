"""Progress and status rules of metrics (charter/metrics.py)."""

from datetime import date
from decimal import Decimal as D

import pytest

from charter.sections.future_success.metrics import (
    Status,
    elapsed_share,
    evaluate,
    progress,
)

YEAR = {"charter_start": date(2026, 7, 1), "charter_end": date(2027, 6, 30)}


def quarterly(baseline, target, actuals, decrease=False):
    return evaluate(
        baseline=None if baseline is None else D(baseline),
        target=None if target is None else D(target),
        decrease=decrease,
        cadence="quarterly",
        actuals=[(start, D(value)) for start, value in actuals],
        **YEAR,
    )


def test_progress_is_the_share_of_the_way_from_baseline_to_target():
    assert progress(D(20), D(30), D(25), decrease=False) == D("0.5")


def test_a_fall_is_progress_for_a_lower_is_better_metric():
    assert progress(D(180), D(120), D(160), decrease=True) == D(20) / D(60)


def test_moving_the_wrong_way_is_negative_progress():
    assert progress(D(30), D(60), D(27), decrease=False) == D("-0.1")


@pytest.mark.parametrize(
    ("latest", "decrease", "expected"),
    [("10", False, 1), ("11", False, 1), ("9", False, 0), ("9", True, 1), ("11", True, 0)],
)
def test_baseline_equal_to_target_is_all_or_nothing(latest, decrease, expected):
    assert progress(D(10), D(10), D(latest), decrease=decrease) == expected


def test_elapsed_share_is_clamped_to_the_charter_period():
    assert elapsed_share(date(2026, 7, 1), date(2027, 6, 30), date(2025, 12, 31)) == 0
    assert elapsed_share(date(2026, 7, 1), date(2027, 6, 30), date(2028, 1, 1)) == 1
    assert elapsed_share(date(2026, 1, 1), date(2026, 1, 10), date(2026, 1, 5)) == D("0.5")


def test_no_actual_means_no_data():
    result = quarterly("20", "30", [])

    assert result.status == Status.NO_DATA
    assert result.latest is None and result.progress is None


def test_no_target_means_no_target_but_keeps_the_latest_actual():
    result = quarterly("20", None, [(date(2026, 7, 1), "22")])

    assert result.status == Status.NO_TARGET
    assert result.latest == D(22)
    assert result.progress is None


def test_on_track_when_progress_keeps_up_with_the_period():
    # Q3 ends on 30 Sep: 92 of 365 days, 25 % of the period; 30 % of the way is ahead.
    result = quarterly("20", "30", [(date(2026, 7, 1), "23")])

    assert result.expected_percent == 25
    assert result.progress_percent == 30
    assert result.status == Status.ON_TRACK


def test_at_risk_when_more_than_ten_points_behind():
    # Q1 2027 ends on 31 Mar: 75 % of the period; 60 % of the way is 15 points behind.
    result = quarterly("20", "30", [(date(2027, 1, 1), "26")])

    assert result.expected_percent == 75
    assert result.status == Status.AT_RISK


def test_off_track_when_more_than_twenty_five_points_behind():
    result = quarterly("20", "30", [(date(2027, 1, 1), "24")])

    assert result.progress_percent == 40
    assert result.status == Status.OFF_TRACK


def test_decrease_metric_on_track_when_falling_fast_enough():
    result = quarterly("180", "120", [(date(2026, 4, 1), "185"), (date(2026, 7, 1), "160")], True)

    assert result.progress_percent == 33
    assert result.status == Status.ON_TRACK


def test_decrease_metric_off_track_when_rising():
    result = quarterly("180", "120", [(date(2027, 1, 1), "190")], decrease=True)

    assert result.progress_percent == -17
    assert result.status == Status.OFF_TRACK


def test_reaching_the_target_is_on_track_whatever_the_date():
    result = quarterly("20", "30", [(date(2026, 7, 1), "31")])

    assert result.progress_percent == 110
    assert result.status == Status.ON_TRACK


def test_the_latest_actual_counts_whatever_the_order_they_come_in():
    result = quarterly("20", "30", [(date(2026, 10, 1), "28"), (date(2026, 7, 1), "21")])

    assert result.latest == D(28)
    assert result.latest_period == date(2026, 10, 1)


def test_without_a_baseline_the_first_actual_is_the_starting_point():
    result = quarterly(None, "30", [(date(2026, 7, 1), "20"), (date(2026, 10, 1), "25")])

    assert result.progress_percent == 50
