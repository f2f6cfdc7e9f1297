"""Time the roadmap of a 200-milestone charter: the snapshot from the database, then the drawing.

Runs the real code path on a throwaway in-memory SQLite database (all migrations applied),
so it needs no services and leaves nothing behind:

    .venv/bin/python bench/timeline_bench.py [--milestones 200] [--repeat 3]

The last line sums it up: ``milestones=200 snapshot_s=… draw_s=… svg_kb=…``.
"""

import argparse
import os
import random
import signal
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIME_LIMIT_S = 300


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = "sqlite://:memory:"
    os.environ["CHARTERBOARD_VAR_DIR"] = tempfile.mkdtemp(prefix="timeline-bench-")
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.db import connection

    connection.creation.create_test_db(verbosity=0, autoclobber=True)


def build_roadmap(count: int):
    """A charter with three phases and ``count`` milestones with owners, links and resources."""
    from django.contrib.auth import get_user_model

    from charter.models import Charter, MaturityModel, Membership, Metric, Objective, Workspace
    from roadmap.models import Milestone, Phase, Status

    rng = random.Random(2026)
    workspace = Workspace.objects.create(name="Bench")
    owners = []
    for number in range(8):
        user = get_user_model().objects.create(
            username=f"owner{number}", first_name="Owner", last_name=f"Number {number}"
        )
        Membership.objects.create(workspace=workspace, user=user, role="editor")
        owners.append(user)
    charter = Charter.objects.create(
        workspace=workspace,
        title="Bench charter",
        period_start=date(2026, 7, 1),
        period_end=date(2027, 6, 30),
    )
    levels = {level.rank: level for level in MaturityModel.for_workspace(workspace).levels.all()}
    phases = [
        Phase.objects.create(charter=charter, target_level=levels[rank], name=f"Phase {rank}")
        for rank in (3, 4, 5)
    ]
    metrics = [Metric.objects.create(charter=charter, name=f"Metric {n}") for n in range(6)]
    objectives = [Objective.objects.create(charter=charter, title=f"Goal {n}") for n in range(4)]
    statuses = list(Status.values)
    milestones = []
    for number in range(count):
        start = date(2026, 6, 1) + timedelta(days=rng.randrange(0, 420))
        length = 0 if number % 7 == 0 else rng.randrange(14, 150)
        milestones.append(
            Milestone(
                charter=charter,
                phase=phases[number * len(phases) // count],
                title=f"Milestone {number}: enablement initiative with a realistic name",
                owner=owners[number % len(owners)],
                start=start,
                end=start + timedelta(days=length),
                status=statuses[number % len(statuses)],
                budget_amount=Decimal(rng.randrange(1000, 90000)),
                budget_currency="USD" if number % 5 else "EUR",
                headcount=Decimal(rng.randrange(0, 30)) / 10,
                tools="Highspot, Gong" if number % 2 else "Lessonly",
            )
        )
    milestones = Milestone.objects.bulk_create(milestones)
    # Each milestone depends on up to two earlier ones: plenty of arrows, never a cycle.
    through = Milestone.depends_on.through
    through.objects.bulk_create(
        through(from_milestone=later, to_milestone=earlier)
        for index, later in enumerate(milestones[1:], start=1)
        for earlier in rng.sample(milestones[max(0, index - 10) : index], k=min(index, 2))
    )
    Milestone.metrics.through.objects.bulk_create(
        Milestone.metrics.through(milestone=m, metric=metrics[i % len(metrics)])
        for i, m in enumerate(milestones)
    )
    Milestone.objectives.through.objects.bulk_create(
        Milestone.objectives.through(milestone=m, objective=objectives[i % len(objectives)])
        for i, m in enumerate(milestones)
    )
    return charter


def best_of(repeat: int, function):
    """(fastest seconds, last result) over ``repeat`` runs."""
    timings, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        timings.append(time.perf_counter() - started)
    return min(timings), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--milestones", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    signal.alarm(TIME_LIMIT_S)  # a benchmark must never hang a CI job

    setup_django()
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    from charter.registry import registry, snapshot_section
    from roadmap.charts import resource_charts
    from roadmap.display import roadmap_display
    from roadmap.timeline import render_timeline

    def drawn_afresh(draw):
        """What drawing costs, not what remembering a drawing costs."""

        def run():
            render_timeline.cache_clear()
            resource_charts.cache_clear()
            return draw()

        return run

    charter = build_roadmap(options.milestones)
    section = registry.get("roadmap")
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        snapshot_s, data = best_of(options.repeat, lambda: snapshot_section(section, charter))
    today = date(2026, 11, 15)
    draw_s, (svg,) = best_of(
        options.repeat, drawn_afresh(lambda: render_timeline(data, today, "phase"))
    )
    owner_s, _pages = best_of(
        options.repeat, drawn_afresh(lambda: render_timeline(data, today, "owner"))
    )
    pdf_s, pages = best_of(
        options.repeat, drawn_afresh(lambda: roadmap_display(data, "pdf", today=today)["timeline"])
    )

    print(f"snapshot: {snapshot_s:.3f} s, {len(queries) // options.repeat} queries")
    print(f"timeline by phase (screen): {draw_s:.3f} s, {len(svg) / 1024:.1f} KiB")
    print(f"timeline by owner (screen): {owner_s:.3f} s")
    print(f"section drawings for the PDF: {pdf_s:.3f} s, {len(pages)} timeline pages")
    print(
        f"milestones={len(data['milestones'])} snapshot_s={snapshot_s:.3f} "
        f"draw_s={draw_s:.3f} svg_kb={len(svg) / 1024:.1f}"
    )


if __name__ == "__main__":
    main()
