"""Time the charter PDF of a large charter: the app against bare WeasyPrint and Chromium.

Builds a charter of about 38 pages (60 metrics with 8 quarters of actuals, 80 milestones,
25 RACI services × 8 teams, 10 board members) with the real models of every app, once in
English and once in Simplified Chinese, in a throwaway SQLite file, publishes a version (which
renders its PDF in the background, as publishing does in production) and then, in turns,
``--repeat`` times after one warm-up each:

* ``app``: a new export through ``request_export`` and the render task, in a worker process
  of its own that renders every export of the run, as a Celery worker does (claim, HTML from
  the print templates, WeasyPrint with PDF/A-3a, tags and the embedded snapshot, finishing,
  storage, bookkeeping);
* ``bare``: the very same HTML through bare WeasyPrint (``HTML(string=…).write_pdf(…)`` with
  the same PDF options), in a second process, as a script would call it;
* ``chromium``: headless Chromium printing the same HTML (``--print-to-pdf``, browser start
  included, as a one-off print from the command line costs).

``chromium_ratio`` is app ÷ Chromium in wall seconds of the same run (the medians); Chromium
spreads its work over several processes, so ``chromium_cpu_ratio`` compares CPU seconds too,
which a busy machine disturbs less. ``export_wait_s`` is the time from asking for the PDF of a
version published earlier (its background render done) to the last byte of the download,
through the Django test client. ``peak_rss_mb`` is the peak of the app's worker process or
of the render process it forks, whichever is larger; the CPU seconds count both.

    .venv/bin/python bench/pdf_bench.py [--repeat 3] [--keep DIR]

The last line sums it up: ``pages=N app_s=… bare_s=… chromium_s=… chromium_ratio=…
cjk_pages=N cjk_app_s=… cjk_bare_s=… cjk_chromium_s=… cjk_chromium_ratio=…
chromium_cpu_ratio=… cjk_chromium_cpu_ratio=… export_wait_s=… peak_rss_mb=…``.
"""

import argparse
import multiprocessing
import os
import random
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIME_LIMIT_S = 1800

METRICS, QUARTERS, MILESTONES, SERVICES, TEAMS, BOARD = 60, 8, 80, 25, 8, 10

# Words the generated content is made of, per language: realistic lengths and scripts.
WORDS = {
    "en": {
        "title": "Northwind Sales Enablement Charter FY2027",
        "metric": "Win rate for {segment} opportunities",
        "segments": ["mid-market", "enterprise", "public sector", "EMEA", "APAC", "partner"],
        "milestone": "{verb} the {thing} for {segment} sellers",
        "verbs": ["Launch", "Redesign", "Certify", "Roll out", "Measure", "Retire"],
        "things": ["onboarding path", "discovery playbook", "coaching cadence", "content hub"],
        "service": "{thing} service {n}",
        "team": "Partner team {n}",
        "objective": "Raise the {segment} win rate by five points",
        "paragraph": (
            "Sellers spend too much time looking for content and too little time with "
            "customers. The enablement function exists to change that, measured by what "
            "sellers do and what customers buy, not by courses delivered. "
        ),
        "person": ("Olivia", "Owens"),
    },
    "zh-hans": {
        "title": "诺斯温德销售赋能章程 2027 财年",
        "metric": "{segment}商机赢单率",
        "segments": ["中型企业", "大型企业", "公共部门", "欧洲中东非洲", "亚太地区", "合作伙伴"],
        "milestone": "为{segment}销售{verb}{thing}",
        "verbs": ["推出", "重新设计", "认证", "全面推广", "衡量", "停用"],
        "things": ["入职培训路径", "需求挖掘手册", "辅导节奏", "内容中心"],
        "service": "{thing}服务 {n}",
        "team": "协作团队 {n}",
        "objective": "将{segment}赢单率提高五个百分点",
        "paragraph": (
            "销售人员花在查找内容上的时间太多，与客户相处的时间太少。"
            "赋能职能的存在就是为了改变这一点，衡量标准是销售人员的行为和客户的购买，"
            "而不是交付了多少课程。"
        ),
        "person": ("丽", "陈"),
    },
}


def build_charter(language: str, rng: random.Random):
    """A large charter in one language, through the models of every app; returns its version."""
    from django.contrib.auth import get_user_model

    from charter import models as charter_models
    from charter.versions.publishing import publish
    from governance.models import AdvisoryBoard, BoardFunction, BoardSeat
    from roadmap.models import Milestone, Phase, Status

    words = WORDS[language]
    workspace = charter_models.Workspace.objects.create(name=f"Bench {language}")
    users = []
    for number in range(BOARD + 2):
        first, last = words["person"]
        user = get_user_model().objects.create(
            username=f"{language}-{number}", first_name=f"{first}{number}", last_name=last
        )
        role = "editor" if number < 2 else "board"
        users.append(
            charter_models.Membership.objects.create(workspace=workspace, user=user, role=role)
        )
    editor = users[0]
    charter = charter_models.Charter.objects.create(
        workspace=workspace,
        title=words["title"],
        period_start=date(2026, 7, 1),
        period_end=date(2027, 6, 30),
        language=language,
        created_by=editor.user,
    )
    text = words["paragraph"] * 2
    segments = words["segments"]

    charter_models.CurrentState.objects.create(
        charter=charter,
        business_strategy=text,
        target_segments="\n".join(f"- {segment}" for segment in segments),
        value_proposition=text,
        channels=text,
        customer_journey=text,
    )
    model = charter_models.MaturityModel.for_workspace(workspace)
    levels = list(model.levels.order_by("rank"))
    for dimension in model.dimensions.all():
        charter_models.MaturityScore.objects.create(
            charter=charter, dimension=dimension, level=rng.choice(levels[:3]), evidence=text[:200]
        )
    for number in range(6):
        charter_models.ExecutionKpi.objects.create(
            charter=charter,
            name=f"KPI {number}",
            value=Decimal(rng.randrange(10, 90)),
            unit="%",
            period="FY2026",
            source="CRM",
            position=number,
        )

    charter_models.FutureSuccess.objects.create(
        charter=charter, definition=text, vision=text[:300], mission=text[:300]
    )
    metrics = []
    for number in range(METRICS):
        baseline = Decimal(rng.randrange(10, 50))
        metric = charter_models.Metric.objects.create(
            charter=charter,
            name=words["metric"].format(segment=segments[number % len(segments)]) + f" {number}",
            kind="leading" if number % 3 else "lagging",
            unit="%",
            baseline=baseline,
            target=baseline + rng.randrange(5, 30),
            data_source="CRM",
            owner=users[number % len(users)].user,
            position=number,
        )
        metrics.append(metric)
        charter_models.MetricActual.objects.bulk_create(
            charter_models.MetricActual(
                metric=metric,
                period_start=date(2025 + quarter // 4, 1 + 3 * (quarter % 4), 1),
                value=baseline + rng.randrange(-3, 12),
            )
            for quarter in range(QUARTERS)
        )
    objectives = [
        charter_models.Objective.objects.create(
            charter=charter,
            title=words["objective"].format(segment=segment),
            description=text[:240],
            owner=editor.user,
            due_date=date(2027, 6, 30),
            position=number,
        )
        for number, segment in enumerate(segments)
    ]
    for number, objective in enumerate(objectives):
        objective.metrics.set(metrics[number * 10 : number * 10 + 3])

    scope = charter_models.Scope.objects.create(
        charter=charter, budget_owner="CRO", budget_notes=text[:200]
    )
    services = [
        charter_models.Service.objects.create(
            workspace=workspace,
            name=words["service"].format(thing=words["things"][n % 4], n=n),
            description=words["paragraph"][:90],
            position=n,
        )
        for n in range(SERVICES)
    ]
    scope.services.set(services)
    for number, segment in enumerate(segments):
        charter_models.Audience.objects.create(
            charter=charter, role=segment, segment=segment, headcount=40 + number, position=number
        )
    for number in range(3):
        charter_models.FundingSource.objects.create(
            charter=charter,
            team=f"Budget {number}",
            amount=Decimal(250000 + number * 1000),
            currency="USD",
            position=number,
        )
    teams = [
        charter_models.PartnerTeam.objects.create(
            charter=charter, name=words["team"].format(n=n), description=text[:80], position=n
        )
        for n in range(TEAMS)
    ]
    charter_models.RaciAssignment.objects.bulk_create(
        charter_models.RaciAssignment(
            charter=charter, service=service, team=team, letter=rng.choice("RACI")
        )
        for service in services
        for team in teams
    )
    for number in range(3):
        charter_models.MeetingCadence.objects.create(
            charter=charter,
            name=f"Cadence {number}",
            purpose=text[:100],
            frequency="monthly",
            participants="Sales, Marketing",
            position=number,
        )

    phases = [
        Phase.objects.create(
            charter=charter,
            target_level=level,
            name=f"{segments[n]} · {level.name}",
            goal=text[:160],
        )
        for n, level in enumerate(levels[2:5])
    ]
    statuses = list(Status.values)
    milestones = Milestone.objects.bulk_create(
        Milestone(
            charter=charter,
            phase=phases[number * len(phases) // MILESTONES],
            title=words["milestone"].format(
                verb=rng.choice(words["verbs"]),
                thing=rng.choice(words["things"]),
                segment=segments[number % len(segments)],
            ),
            description=words["paragraph"][:70],
            owner=users[number % len(users)].user,
            start=(start := date(2026, 7, 1) + timedelta(days=rng.randrange(0, 330))),
            end=start + timedelta(days=0 if number % 7 == 0 else rng.randrange(14, 120)),
            status=statuses[number % len(statuses)],
            budget_amount=Decimal(rng.randrange(1000, 90000)),
            budget_currency="USD",
            headcount=Decimal(rng.randrange(0, 30)) / 10,
            tools="Highspot, Gong",
        )
        for number in range(MILESTONES)
    )
    Milestone.metrics.through.objects.bulk_create(
        Milestone.metrics.through(milestone=milestone, metric=metrics[n % METRICS])
        for n, milestone in enumerate(milestones)
    )

    board = AdvisoryBoard.objects.create(workspace=workspace)
    functions = list(BoardFunction.values)
    for number, membership in enumerate(users[2:]):
        BoardSeat.objects.create(
            board=board,
            membership=membership,
            title=f"VP {number}",
            function=functions[number % len(functions)],
            is_chair=number == 0,
        )
    return publish(charter, editor.user, editor, label="2026-Q4", summary=text[:200])


def worker(connection, database_url: str, media_root: str, var_dir: str) -> None:
    """A render process: answers the parent's requests until told to stop, then reports its peak.

    A process of its own, so that its peak memory is a worker's, not the benchmark's.
    """
    signal.alarm(TIME_LIMIT_S)
    configure(database_url, media_root, var_dir)
    while (request := connection.recv()) is not None:
        kind, argument = request
        started, started_cpu = time.perf_counter(), cpu_seconds()
        pages, timings = RENDERERS[kind](argument)
        connection.send(
            (cpu_seconds() - started_cpu, time.perf_counter() - started, pages, timings)
        )
    connection.send(peak_rss_mb())


def cpu_seconds() -> float:
    """CPU seconds of this process and of the processes it waited for (the app's renders)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def peak_rss_mb() -> float:
    """The peak resident memory of this process or of any process it waited for, whichever
    is larger: the app renders in a forked child, whose pages are the worker's plus the
    render's.

    Linux keeps ``ru_maxrss`` across the exec that starts a spawned process, so this process
    would report its parent's peak; the kernel's high-water mark of its own memory
    (``VmHWM``) starts afresh. A forked child's ``ru_maxrss`` is its own.
    """
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return max(children, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    kilobytes = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM"))
    return max(children, int(kilobytes) / 1024)


def app_render(version_pk: int) -> tuple[int, dict]:
    """A new export of the version through ``request_export`` and the task, as in production."""
    from charter.documents.requests import request_export
    from charter.models import CharterVersion, PdfExport

    version = CharterVersion.objects.select_related("charter__workspace", "author").get(
        pk=version_pk
    )
    PdfExport.objects.filter(version=version).delete()
    export = request_export(version, PdfExport.Kind.CHARTER, version.author)
    export.refresh_from_db()
    assert export.status == PdfExport.Status.DONE, export.error
    return export.page_count, export.timings


def bare_render(argument: tuple[str, int]) -> tuple[int, dict]:
    from weasyprint import HTML

    from charter.documents.rendering import PDF_VARIANT, snapshot_attachment
    from charter.models import CharterVersion

    html_path, version_pk = argument
    version = CharterVersion.objects.get(pk=version_pk)
    document = HTML(string=Path(html_path).read_text(), base_url=str(ROOT)).render()
    document.write_pdf(
        pdf_tags=True, pdf_variant=PDF_VARIANT, attachments=[snapshot_attachment(version)]
    )
    return len(document.pages), {}


RENDERERS = {"app": app_render, "bare": bare_render}


def chromium_path() -> str:
    browser = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not browser:
        sys.exit("headless Chromium is the yardstick: install chromium or set CHROMIUM_PATH")
    return browser


def chromium_render(html_path: Path, out: Path) -> tuple[float, float]:
    """CPU and wall seconds of headless Chromium printing the page (all its processes)."""
    browser = chromium_path()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    # The browser is the machine's own, the page a file this run wrote.
    subprocess.run(  # noqa: S603
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            html_path.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def export_wait(version) -> float:
    """Seconds from asking for the PDF of a published version to the downloaded file.

    The render that publishing queued is done by now, so asking must find it, not render.
    """
    from django.test import Client
    from django.urls import reverse

    from charter.models import PdfExport

    client = Client(HTTP_HOST="localhost")  # "testserver" is no allowed host here
    client.force_login(version.author)
    slug = version.charter.workspace.slug
    exports_before = PdfExport.objects.count()
    started = time.perf_counter()
    response = client.post(
        reverse("charter:export-create", args=[slug, version.pk]), {"kind": "charter"}
    )
    assert response.status_code == 302, response.status_code
    export = PdfExport.objects.get(pk=response["Location"].rstrip("/").split("/")[-1])
    download = client.get(reverse("charter:export-download", args=[slug, export.pk]))
    data = b"".join(download.streaming_content)
    waited = time.perf_counter() - started
    assert download.status_code == 200 and data.startswith(b"%PDF"), download.status_code
    assert PdfExport.objects.count() == exports_before, "asking again made a new export"
    return waited


def configure(database_url: str, media_root: str, var_dir: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = database_url
    os.environ["CHARTERBOARD_VAR_DIR"] = var_dir
    os.environ["MEDIA_ROOT"] = media_root
    os.environ["CELERY_TASK_ALWAYS_EAGER"] = "1"
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def setup_django(folder: Path) -> tuple:
    """A migrated SQLite file that the render processes open too; what they need to know."""
    where = (f"sqlite:///{folder / 'bench.sqlite3'}", str(folder / "media"), str(folder / "var"))
    configure(*where)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return where


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write the PDFs and their HTML here")
    options = parser.parse_args()
    signal.alarm(TIME_LIMIT_S)  # a benchmark must never hang a CI job
    chromium_path()

    folder = Path(tempfile.mkdtemp(prefix="pdf-bench-"))
    where = setup_django(folder)
    from charter.documents import rendering
    from charter.models import PdfExport

    languages = {"en": "", "zh-hans": "cjk_"}
    versions, pages = {}, {}
    for language in languages:
        version = versions[language] = build_charter(language, random.Random(2026))
        export = PdfExport.objects.get(version=version, kind=PdfExport.Kind.CHARTER)
        assert export.status == PdfExport.Status.DONE, export.error  # publishing rendered it
        pages[language] = folder / f"charter-{language}.html"
        pages[language].write_text(rendering.build_html(export))
        if options.keep:
            options.keep.mkdir(parents=True, exist_ok=True)
            with export.file.open("rb") as handle:
                (options.keep / f"charter-{language}.pdf").write_bytes(handle.read())
            (options.keep / f"charter-{language}.html").write_text(pages[language].read_text())
    waits = [export_wait(version) for version in versions.values()]

    context = multiprocessing.get_context("spawn")
    workers = {}
    for kind in RENDERERS:
        ours, theirs = context.Pipe()
        process = context.Process(target=worker, args=(theirs, *where), daemon=True)
        process.start()
        workers[kind] = (ours, process)

    def in_worker(kind: str, argument) -> tuple:
        workers[kind][0].send((kind, argument))
        return workers[kind][0].recv()

    runs = {language: {"app": [], "bare": [], "chromium": []} for language in languages}
    for turn in range(options.repeat + 1):  # the first turn warms up, and is not counted
        for language, version in versions.items():
            results = {
                "app": in_worker("app", version.pk),
                "bare": in_worker("bare", (str(pages[language]), version.pk)),
                "chromium": chromium_render(pages[language], folder / "chromium.pdf"),
            }
            for name, result in results.items():
                if turn:
                    runs[language][name].append(result)
    peaks = {}
    for kind, (connection, process) in workers.items():
        connection.send(None)
        peaks[kind] = connection.recv()
        process.join(timeout=30)

    summary = []
    for language, prefix in languages.items():
        run = runs[language]
        cpu = {name: statistics.median(r[0] for r in results) for name, results in run.items()}
        wall = {name: statistics.median(r[1] for r in results) for name, results in run.items()}
        count, timings = run["app"][-1][2], run["app"][-1][3]
        print(
            f"{language}: {count} pages; wall s: app {wall['app']:.2f} (last render's steps: "
            f"{timings}), bare WeasyPrint {wall['bare']:.2f}, headless Chromium "
            f"{wall['chromium']:.2f}; CPU s: app {cpu['app']:.2f}, bare {cpu['bare']:.2f}, "
            f"Chromium {cpu['chromium']:.2f}"
        )
        summary.append(
            f"{prefix}pages={count} {prefix}app_s={wall['app']:.2f} "
            f"{prefix}bare_s={wall['bare']:.2f} {prefix}chromium_s={wall['chromium']:.2f} "
            f"{prefix}chromium_ratio={wall['app'] / wall['chromium']:.2f} "
            f"{prefix}chromium_cpu_ratio={cpu['app'] / cpu['chromium']:.2f}"
        )
    print(f"bare WeasyPrint process peak RSS: {peaks['bare']:.0f} MB; export waits s: {waits}")
    print(" ".join(summary) + f" export_wait_s={max(waits):.2f} peak_rss_mb={peaks['app']:.0f}")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
