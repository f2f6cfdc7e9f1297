"""Where one autosave's server time goes: its queries, its CPU time and a cProfile.

Posts the future success vision's autosave ``--rounds`` times through Django's test client
(the whole middleware stack, no network), as ``tests/integration/http_editor.py`` does over
HTTP, against the database in ``DATABASE_URL`` (a throwaway one: it is migrated, and a
workspace named ``bench-…`` is added and removed again) with the settings of production
(``DJANGO_DEBUG=0``). Prints the SQL of one autosave, then

``queries=N cpu_ms_median=X wall_ms_median=X`` and, with ``--profile``, the top functions.

    DATABASE_URL=postgres://… REDIS_URL=redis://… .venv/bin/python bench/profile_autosave.py \\
        [--rounds 200] [--profile]
"""

import argparse
import cProfile
import os
import pstats
import re
import secrets
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.harness import production_environment  # noqa: E402 — needs ROOT on the path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--profile", action="store_true", help="print the cProfile top 40")
    args = parser.parse_args()
    production_environment(allowed_hosts="testserver,127.0.0.1")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from charter.models import Charter, FutureSuccess, Membership, Role, Workspace
    from charter.sections.future_success.editors import VISION

    call_command("migrate", verbosity=0)
    tag = secrets.token_hex(4)
    workspace = Workspace.objects.create(name=f"bench-{tag}")
    try:
        charter = Charter.objects.create(
            workspace=workspace,
            title="Profiled charter",
            period_start=date(2026, 7, 1),
            period_end=date(2027, 6, 30),
            language="en",
        )
        FutureSuccess.objects.create(charter=charter)
        user = get_user_model().objects.create_user(f"bench-{tag}")
        Membership.objects.create(workspace=workspace, user=user, role=Role.EDITOR)
        client = Client(HTTP_HX_REQUEST="true")
        client.force_login(user)
        path = reverse(f"charter:{VISION.url_names['edit']}", args=[workspace.slug, charter.pk])
        hidden = re.compile(r'name="(revision|base|csrfmiddlewaretoken)" value="([^"]*)"')
        form = dict(hidden.findall(client.get(path).content.decode()))

        def autosave(number: int) -> None:
            response = client.post(path, {**form, "autosave": "1", "vision": f"Vision {number}"})
            if response.status_code != 200:
                raise SystemExit(f"autosave answered {response.status_code}")
            form.update(hidden.findall(response.content.decode()))

        for number in range(10):  # warm caches, connections and templates
            autosave(number)
        with CaptureQueriesContext(connection) as queries:
            autosave(10)
        query_count = len(queries.captured_queries)
        for query in queries.captured_queries:
            print(query["sql"][:160])

        cpu_ms, wall_ms = [], []
        profiler = cProfile.Profile() if args.profile else None
        for number in range(11, 11 + args.rounds):
            cpu, wall = time.process_time(), time.perf_counter()
            if profiler:
                profiler.enable()
            autosave(number)
            if profiler:
                profiler.disable()
            cpu_ms.append((time.process_time() - cpu) * 1000)
            wall_ms.append((time.perf_counter() - wall) * 1000)
        if profiler:
            pstats.Stats(profiler).sort_stats(
                os.environ.get("PROFILE_SORT", "cumulative")
            ).print_stats(40)
        print(
            f"queries={query_count} cpu_ms_median={statistics.median(cpu_ms):.2f} "
            f"wall_ms_median={statistics.median(wall_ms):.2f}"
        )
    finally:
        workspace.delete()


if __name__ == "__main__":
    main()
