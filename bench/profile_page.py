"""Where one demo page spends its time: CPU per request, queries, and a cProfile of it.

Seeds the demo into the PostgreSQL database in ``DATABASE_URL`` (a throwaway one: it is
migrated and reseeded) unless ``--no-seed``, signs in as the demo owner and asks each page
once to warm up, then ``--rounds`` times, then ``--rounds`` times under cProfile. Times on a
shared machine swing with the other processes, so it prints what they disturb least: the
median CPU milliseconds per request (the process's, unprofiled), the Python function calls
per request (profiled), the query count and the repeated queries, then the profile's top
``--top`` functions by cumulative and by own time.

    DATABASE_URL=postgres://… .venv/bin/python bench/profile_page.py [--rounds 10] \
        [--top 30] [--no-seed] section:future-success meeting board review
"""

import argparse
import collections
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.harness import QueryCounter  # noqa: E402 — needs ROOT on the path


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="+", help="section:<key>, meeting, board, review, or a path")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--top", type=int, default=30, help="functions listed per sort")
    parser.add_argument("--no-seed", action="store_true", help="use the demo already seeded")
    parser.add_argument("--no-profile", action="store_true", help="CPU time and queries only")
    parser.add_argument("--sql", action="store_true", help="list every query of a request")
    parser.add_argument("--dump", help="also write each page's profile to DUMP-<n>.prof")
    args = parser.parse_args()
    if not 1 <= args.rounds <= 200:
        parser.error("--rounds must be 1–200")
    return args


def resolve(name, charter):
    from django.urls import reverse

    from governance.models import Meeting

    workspace = charter.workspace.slug
    last = charter.versions.order_by("number").last()
    if name.startswith("section:"):
        key = name.split(":", 1)[1]
        return reverse(
            "charter:section",
            kwargs={"workspace": workspace, "charter_pk": charter.pk, "section_key": key},
        )
    if name == "meeting":
        meeting = Meeting.objects.filter(charter=charter).first()
        return reverse(
            "governance:meeting", kwargs={"workspace": workspace, "meeting_pk": meeting.pk}
        )
    if name == "board":
        return reverse("governance:board", kwargs={"workspace": workspace})
    if name == "review":
        return reverse(
            "governance:review", kwargs={"workspace": workspace, "charterversion_pk": last.pk}
        )
    return name


def main() -> None:
    args = parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        raise SystemExit("Set DATABASE_URL to a throwaway PostgreSQL database first.")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from charter.models import Charter, Membership, Role
    from tests.browser.demo_pages import seed_demo

    if args.no_seed:
        charter = Charter.objects.get(workspace__name="Northwind Sales Enablement")
    else:
        call_command("migrate", verbosity=0)
        charter = seed_demo()
    owner = Membership.objects.filter(workspace=charter.workspace, role=Role.OWNER).first().user
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(owner)

    for name in args.pages:
        path = resolve(name, charter)
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        queries = QueryCounter()
        with connection.execute_wrapper(queries):
            client.get(path)
        cpu_ms = []
        for _round in range(args.rounds):
            began = time.process_time()
            client.get(path)
            cpu_ms.append((time.process_time() - began) * 1000)
        print(f"\n=== {path}")
        print(f"cpu_ms_median={statistics.median(cpu_ms):.1f} queries={len(queries)}", end="")
        if args.no_profile:
            print()
        else:
            profile = cProfile.Profile()
            for _round in range(args.rounds):
                profile.runcall(client.get, path)
            stats = pstats.Stats(profile)
            # Python function calls per request: a figure other processes on the machine do
            # not disturb, unlike any time.
            print(f" calls_per_request={stats.total_calls // args.rounds}")
        if args.sql:
            for sql in queries:
                print(f"  {sql[:300]}")
        repeated = collections.Counter(queries).most_common()
        for sql, times in repeated:
            if times > 1:
                print(f"  {times}x {sql[:160]}")
        if args.no_profile:
            continue
        if args.dump:
            profile.dump_stats(f"{args.dump}-{args.pages.index(name)}.prof")
        if not args.top:
            continue
        for sort in ("cumulative", "tottime"):
            out = io.StringIO()
            pstats.Stats(profile, stream=out).strip_dirs().sort_stats(sort).print_stats(args.top)
            print(out.getvalue().split("\n", 6)[-1])


if __name__ == "__main__":
    main()
