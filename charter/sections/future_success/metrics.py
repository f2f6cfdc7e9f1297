"""Metric progress and status: how far a metric has come, and whether that is enough.

**Progress** is the share of the way from baseline to target that the latest actual covers:
``(latest − baseline) / (target − baseline)``, shown as a whole percentage. The formula
follows the target wherever it lies, so a lower-is-better metric (ramp time 180 → 120 days,
now 160) counts its fall as progress (33 %). It can be negative (moving the wrong way) or
above 100 % (beyond target).

* Without a baseline, the first reported actual is the starting point.
* When baseline and target are equal, the metric is at 100 % if the latest actual is at the
  target or better in the desired direction, else at 0 %.

**Status** compares progress with the share of the charter period that had elapsed at the
end of the latest actual's period (what that actual could have achieved; a report that is
not due yet does not make a metric look late):

* *on track* — target reached, or progress at least the elapsed share minus 10 points;
* *at risk* — progress within 25 points of the elapsed share;
* *off track* — further behind;
* *no data* — no actual reported yet; *no target* — nothing to measure progress against.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from charter.periods import period_of

ON_TRACK_MARGIN = Decimal("0.10")
AT_RISK_MARGIN = Decimal("0.25")


class Status(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    OFF_TRACK = "off_track", _("Off track")
    NO_DATA = "no_data", _("No data")
    NO_TARGET = "no_target", _("No target")


@dataclass(frozen=True)
class Evaluation:
    latest: Decimal | None
    latest_period: date | None
    progress: Decimal | None  # a fraction: 0.36 is 36 %
    expected: Decimal | None  # the elapsed share of the charter period, same scale
    status: Status

    @property
    def progress_percent(self) -> int | None:
        return _percent(self.progress)

    @property
    def expected_percent(self) -> int | None:
        return _percent(self.expected)


def _percent(share: Decimal | None) -> int | None:
    if share is None:
        return None
    return int((share * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def progress(baseline: Decimal, target: Decimal, latest: Decimal, decrease: bool) -> Decimal:
    """The share of the way from baseline to target that ``latest`` covers."""
    if target == baseline:
        reached = latest <= target if decrease else latest >= target
        return Decimal(1) if reached else Decimal(0)
    return (latest - baseline) / (target - baseline)


def elapsed_share(period_start: date, period_end: date, day: date) -> Decimal:
    """How much of [period_start, period_end] lies before the end of ``day``, from 0 to 1."""
    total = (period_end - period_start).days + 1
    done = (day - period_start).days + 1
    return min(max(Decimal(done) / Decimal(total), Decimal(0)), Decimal(1))


def status_for(progress_share: Decimal, expected: Decimal) -> Status:
    if progress_share >= 1 or progress_share >= expected - ON_TRACK_MARGIN:
        return Status.ON_TRACK
    if progress_share >= expected - AT_RISK_MARGIN:
        return Status.AT_RISK
    return Status.OFF_TRACK


def evaluate(
    *,
    baseline: Decimal | None,
    target: Decimal | None,
    decrease: bool,
    cadence: str,
    actuals: Sequence[tuple[date, Decimal]],
    charter_start: date,
    charter_end: date,
) -> Evaluation:
    """Progress and status of a metric from its actuals as (period start, value) pairs."""
    ordered = sorted(actuals)
    if not ordered:
        return Evaluation(None, None, None, None, Status.NO_DATA)
    latest_period, latest = ordered[-1]
    if target is None:
        return Evaluation(latest, latest_period, None, None, Status.NO_TARGET)
    start = baseline if baseline is not None else ordered[0][1]
    share = progress(start, target, latest, decrease)
    period_end = period_of(latest_period, cadence).end
    expected = elapsed_share(charter_start, charter_end, period_end)
    return Evaluation(latest, latest_period, share, expected, status_for(share, expected))


def evaluate_metric(metric) -> Evaluation:
    """Evaluate a ``Metric`` with its ``actuals`` prefetched and its ``charter`` loaded."""
    return evaluate(
        baseline=metric.baseline,
        target=metric.target,
        decrease=metric.direction == "decrease",
        cadence=metric.cadence,
        actuals=[(actual.period_start, actual.value) for actual in metric.actuals.all()],
        charter_start=metric.charter.period_start,
        charter_end=metric.charter.period_end,
    )
