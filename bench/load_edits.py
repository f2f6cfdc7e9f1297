"""Load the autosave with editors in pairs, each owning different fields of one row.

Starts gunicorn on loopback with production settings (``DJANGO_DEBUG=0``, a random secret
key, ``DJANGO_ALLOWED_HOSTS=127.0.0.1``; only the HTTPS redirect is off, since loopback has
no TLS) against the PostgreSQL database in ``DATABASE_URL`` (refuses to run without one; use
a throwaway database: it is migrated, and a workspace named ``bench-…`` is added and removed
again) and the Redis of ``REDIS_URL`` when set (cache and sessions, as in production). It
creates ``--editors`` people in pairs per charter — one autosaving the vision, the other the
mission of its future success; or one the business strategy, the other the go-to-market of
its current state — and lets every editor autosave for ``--seconds`` or until
``--max-requests`` answers, whichever comes first.

Pacing: after each answer an editor waits ``--pause`` seconds before its next autosave. The
default is the browser's autosave delay (``AUTOSAVE_DELAY_SECONDS``, the second after the last
keystroke), so each editor sends at most one autosave per second plus its answer's time, as
someone typing without a break would; real people pause longer, so this is the busiest
realistic load. Editors start spread over the first pause so that they do not send in step.
``--pause 0`` sends back to back: a stress test of throughput, not of editing.

Every field has one owner, so any 409 is a false conflict. Afterwards each field must hold
the last text its owner's autosave was acknowledged for (200); any other value is a lost
write.

    DATABASE_URL=postgres://… REDIS_URL=redis://… .venv/bin/python bench/load_edits.py \\
        [--editors 50] [--seconds 60] [--pause 1] [--max-requests 50000] [--workers 4] \\
        [--threads 4]

Latencies: ``p50_ms p95_ms p99_ms`` are the server's own time per autosave (its
``Server-Timing: app;dur=…``, from the outermost middleware), ``cpu_p50_ms`` its CPU time,
and ``client_p50_ms …`` what the editors waited, queueing in gunicorn and loopback included.
The last line sums it up: ``p50_ms=X p95_ms=X p99_ms=X rps=X errors=N lost=N …``.
"""

import argparse
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.harness import production_environment  # noqa: E402 — needs ROOT on the path
from charter.editing.autosave import AUTOSAVE_DELAY_SECONDS  # noqa: E402 — needs ROOT on the path

STARTUP_LIMIT_S = 120
JOIN_GRACE_S = 40  # a request in flight at the deadline may take up to its own timeout


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--editors", type=int, default=50, help="people, two per charter")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument(
        "--pause",
        type=float,
        default=AUTOSAVE_DELAY_SECONDS,
        help="seconds an editor waits after each answer (0: back to back)",
    )
    parser.add_argument("--max-requests", type=int, default=50_000)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="gunicorn threads per worker")
    args = parser.parse_args(argv)
    if args.editors < 2 or args.editors % 2:
        parser.error("--editors must be an even number of at least 2")
    if not 0 < args.seconds <= 600:
        parser.error("--seconds must be between 0 and 600")
    if not 0 <= args.pause <= 60:
        parser.error("--pause must be between 0 and 60")
    return args


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(port: int, args) -> subprocess.Popen:
    command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(args.workers), "--threads", str(args.threads)]
    command += ["--worker-class", "gthread", "--log-level", "warning"]
    server = subprocess.Popen(command, cwd=ROOT, env=os.environ, start_new_session=True)
    deadline = time.monotonic() + STARTUP_LIMIT_S
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return server
        except OSError:
            if server.poll() is not None:
                raise SystemExit("gunicorn exited before answering") from None
            time.sleep(0.2)
    stop_server(server)
    raise SystemExit(f"gunicorn did not answer within {STARTUP_LIMIT_S} s")


def stop_server(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def create_people_and_charters(editors: int):
    """The bench's workspace, and per editor: (session cookie, block, charter)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    from charter.models import Charter, CurrentState, FutureSuccess, Membership, Role, Workspace
    from charter.sections.current_state.editors import GO_TO_MARKET, STRATEGY
    from charter.sections.future_success.editors import MISSION, VISION

    tag = secrets.token_hex(4)
    workspace = Workspace.objects.create(name=f"bench-{tag}")
    people = []
    for pair in range(editors // 2):
        charter = Charter.objects.create(
            workspace=workspace,
            title=f"Bench charter {pair}",
            period_start=date(2026, 7, 1),
            period_end=date(2027, 6, 30),
            language="en",
        )
        if pair % 2:
            CurrentState.objects.create(charter=charter)
            blocks = (STRATEGY, GO_TO_MARKET)
        else:
            FutureSuccess.objects.create(charter=charter)
            blocks = (VISION, MISSION)
        for block in blocks:
            user = get_user_model().objects.create_user(f"bench-{tag}-{len(people)}")
            Membership.objects.create(workspace=workspace, user=user, role=Role.EDITOR)
            client = Client()
            client.force_login(user)
            session = client.cookies[settings.SESSION_COOKIE_NAME].value
            people.append((f"{settings.SESSION_COOKIE_NAME}={session}", block, charter))
    return workspace, people


def percentile(ordered: list[float], share: float) -> float:
    """The value below which ``share`` of the sorted ``ordered`` lies (0 when empty)."""
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def summary(prefix: str, values: list[float]) -> str:
    ordered = sorted(values)
    return " ".join(
        f"{prefix}{name}_ms={percentile(ordered, share):.1f}"
        for name, share in (("p50", 0.5), ("p95", 0.95), ("p99", 0.99))
    )


def main() -> None:
    args = parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        raise SystemExit("Set DATABASE_URL to a throwaway PostgreSQL database first.")
    production_environment()
    import django

    django.setup()
    from django.core.management import call_command
    from django.urls import reverse

    from tests.integration.http_editor import BlockEditor

    call_command("migrate", verbosity=0)
    workspace, people = create_people_and_charters(args.editors)
    port = free_port()
    server = start_server(port, args)
    url = f"http://127.0.0.1:{port}"
    editors = []
    for cookie, block, charter in people:
        path = reverse(f"charter:{block.url_names['edit']}", args=[workspace.slug, charter.pk])
        editors.append((BlockEditor(url, cookie, path, block.fields), block, charter))

    lock = threading.Lock()
    budget = {"left": args.max_requests}
    latencies_ms: list[float] = []
    server_ms: list[float] = []
    server_cpu_ms: list[float] = []
    counts = {"acknowledged": 0, "false_conflicts": 0, "errors": 0}
    acknowledged: dict[tuple[int, str], str] = {}  # (charter pk, field) → last acked text

    window = {"deadline": 0.0}  # set just before the start barrier lets every editor go

    def edit(editor: BlockEditor, charter, start: threading.Barrier) -> None:
        try:
            editor.open()
        except (OSError, RuntimeError):
            with lock:
                counts["errors"] += 1
            return
        start.wait()
        time.sleep(random.uniform(0, args.pause))
        number = 0
        while time.monotonic() < window["deadline"]:
            with lock:
                if budget["left"] <= 0:
                    return
                budget["left"] -= 1
            number += 1
            text = f"{editor.edit_path} #{number}"
            began = time.perf_counter()
            try:
                status = editor.autosave(text)
            except OSError:
                status = 0
            elapsed_ms = (time.perf_counter() - began) * 1000
            timing = editor.server_timing if status else {}
            with lock:
                latencies_ms.append(elapsed_ms)
                if "app" in timing:
                    server_ms.append(timing["app"])
                if "cpu" in timing:
                    server_cpu_ms.append(timing["cpu"])
                if status == 200:
                    counts["acknowledged"] += 1
                    for name in editor.fields:
                        acknowledged[(charter.pk, name)] = editor.value(name, text)
                elif status == 409:
                    counts["false_conflicts"] += 1
                else:
                    counts["errors"] += 1
            if args.pause:
                time.sleep(min(args.pause, max(0.0, window["deadline"] - time.monotonic())))

    try:
        start = threading.Barrier(len(editors) + 1, timeout=STARTUP_LIMIT_S)
        threads = [
            threading.Thread(target=edit, args=(editor, charter, start), daemon=True)
            for editor, _block, charter in editors
        ]
        for thread in threads:
            thread.start()
        window["deadline"] = time.monotonic() + STARTUP_LIMIT_S + args.seconds
        start.wait()
        began = time.monotonic()
        window["deadline"] = began + args.seconds
        for thread in threads:
            thread.join(timeout=max(0.0, began + args.seconds + JOIN_GRACE_S - time.monotonic()))
        elapsed = time.monotonic() - began
    finally:
        stop_server(server)

    lost = 0
    for _editor, block, charter in editors:
        stored = block.model.objects.get(charter=charter)
        for name in block.fields:
            expected = acknowledged.get((charter.pk, name))
            if expected is not None and getattr(stored, name) != expected:
                lost += 1
    fields = sum(len(block.fields) for _editor, block, _charter in editors)
    try:
        workspace.delete()
    except Exception as error:  # noqa: BLE001 — the figures matter more than the cleanup
        print(f"note: workspace {workspace.slug} left in the database ({error})")

    print(
        f"editors={args.editors} fields={fields} pause_s={args.pause:g} "
        f"workers={args.workers} threads={args.threads} seconds={elapsed:.1f} "
        f"requests={len(latencies_ms)} server_timed={len(server_ms)}"
    )
    print(
        f"{summary('client_', latencies_ms)} {summary('cpu_', server_cpu_ms)} "
        f"load_average={os.getloadavg()[0]:.2f}"
    )
    print(
        f"{summary('', server_ms)} rps={len(latencies_ms) / max(elapsed, 0.001):.0f} "
        f"errors={counts['errors']} lost={lost} false_conflicts={counts['false_conflicts']} "
        f"acknowledged={counts['acknowledged']}"
    )


if __name__ == "__main__":
    main()
