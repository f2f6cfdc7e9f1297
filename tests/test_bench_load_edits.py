"""The autosave load bench paces its editors as the browser's autosave does, unless told not to."""

import importlib.util
from pathlib import Path

import pytest

from charter.editing.autosave import AUTOSAVE_DELAY_SECONDS

BENCH = Path(__file__).resolve().parents[1] / "bench" / "load_edits.py"


@pytest.fixture(scope="module")
def load_edits():
    spec = importlib.util.spec_from_file_location("load_edits", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_editors_pause_for_the_autosave_delay_by_default(load_edits):
    args = load_edits.parse_args([])

    assert args.pause == AUTOSAVE_DELAY_SECONDS
    assert (args.editors, args.seconds, args.workers, args.threads) == (50, 60, 4, 4)


def test_pause_zero_sends_back_to_back(load_edits):
    assert load_edits.parse_args(["--pause", "0"]).pause == 0


def test_a_negative_pause_is_refused(load_edits):
    with pytest.raises(SystemExit):
        load_edits.parse_args(["--pause", "-1"])


def test_percentiles_read_the_sorted_latencies(load_edits):
    latencies = [float(ms) for ms in range(1, 101)]

    assert load_edits.summary("client_", latencies) == (
        "client_p50_ms=51.0 client_p95_ms=96.0 client_p99_ms=100.0"
    )
    assert load_edits.summary("", []) == "p50_ms=0.0 p95_ms=0.0 p99_ms=0.0"
