import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from roadmap.charts import LABEL_WIDTH, VALUE_ROOM, WIDTH, bar_chart, resource_charts

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314  the drawing under test, not outside input


def test_bars_are_proportional_and_labelled_with_their_values():
    root = parse(
        bar_chart("Budget", [("2026-Q3", Decimal("1000")), ("2026-Q4", Decimal("250"))], "USD", "c")
    )

    bars = root.findall(f".//{SVG}rect[@class='bar']")
    full = WIDTH - LABEL_WIDTH - VALUE_ROOM
    assert float(bars[0].get("width")) == pytest.approx(full)
    assert float(bars[1].get("width")) == pytest.approx(full / 4)
    values = [node.text for node in root.iterfind(f".//{SVG}text[@class='value']")]
    assert values == ["1,000 USD", "250 USD"]
    assert root.get("role") == "img"
    # The title carries the values: it is the PDF figure's whole alternate text.
    assert root.find(f"{SVG}title").text == "Budget: 2026-Q3 1,000 USD; 2026-Q4 250 USD"
    assert root.find(f"{SVG}desc") is None


def test_all_zero_values_draw_empty_bars_without_dividing_by_zero():
    root = parse(bar_chart("FTE", [("2026-Q3", Decimal(0))], "FTE", "c", decimals=2))

    assert float(root.find(f".//{SVG}rect[@class='bar']").get("width")) == 0


def test_one_budget_chart_pair_per_currency_and_headcount_only_when_there_is_some():
    summary = {
        "by_quarter": [
            {
                "id": "2026-Q3",
                "average_fte": "0.00",
                "budget": [
                    {"currency": "EUR", "amount": "10.00"},
                    {"currency": "USD", "amount": "20.00"},
                ],
            }
        ],
        "by_phase": [{"name": "", "budget": [{"currency": "USD", "amount": "20.00"}]}],
        "totals": {
            "budget": [
                {"currency": "EUR", "amount": "10.00"},
                {"currency": "USD", "amount": "20.00"},
            ]
        },
    }

    charts = resource_charts(summary)

    assert [chart["title"] for chart in charts] == [
        "Budget by quarter (EUR)",
        "Budget by phase (EUR)",
        "Budget by quarter (USD)",
        "Budget by phase (USD)",
    ]
    assert "No phase" in charts[3]["svg"]
