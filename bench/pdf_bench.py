"""Time the charter PDF of a large charter: the app's task against bare WeasyPrint.

Builds a charter of at least 20 pages (60 metrics with 8 quarters of actuals, 80 milestones,
25 RACI services × 8 teams, 10 board members) with the real models of every app, once in
English and once in Simplified Chinese, on a throwaway in-memory SQLite database, publishes a
version and renders it

* through the real task code (``request_export`` → the Celery task, run in process: claim,
  HTML from the print templates, WeasyPrint, storage, bookkeeping), and
* the very same HTML through bare WeasyPrint (``HTML(string=…).write_pdf(…)`` with the same
  PDF options and a fresh font configuration, as a script would call it),

each once to warm up and then ``--repeat`` times in turns, taking the median:

    .venv/bin/python bench/pdf_bench.py [--repeat 3] [--chromium] [--keep DIR]

``--chromium`` also times headless Chromium printing the same HTML, for comparison.
The last line sums it up:
``pages=N app_s=X bare_s=Y overhead=X/Y cjk_pages=N cjk_app_s=X cjk_bare_s=Y
cjk_overhead=X/Y peak_rss_mb=M``.
"""

import argparse
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
TIME_LIMIT_S = 900

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


def setup_django(media_root: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = "sqlite://:memory:"
    os.environ["CHARTERBOARD_VAR_DIR"] = tempfile.mkdtemp(prefix="pdf-bench-")
    os.environ["MEDIA_ROOT"] = media_root
    os.environ["CELERY_TASK_ALWAYS_EAGER"] = "1"
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.db import connection

    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    from charter.documents.rendering import release_memory

    release_memory()  # what running the migrations left behind is no part of a render


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


def timed(function) -> tuple[float, float, object]:
    """CPU and wall seconds of one call and of freeing what it left behind, and its result.

    The task frees a render's memory itself (a worker must give it back), so a bare render is
    charged for collecting its garbage too rather than leaving it to whichever run comes next.
    The CPU time of this process is what a render costs; the wall time also counts whatever
    else the machine is doing, which on a shared machine varies by half from run to run.
    """
    from charter.documents.rendering import release_memory

    started, started_cpu = time.perf_counter(), time.process_time()
    result = function()
    release_memory()
    return time.process_time() - started_cpu, time.perf_counter() - started, result


def compare(repeat: int, contenders: dict) -> dict:
    """Median CPU and wall seconds of each contender, run in turns after one warm-up each, so
    that a busy moment of the machine slows them all alike; with each one's last result."""
    runs = {name: [] for name in contenders}
    for function in contenders.values():
        timed(function)
    for _ in range(repeat):
        for name, function in contenders.items():
            runs[name].append(timed(function))
    return {
        name: (
            statistics.median(cpu for cpu, _wall, _result in results),
            statistics.median(wall for _cpu, wall, _result in results),
            results[-1][2],
        )
        for name, results in runs.items()
    }


def app_render(version):
    """A new export of the version through ``request_export`` and the task, as in production."""
    from charter.documents.requests import request_export
    from charter.models import PdfExport

    PdfExport.objects.filter(version=version).delete()
    export = request_export(version, PdfExport.Kind.CHARTER, version.author)
    export.refresh_from_db()
    assert export.status == PdfExport.Status.DONE, export.error
    return export


def bare_render(html: str, version) -> bytes:
    from weasyprint import HTML

    from charter.documents.rendering import PDF_VARIANT, snapshot_attachment

    return HTML(string=html, base_url=str(ROOT)).write_pdf(
        pdf_tags=True, pdf_variant=PDF_VARIANT, attachments=[snapshot_attachment(version)]
    )


def chromium_render(html_path: Path, out: Path) -> None:
    browser = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "chromium"
    subprocess.run(
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


def measure(language: str, repeat: int, chromium: bool, keep: Path | None) -> dict:
    from charter.documents import rendering as pdf

    version = build_charter(language, random.Random(2026))
    html = pdf.build_html(app_render(version))
    timings = compare(
        repeat, {"app": lambda: app_render(version), "bare": lambda: bare_render(html, version)}
    )
    (app_s, app_wall, export), (bare_s, bare_wall, _data) = timings["app"], timings["bare"]
    result = {
        "pages": export.page_count,
        "app_s": app_s,
        "bare_s": bare_s,
        "app_wall": app_wall,
        "bare_wall": bare_wall,
        "timings": export.timings,
    }
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
        with export.file.open("rb") as handle:
            (keep / f"charter-{language}.pdf").write_bytes(handle.read())
        (keep / f"charter-{language}.html").write_text(html)
    if chromium:
        # Chromium renders in child processes this one cannot time: wall time only.
        folder = Path(tempfile.mkdtemp(prefix="pdf-bench-chromium-"))
        page = folder / "charter.html"
        page.write_text(html)
        chromium = compare(repeat, {"chromium": lambda: chromium_render(page, folder / "out.pdf")})
        result["chromium_wall"] = chromium["chromium"][1]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--chromium", action="store_true", help="also time headless Chromium")
    parser.add_argument("--keep", type=Path, help="write the PDFs and their HTML here")
    options = parser.parse_args()
    signal.alarm(TIME_LIMIT_S)  # a benchmark must never hang a CI job

    setup_django(tempfile.mkdtemp(prefix="pdf-bench-media-"))
    english = measure("en", options.repeat, options.chromium, options.keep)
    chinese = measure("zh-hans", options.repeat, options.chromium, options.keep)
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    for name, result in (("English", english), ("Chinese", chinese)):
        line = (
            f"{name}: {result['pages']} pages; CPU s: app {result['app_s']:.2f} "
            f"(last render's steps, wall s: {result['timings']}), bare {result['bare_s']:.2f}; "
            f"wall s: app {result['app_wall']:.2f}, bare {result['bare_wall']:.2f}"
        )
        if "chromium_wall" in result:
            line += f", headless Chromium {result['chromium_wall']:.2f}"
        print(line)
    print(
        f"pages={english['pages']} app_s={english['app_s']:.2f} bare_s={english['bare_s']:.2f} "
        f"overhead={english['app_s'] / english['bare_s']:.2f} "
        f"cjk_pages={chinese['pages']} cjk_app_s={chinese['app_s']:.2f} "
        f"cjk_bare_s={chinese['bare_s']:.2f} "
        f"cjk_overhead={chinese['app_s'] / chinese['bare_s']:.2f} peak_rss_mb={peak_rss_mb:.0f}"
    )


if __name__ == "__main__":
    main()
