"""Two nodes on one machine: two web processes, two workers, PgBouncer, Redis and S3.

Starts, on loopback: a local S3 server (moto), PgBouncer in transaction mode in front of a
fresh PostgreSQL database, two gunicorn web processes (A, B) and Celery workers, each with
its own var/ directory so that nothing is shared through the disk. Then it checks:

1. a PDF rendered by worker A downloads through web B (a presigned URL; same SHA-256);
2. a worker killed mid-render leaves exactly one export and one stored file;
3. the login lockout and a rate limit (PDF checks per user) hold across both web processes.

It prints each check and exits non-zero when one fails. Everything it started is stopped,
and its database dropped, whatever happens; it gives up after TIME_LIMIT_S seconds.

    .venv/bin/python bench/two_nodes.py [--postgres postgres://postgres@127.0.0.1:5432/postgres]
                                       [--redis redis://127.0.0.1:6379/8]

The Redis database given is emptied at the start and the end: use one of your own.
"""

import argparse
import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TIME_LIMIT_S = 600
WAIT_S = 120
PASSWORD = "correct horse battery staple"  # noqa: S105  the test factories' password

from tests.integration.workers import wait_for  # noqa: E402
from tests.s3server import S3Server, free_port  # noqa: E402


class Node:
    """The processes this bench started; all are ended by ``stop_all``."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.processes: dict[str, subprocess.Popen] = {}

    def start(self, name: str, command: list[str], env: dict, user: str = "") -> None:
        log = open(self.workdir / f"{name}.log", "w")  # noqa: SIM115  closed with the process
        self.processes[name] = subprocess.Popen(  # noqa: S603
            command,
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            user=user or None,
        )

    def kill(self, name: str, sig=signal.SIGKILL) -> None:
        process = self.processes[name]
        if process.poll() is None:
            os.killpg(process.pid, sig)
        process.wait(timeout=30)

    def stop_all(self) -> None:
        for name in list(self.processes):
            with contextlib.suppress(Exception):
                self.kill(name, signal.SIGTERM)
            with contextlib.suppress(Exception):
                self.kill(name)

    def log(self, name: str) -> str:
        return (self.workdir / f"{name}.log").read_text(errors="replace")


def start_pgbouncer(node: Node, server: urllib.parse.SplitResult, database: str) -> int:
    port = free_port()
    directory = node.workdir / "pgbouncer"
    directory.mkdir()
    user = server.username or "postgres"
    (directory / "users.txt").write_text(f'"{user}" "{server.password or ""}"\n')
    (directory / "pgbouncer.ini").write_text(
        f"[databases]\n{database} = host={server.hostname} port={server.port or 5432} "
        f"dbname={database}\n"
        "[pgbouncer]\n"
        f"listen_addr = 127.0.0.1\nlisten_port = {port}\nunix_socket_dir =\n"
        f"auth_type = trust\nauth_file = {directory / 'users.txt'}\n"
        "pool_mode = transaction\nmax_client_conn = 200\ndefault_pool_size = 10\n"
        "ignore_startup_parameters = extra_float_digits\n"
    )
    directory.chmod(0o755)
    # PgBouncer refuses to run as root; it reads its files as the unprivileged user.
    run_as = "nobody" if os.geteuid() == 0 else ""
    pgbouncer = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"
    node.start("pgbouncer", [pgbouncer, str(directory / "pgbouncer.ini")], os.environ, run_as)
    import socket

    def answers():
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
            return True
        return False

    wait_for(answers, "PgBouncer to listen", timeout=20)
    return port


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--redis", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/8"))
    options = parser.parse_args()
    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(TimeoutError("time limit")))
    signal.alarm(TIME_LIMIT_S)

    import psycopg
    import redis

    workdir = Path(tempfile.mkdtemp(prefix="two-nodes-"))
    workdir.chmod(0o755)  # PgBouncer, as an unprivileged user, reads its files in here
    node = Node(workdir)
    s3 = S3Server()
    server = urllib.parse.urlsplit(options.postgres)
    database = f"cb_two_nodes_{os.getpid()}"
    broker = redis.Redis.from_url(options.redis)
    results: list[tuple[str, bool, str]] = []
    try:
        with psycopg.connect(options.postgres, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{database}"')
        direct = server._replace(path=f"/{database}").geturl()
        broker.flushdb()
        s3.start()
        bucket = s3.new_bucket()
        pooled_port = start_pgbouncer(node, server, database)
        credentials = f"{server.username or 'postgres'}" + (
            f":{server.password}" if server.password else ""
        )
        pooled = f"postgres://{credentials}@127.0.0.1:{pooled_port}/{database}"
        common = {
            **os.environ,
            **s3.environment(bucket),
            "DATABASE_URL": pooled,
            "DATABASE_TRANSACTION_POOLING": "1",
            "REDIS_URL": options.redis,
            "DJANGO_DEBUG": "1",
            "CELERY_TASK_ALWAYS_EAGER": "0",
            "CELERY_VISIBILITY_TIMEOUT": "60",
            "PDF_HEARTBEAT_SECONDS": "1",
            "OUTBOX_RELAY_SECONDS": "1",
            "LOG_LEVEL": "INFO",
        }

        def env_of(name: str) -> dict:
            var = workdir / f"var-{name}"
            return {**common, "CHARTERBOARD_VAR_DIR": str(var), "MEDIA_ROOT": str(var / "media")}

        migrated = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "migrate", "--noinput"],
            cwd=ROOT,
            env={**env_of("migrate"), "DATABASE_URL": direct},
            capture_output=True,
            text=True,
            timeout=300,
        )
        if migrated.returncode:
            print(migrated.stderr[-3000:])
            raise RuntimeError("migrate failed")

        webs = {}
        for name in ("web-a", "web-b"):
            port = free_port()
            webs[name] = f"http://127.0.0.1:{port}"
            node.start(
                name,
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "config.wsgi",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "1",
                    "--threads",
                    "4",
                    "--timeout",
                    "120",
                ],
                env_of(name),
            )

        def worker(name: str, stall_seconds: float = 0) -> None:
            command = [sys.executable, "-m", "celery"]
            if stall_seconds:
                command = [
                    sys.executable,
                    "-m",
                    "tests.integration.slow_worker",
                    str(stall_seconds),
                ]
            command += [
                "-A",
                "config",
                "worker",
                "-P",
                "solo",
                "-Q",
                "documents,messages",
                "-n",
                f"{name}@%h",
                "--without-gossip",
                "--without-mingle",
                "--loglevel=info",
            ]
            node.start(name, command, env_of(name))

        # This process creates the data, through PgBouncer as the nodes do.
        os.environ.update({**env_of("bench"), "DJANGO_SETTINGS_MODULE": "config.settings"})
        import django

        django.setup()
        import requests

        from charter.documents.requests import request_export
        from charter.models import PdfExport
        from tests.charter.version_factories import charter_with_editor, publish_version
        from tests.factories import MembershipFactory

        for name, url in webs.items():
            wait_for(lambda url=url: _answers(requests, f"{url}/healthz"), f"{name} to answer")

        def login(session, web: str, username: str, password: str):
            session.get(f"{web}/accounts/login/", timeout=30)
            return session.post(
                f"{web}/accounts/login/",
                {"login": username, "password": password},
                headers={"X-CSRFToken": session.cookies.get("csrftoken", "")},
                allow_redirects=False,
                timeout=30,
            )

        def export_reaches(export, status: str, what: str) -> None:
            reached = PdfExport.objects.filter(pk=export.pk, status=status).exists
            wait_for(reached, what, timeout=WAIT_S)

        def record(check: str, passed: bool, detail: str) -> None:
            results.append((check, passed, detail))
            print(f"{'PASS' if passed else 'FAIL'}  {check}: {detail}", flush=True)

        # 1. Rendered by worker A, downloaded through web B.
        worker("worker-a")
        charter, editor = charter_with_editor(title="Two nodes charter")
        version = publish_version(charter, editor)  # queues the version's PDF
        export = PdfExport.objects.get(version=version, kind="charter")
        started = time.perf_counter()
        export_reaches(export, "done", "worker A to render")
        rendered_in = time.perf_counter() - started
        export.refresh_from_db()
        via_b = requests.Session()
        login(via_b, webs["web-b"], editor.user.username, PASSWORD)
        download = via_b.get(
            f"{webs['web-b']}/w/{charter.workspace.slug}/exports/{export.pk}/download/",
            allow_redirects=False,
            timeout=30,
        )
        data = (
            requests.get(download.headers.get("Location", ""), timeout=30).content
            if (download.status_code == 302)
            else b""
        )
        local_files = list(workdir.glob("var-*/media/**/*.pdf"))
        record(
            "PDF rendered by worker A downloads through web B",
            export.task_id in node.log("worker-a")
            and hashlib.sha256(data).hexdigest() == export.sha256
            and not local_files,
            f"web B answered {download.status_code} to a presigned URL; "
            f"{len(data)} bytes, SHA-256 {'matches' if data and hashlib.sha256(data).hexdigest() == export.sha256 else 'differs'}; "
            f"{len(local_files)} PDF files on local disks; rendered in {rendered_in:.1f}s",
        )

        # 2. A worker killed mid-render leaves one export.
        node.kill("worker-a", signal.SIGTERM)
        worker("worker-c-stalls", stall_seconds=60)
        board_pack = request_export(version, "board_pack", editor.user)
        export_reaches(board_pack, "running", "worker C to start rendering")
        node.kill("worker-c-stalls")
        killed_at = time.perf_counter()
        worker("worker-b")
        export_reaches(board_pack, "done", "worker B to take the render over")
        taken_over_in = time.perf_counter() - killed_at
        board_pack.refresh_from_db()
        prefix = f"exports/{charter.workspace_id}/{board_pack.pk}-"
        listing = s3.client().list_objects_v2(Bucket=bucket, Prefix=prefix)
        stored = [item["Key"] for item in listing.get("Contents", [])]
        rows = PdfExport.objects.filter(version=version, kind="board_pack").count()
        record(
            "a worker killed mid-render leaves one export",
            rows == 1 and stored == [board_pack.file.name] and board_pack.attempts == 2,
            f"{rows} export row, {len(stored)} stored file, attempts {board_pack.attempts}; "
            f"finished {taken_over_in:.1f}s after the kill",
        )

        # 3. Limits hold across both web processes.
        target = MembershipFactory(workspace=charter.workspace, role="viewer").user
        attacker = requests.Session()
        codes = [
            login(
                attacker, webs["web-a" if attempt % 2 else "web-b"], target.username, "wrong"
            ).status_code
            for attempt in range(5)
        ]
        right = login(requests.Session(), webs["web-a"], target.username, PASSWORD)
        record(
            "login lockout counts failures on both web processes",
            right.status_code != 302 and all(code != 302 for code in codes),
            f"failures answered {codes}; then the right password on web A got {right.status_code}",
        )
        checker = requests.Session()
        login(checker, webs["web-a"], editor.user.username, PASSWORD)
        login(checker, webs["web-b"], editor.user.username, PASSWORD)
        answers = []
        for attempt in range(32):
            web = webs["web-a" if attempt % 2 else "web-b"]
            answers.append(
                checker.post(
                    f"{web}/w/{charter.workspace.slug}/verify/",
                    {"digest": export.sha256},
                    headers={"X-CSRFToken": checker.cookies.get("csrftoken", "")},
                    timeout=30,
                ).status_code
            )
        from charter.documents.limits import VERIFY_CHECKS_PER_USER

        admitted = answers.count(200)
        record(
            "the per-user rate limit counts requests on both web processes",
            admitted == VERIFY_CHECKS_PER_USER.limit
            and answers[admitted:] == [429] * (32 - admitted),
            f"{admitted} checks admitted of a ceiling of {VERIFY_CHECKS_PER_USER.limit}, then {answers[admitted:]}",
        )
    except Exception as error:  # a step that could not run is a failed check, with its reason
        results.append(("setup or step", False, f"{type(error).__name__}: {error}"))
        print(f"FAIL  {type(error).__name__}: {error}; logs in {workdir}", flush=True)
    finally:
        signal.alarm(0)
        node.stop_all()
        s3.stop()
        with contextlib.suppress(Exception):
            broker.flushdb()
        with contextlib.suppress(Exception):
            from django.db import connections

            connections.close_all()
        with (
            contextlib.suppress(Exception),
            psycopg.connect(options.postgres, autocommit=True) as admin,
        ):
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    failed = [check for check, passed, _ in results if not passed]
    print(f"{len(results) - len(failed)} of {len(results)} checks passed")
    if not failed:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed else 0


def _answers(requests, url: str) -> bool:
    with contextlib.suppress(requests.RequestException):
        return requests.get(url, timeout=2).status_code == 200
    return False


if __name__ == "__main__":
    sys.exit(main())
