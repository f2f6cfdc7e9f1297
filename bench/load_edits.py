"""Load the autosave with editors in pairs, each owning different fields of one row.

Starts gunicorn on loopback against the PostgreSQL database in ``DATABASE_URL`` (refuses to
run without one; use a throwaway database: it is migrated, and a workspace named
``bench-…`` is added and removed again), creates ``--editors`` people in pairs per charter —
one autosaving the vision, the other the mission of its future success; or one the business
strategy, the other the go-to-market of its current state — and lets every editor autosave
back to back for ``--seconds`` or until ``--max-requests`` answers, whichever comes first.
Every field has one owner, so any 409 is a false conflict. Afterwards each field must hold
the last text its owner's autosave was acknowledged for (200); any other value is a lost
write.

    DATABASE_URL=postgres://… .venv/bin/python bench/load_autosave.py [--editors 20] \\
        [--seconds 20] [--max-requests 20000] [--workers 2] [--threads 8]

The last line sums it up:
``acknowledged=N lost=N false_conflicts=N errors=N p50_ms=X p95_ms=X``.
"""

import argparse
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
STARTUP_LIMIT_S = 120
JOIN_GRACE_S = 40  # a request in flight at the deadline may take up to its own timeout


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--editors", type=int, default=50, help="people, two per charter")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--max-requests", type=int, default=50_000)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="gunicorn threads per worker")
    args = parser.parse_args()
    if args.editors < 2 or args.editors % 2:
        parser.error("--editors must be an even number of at least 2")
    if not 0 < args.seconds <= 600:
        parser.error("--seconds must be between 0 and 600")
    return args


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(port: int, args) -> subprocess.Popen:
    command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(args.workers), "--threads", str(args.threads)]
    command += ["--worker-class", "gthread", "--log-level", "warning"]
    env = {**os.environ, "DJANGO_DEBUG": "1"}
    server = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
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


def main() -> None:
    args = parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        raise SystemExit("Set DATABASE_URL to a throwaway PostgreSQL database first.")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["DJANGO_DEBUG"] = "1"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
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
            with lock:
                latencies_ms.append(elapsed_ms)
                if status == 200:
                    counts["acknowledged"] += 1
                    for name in editor.fields:
                        acknowledged[(charter.pk, name)] = editor.value(name, text)
                elif status == 409:
                    counts["false_conflicts"] += 1
                else:
                    counts["errors"] += 1

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

    ordered = sorted(latencies_ms) or [0.0]

    def percentile(share: float) -> float:
        return ordered[min(len(ordered) - 1, int(len(ordered) * share))]

    print(
        f"editors={args.editors} fields={fields} seconds={elapsed:.1f} requests={len(latencies_ms)}"
    )
    print(
        f"p50_ms={statistics.median(ordered):.1f} p95_ms={percentile(0.95):.1f} "
        f"p99_ms={percentile(0.99):.1f} rps={len(latencies_ms) / max(elapsed, 0.001):.0f} "
        f"errors={counts['errors']} lost={lost} false_conflicts={counts['false_conflicts']} "
        f"acknowledged={counts['acknowledged']}"
    )


if __name__ == "__main__":
    main()
