"""What keeping the charter's JSON document in every published snapshot costs (restore from
PDF, docs/decisions.md note 28): the snapshot with and without it, in time and size, and the
restore of the demo charter from its draft PDF.

Runs on a throwaway in-memory SQLite database with the demo seeded, so it needs no services:

    .venv/bin/python bench/publish_bench.py [--repeat 5]

The last line sums it up: ``snapshot_s=… with_portable_s=… snapshot_kb=… with_portable_kb=…
read_pdf_s=…``.
"""

import argparse
import io
import os
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIME_LIMIT_S = 600


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = "sqlite://:memory:"
    os.environ["CHARTERBOARD_VAR_DIR"] = tempfile.mkdtemp(prefix="publish-bench-")
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.db import connection

    connection.creation.create_test_db(verbosity=0, autoclobber=True)


def timed(function, repeat: int) -> tuple[float, object]:
    durations, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        durations.append(time.perf_counter() - started)
    return statistics.median(durations), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    signal.alarm(TIME_LIMIT_S)  # a benchmark must never hang a CI job
    setup_django()
    from django.core.management import call_command

    from charter.documents.finishing import make_pdf
    from charter.documents.restore import embedded_snapshot
    from charter.models import Charter, PdfExport
    from charter.versions.publishing import canonical_json, take_snapshot

    call_command("seed_demo", stdout=io.StringIO())
    charter = Charter.objects.get()
    plain_s, plain = timed(lambda: take_snapshot(charter), args.repeat)
    portable_s, full = timed(lambda: take_snapshot(charter, with_portable=True), args.repeat)
    version = charter.versions.order_by("-number").first()
    version.snapshot = full
    export = PdfExport(version=version, kind=PdfExport.Kind.CHARTER, version_status=version.status)
    data = make_pdf(export).data
    read_s, _embedded = timed(lambda: embedded_snapshot(data), args.repeat)
    plain_kb = len(canonical_json(plain).encode()) / 1024
    full_kb = len(canonical_json(full).encode()) / 1024
    print(
        f"snapshot_s={plain_s:.3f} with_portable_s={portable_s:.3f} "
        f"snapshot_kb={plain_kb:.0f} with_portable_kb={full_kb:.0f} read_pdf_s={read_s:.3f}"
    )


if __name__ == "__main__":
    main()
