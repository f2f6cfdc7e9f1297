"""The CRM recipe's example script, run as a CRM admin would: against a live server, twice."""

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from charter.models import MetricActual
from tests.charter.api_helpers import token_holder
from tests.charter.section_factories import MetricFactory

SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "examples" / "hubspot_actuals.py"
REPORT = Path(__file__).with_name("hubspot_deals_2026_q3.json")


def _run(*arguments, token="", base_url=""):
    environment = {**os.environ, "CHARTERBOARD_TOKEN": token}
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--report", str(REPORT), "--period", "2026-Q3", *arguments]
        + (["--base-url", base_url] if base_url else []),
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )


@pytest.mark.django_db(transaction=True)
def test_the_script_posts_the_quarter_once_and_adds_nothing_the_second_time(live_server, client):
    holder = token_holder(client)
    win_rate = MetricFactory(charter=holder.charter, name="Win rate")
    revenue = MetricFactory(charter=holder.charter, name="Won revenue", unit="USD")
    mapping = ["--map", f"win_rate={win_rate.pk}", "--map", f"won_amount={revenue.pk}"]

    first = _run(*mapping, token=holder.secret, base_url=live_server.url)
    second = _run(*mapping, token=holder.secret, base_url=live_server.url)

    assert first.returncode == 0, first.stderr
    assert first.stdout.count(": created") == 2
    assert second.returncode == 0, second.stderr
    assert second.stdout.count(": unchanged") == 2
    stored = {actual.metric_id: actual for actual in MetricActual.objects.all()}
    assert stored[win_rate.pk].value == Decimal("60.00")
    assert stored[revenue.pk].value == Decimal("173000.50")
    assert {actual.source for actual in stored.values()} == {MetricActual.Source.API}
    assert stored[win_rate.pk].note == "HubSpot, 5 closed deals"


@pytest.mark.django_db(transaction=True)
def test_a_token_of_another_workspace_is_refused_and_the_script_says_so(live_server, client):
    ours, theirs = token_holder(client), token_holder(client)
    metric = MetricFactory(charter=ours.charter)

    refused = _run("--map", f"deals_won={metric.pk}", token=theirs.secret, base_url=live_server.url)

    assert refused.returncode == 1
    assert "refused (404)" in refused.stderr
    assert not MetricActual.objects.exists()


def test_a_dry_run_prints_the_figures_and_sends_nothing():
    dry = _run("--map", "win_rate=1", "--map", "deals_won=2", "--dry-run")

    assert dry.returncode == 0, dry.stderr
    assert "win_rate → metric 1, 2026-Q3: 60.00 (dry run)" in dry.stdout
    assert "deals_won → metric 2, 2026-Q3: 3 (dry run)" in dry.stdout
