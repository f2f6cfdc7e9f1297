#!/usr/bin/env python3
"""Report a quarter's (or month's) deal figures from HubSpot as Charterboard metric actuals.

Reads the deals closed in the period through HubSpot's CRM search API (a private app token
with the ``crm.objects.deals.read`` scope), works out the figures below, and sends each to
``PUT /api/v1/metrics/{id}/actuals/{period}`` of Charterboard with a token that has the
``write:actuals`` scope. Running it twice for one period adds nothing the second time.

Figures: ``win_rate`` (% of closed deals that were won), ``won_amount`` (sum of the won
deals' amounts), ``deals_won`` (how many). Map each to a metric id with ``--map``.

    export HUBSPOT_TOKEN=pat-… CHARTERBOARD_TOKEN=cbt_…
    python hubspot_actuals.py --base-url https://charter.example.com --period 2026-Q3 \\
        --map win_rate=12 --map won_amount=14

``--report FILE`` reads a saved HubSpot search answer instead of calling HubSpot;
``--dry-run`` prints what would be sent and sends nothing. Standard library only.
"""

import argparse
import json
import os
import re
import sys
import urllib.error
import urllib.request
from datetime import UTC, date, datetime, time
from decimal import ROUND_HALF_UP, Decimal

HUBSPOT_SEARCH = "https://api.hubapi.com/crm/v3/objects/deals/search"
FIGURES = ("win_rate", "won_amount", "deals_won")


def period_bounds(period: str) -> tuple[date, date]:
    """``2026-Q3`` or ``2026-07`` → its first day and the first day after it."""
    if match := re.fullmatch(r"(\d{4})-Q([1-4])", period):
        year, quarter = int(match[1]), int(match[2])
        start = date(year, 3 * quarter - 2, 1)
        return start, date(year + quarter // 4, (3 * quarter) % 12 + 1, 1)
    if match := re.fullmatch(r"(\d{4})-(\d{2})", period):
        year, month = int(match[1]), int(match[2])
        return date(year, month, 1), date(year + month // 12, month % 12 + 1, 1)
    raise SystemExit(f"--period must look like 2026-Q3 or 2026-07, not {period!r}")


def _millis(day: date) -> int:
    return int(datetime.combine(day, time(), tzinfo=UTC).timestamp() * 1000)


def fetch_hubspot_deals(token: str, start: date, end: date) -> list[dict]:
    """Every deal closed in [start, end), page by page (HubSpot answers 100 at a time)."""
    deals, after = [], None
    while True:
        body = {
            "filterGroups": [
                {
                    "filters": [
                        {"propertyName": "closedate", "operator": "GTE", "value": _millis(start)},
                        {"propertyName": "closedate", "operator": "LT", "value": _millis(end)},
                        {"propertyName": "hs_is_closed", "operator": "EQ", "value": "true"},
                    ]
                }
            ],
            "properties": ["amount", "closedate", "hs_is_closed_won", "dealname"],
            "limit": 100,
            **({"after": after} if after else {}),
        }
        answer = _request("POST", HUBSPOT_SEARCH, token, body)
        deals.extend(answer.get("results", []))
        after = answer.get("paging", {}).get("next", {}).get("after")
        if not after:
            return deals


def figures(deals: list[dict]) -> dict[str, Decimal]:
    won = [deal for deal in deals if deal["properties"].get("hs_is_closed_won") == "true"]
    amount = sum((Decimal(deal["properties"].get("amount") or 0) for deal in won), Decimal(0))
    result = {"deals_won": Decimal(len(won)), "won_amount": amount.quantize(Decimal("0.01"))}
    if deals:
        rate = Decimal(100) * len(won) / len(deals)
        result["win_rate"] = rate.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return result


def _request(method: str, url: str, token: str, body: dict) -> dict:
    if not url.startswith(("https://", "http://")):
        raise SystemExit(f"Only http(s) addresses are called, not {url!r}")
    request = urllib.request.Request(  # noqa: S310  the scheme is checked above
        url,
        data=json.dumps(body).encode(),
        method=method,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return json.loads(response.read() or b"{}")


def send_actual(
    base_url: str, token: str, metric_id: int, period: str, body: dict
) -> tuple[int, dict]:
    url = f"{base_url.rstrip('/')}/api/v1/metrics/{metric_id}/actuals/{period}"
    try:
        return 200, _request("PUT", url, token, body)
    except urllib.error.HTTPError as error:
        try:
            detail = json.loads(error.read()).get("detail")
        except ValueError:
            detail = error.reason
        return error.code, {"detail": detail}


def parse_map(pairs: list[str]) -> dict[str, int]:
    mapping = {}
    for pair in pairs:
        figure, _, metric_id = pair.partition("=")
        if figure not in FIGURES or not metric_id.isdigit():
            raise SystemExit(
                f"--map takes FIGURE=METRIC_ID with a figure of {FIGURES}, not {pair!r}"
            )
        mapping[figure] = int(metric_id)
    return mapping


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default=os.environ.get("CHARTERBOARD_URL", ""))
    parser.add_argument("--period", required=True, help="2026-Q3 or 2026-07")
    parser.add_argument("--map", action="append", default=[], help="FIGURE=METRIC_ID")
    parser.add_argument("--report", help="a saved HubSpot deals search answer (JSON) to read")
    parser.add_argument("--replace", action="store_true", help="replace different values")
    parser.add_argument("--dry-run", action="store_true", help="print, send nothing")
    args = parser.parse_args(argv)
    mapping = parse_map(args.map)
    if not mapping:
        parser.error("give at least one --map FIGURE=METRIC_ID")

    start, end = period_bounds(args.period)
    if args.report:
        with open(args.report, encoding="utf-8") as file:
            deals = json.load(file).get("results", [])
    else:
        deals = fetch_hubspot_deals(os.environ["HUBSPOT_TOKEN"], start, end)
    found = figures(deals)

    failed = False
    for figure, metric_id in mapping.items():
        if figure not in found:
            print(f"{figure}: no closed deals in {args.period}, nothing sent")
            continue
        body = {
            "value": str(found[figure]),
            "note": f"HubSpot, {len(deals)} closed deals",
            "replace": args.replace,
        }
        if args.dry_run:
            print(f"{figure} → metric {metric_id}, {args.period}: {body['value']} (dry run)")
            continue
        if not args.base_url:
            parser.error("--base-url (or CHARTERBOARD_URL) is needed to send")
        status, answer = send_actual(
            args.base_url, os.environ["CHARTERBOARD_TOKEN"], metric_id, args.period, body
        )
        if status < 300:
            print(f"{figure} → metric {metric_id}, {args.period}: {answer['outcome']}")
        else:
            failed = True
            print(
                f"{figure} → metric {metric_id}: refused ({status}): {answer['detail']}",
                file=sys.stderr,
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
