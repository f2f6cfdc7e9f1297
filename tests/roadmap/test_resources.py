from datetime import date
from decimal import Decimal

from roadmap.resources import by_phase, by_quarter, peak_headcount, split_amount, totals

PERIOD = (date(2026, 7, 1), date(2027, 6, 30))


def milestone(start, end, budget=None, currency="USD", headcount=None, **extra):
    return {
        "id": extra.pop("id", 1),
        "phase_id": extra.pop("phase_id", 1),
        "start": start,
        "end": end,
        "status": extra.pop("status", "planned"),
        "budget": {"amount": budget, "currency": currency} if budget is not None else None,
        "headcount": headcount,
        "tools": extra.pop("tools", []),
    }


def quarter(rows, quarter_id):
    return next(row for row in rows if row["id"] == quarter_id)


def test_split_amount_keeps_every_cent():
    parts = split_amount(Decimal("100.00"), [1, 1, 1])

    assert sum(parts) == Decimal("100.00")
    assert sorted(parts) == [Decimal("33.33"), Decimal("33.33"), Decimal("33.34")]


def test_budget_is_spread_over_quarters_by_days():
    # 15 Aug – 14 Nov: 47 days in Q3, 45 days in Q4.
    rows = by_quarter([milestone("2026-08-15", "2026-11-14", budget="9200.00")], *PERIOD)

    assert quarter(rows, "2026-Q3")["budget"] == [{"currency": "USD", "amount": "4700.00"}]
    assert quarter(rows, "2026-Q4")["budget"] == [{"currency": "USD", "amount": "4500.00"}]
    assert quarter(rows, "2027-Q1")["budget"] == []


def test_quarters_cover_the_whole_charter_period_even_without_milestones():
    rows = by_quarter([], *PERIOD)

    assert [row["id"] for row in rows] == ["2026-Q3", "2026-Q4", "2027-Q1", "2027-Q2"]
    assert rows[0]["start"] == "2026-07-01" and rows[0]["end"] == "2026-09-30"


def test_quarters_extend_to_milestones_outside_the_period():
    rows = by_quarter([milestone("2027-06-01", "2027-08-31", budget="920")], *PERIOD)

    assert rows[-1]["id"] == "2027-Q3"
    assert rows[-1]["budget"] == [{"currency": "USD", "amount": "620.00"}]


def test_currencies_are_summed_apart_and_never_converted():
    rows = by_quarter(
        [
            milestone("2026-07-01", "2026-09-30", budget="1000", currency="USD"),
            milestone("2026-07-01", "2026-09-30", budget="500", currency="EUR"),
            milestone("2026-07-01", "2026-09-30", budget="250.50", currency="USD"),
        ],
        *PERIOD,
    )

    assert quarter(rows, "2026-Q3")["budget"] == [
        {"currency": "EUR", "amount": "500.00"},
        {"currency": "USD", "amount": "1250.50"},
    ]


def test_quarter_headcount_is_the_average_fte_over_the_quarter():
    rows = by_quarter(
        [
            milestone("2026-07-01", "2026-09-30", headcount="2.00"),
            # 46 of the 92 days of Q3.
            milestone("2026-08-16", "2026-09-30", headcount="1.00"),
        ],
        *PERIOD,
    )

    assert quarter(rows, "2026-Q3")["average_fte"] == "2.50"
    assert quarter(rows, "2026-Q3")["milestones"] == 2
    assert quarter(rows, "2026-Q4")["average_fte"] == "0.00"


def test_dropped_milestones_spend_nothing():
    dropped = milestone("2026-07-01", "2026-09-30", budget="1000", headcount="3", status="dropped")

    assert quarter(by_quarter([dropped], *PERIOD), "2026-Q3")["budget"] == []
    assert totals([dropped])["budget"] == []
    assert by_phase([dropped], [{"id": 1, "name": "Foundation"}])[0]["milestones"] == 0


def test_peak_headcount_adds_overlapping_milestones_only():
    overlapping = [
        milestone("2026-07-01", "2026-08-31", headcount="1.5"),
        milestone("2026-08-01", "2026-10-31", headcount="2"),
        milestone("2026-11-01", "2026-12-31", headcount="3"),
    ]

    assert peak_headcount(overlapping) == Decimal("3.50")


def test_phase_summary_has_a_row_per_phase_and_one_for_unphased_milestones():
    rows = by_phase(
        [
            milestone("2026-07-01", "2026-09-30", budget="100", phase_id=1, tools=["Gong"]),
            milestone("2026-07-01", "2026-09-30", budget="50", phase_id=None, tools=["Highspot"]),
        ],
        [{"id": 1, "name": "Foundation"}, {"id": 2, "name": "Scale"}],
    )

    assert [(row["id"], row["milestones"]) for row in rows] == [(1, 1), (2, 0), ("none", 1)]
    assert rows[0]["budget"] == [{"currency": "USD", "amount": "100.00"}]
    assert rows[0]["tools"] == ["Gong"]
    assert rows[1]["budget"] == []
