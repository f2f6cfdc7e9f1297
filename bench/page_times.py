"""How long each main page of the demo takes to answer, one user at a time.

Seeds the demo charter into the PostgreSQL database in ``DATABASE_URL`` (refuses to run
without one; use a throwaway database: it is migrated and the demo reseeded), signs in as the
demo owner and asks each main page ``--rounds`` times after one warm-up request, in this
process through Django's test client: the time is the server's (middleware, views, queries,
templates), without the network or gunicorn in front, with production settings
(``DJANGO_DEBUG=0``: no query log, cached templates) and, when ``REDIS_URL`` is set, Redis for
the cache and sessions as in production (without it the file cache of a laptop). Prints each page's median and its query
count, then the summary line
``pages=N median_ms=X slowest_ms=X slowest_page=/… max_queries=N``.

    DATABASE_URL=postgres://… REDIS_URL=redis://… .venv/bin/python bench/page_times.py [--rounds 15] [--seconds 120]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.harness import QueryCounter, production_environment  # noqa: E402 — needs ROOT on the path


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="timed requests per page")
    parser.add_argument("--seconds", type=float, default=120, help="stop asking after this long")
    args = parser.parse_args()
    if not 1 <= args.rounds <= 500 or not 0 < args.seconds <= 900:
        parser.error("--rounds must be 1–500 and --seconds 0–900")
    return args


def main() -> None:
    args = parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        raise SystemExit("Set DATABASE_URL to a throwaway PostgreSQL database first.")
    production_environment()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from charter.models import Membership, Role
    from tests.browser.demo_pages import main_pages, seed_demo

    call_command("migrate", verbosity=0)
    # Production serves hashed static names from a manifest that collectstatic writes.
    call_command("collectstatic", interactive=False, verbosity=0)
    charter = seed_demo()
    owner = Membership.objects.filter(workspace=charter.workspace, role=Role.OWNER).first().user
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(owner)

    deadline = time.monotonic() + args.seconds
    results = []
    for path in main_pages(charter):
        response = client.get(path)
        if response.status_code == 302:
            path = response.url
            response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        # Counted by a wrapper: each request resets Django's own query log as it starts.
        queries = QueryCounter()
        with connection.execute_wrapper(queries):
            client.get(path)
        timings = []
        for _round in range(args.rounds):
            if time.monotonic() > deadline:
                break
            began = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - began) * 1000)
        if not timings:
            break
        median = statistics.median(timings)
        results.append((path, median, len(queries)))
        print(f"{median:8.1f} ms {len(queries):4d} queries  {path}")

    from django.conf import settings

    print(f"cache={settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}")
    medians = [median for _path, median, _queries in results]
    slowest_path, slowest, _queries = max(results, key=lambda result: result[1])
    print(
        f"pages={len(results)} median_ms={statistics.median(medians):.1f} "
        f"slowest_ms={slowest:.1f} slowest_page={slowest_path} "
        f"max_queries={max(queries for _path, _median, queries in results)}"
    )


if __name__ == "__main__":
    main()
