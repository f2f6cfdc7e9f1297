"""Time the careful CSV importer: 10,000 rows validated, a 10,000-row survey file previewed and
imported through the real views, a 50 MB file refused, and the memory a 50 MB file takes.

Runs on a throwaway in-memory SQLite database (all migrations applied) with Django's test
client, so it needs no services, opens no socket and leaves nothing behind:

    .venv/bin/python bench/csv_import_bench.py [--rows 10000] [--repeat 3]

The last line sums it up: ``rows=10000 validate_s=… preview_and_import_s=… refused_50mb_s=…
peak_mb=…``. These are the figures the test suite used to assert (2 s, 10 s, 0.5 s, 5 MB).
"""

import argparse
import io
import os
import signal
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIME_LIMIT_S = 300
FIFTY_MB = 50 * 1024 * 1024


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = "sqlite://:memory:"
    os.environ["CHARTERBOARD_VAR_DIR"] = tempfile.mkdtemp(prefix="csv-import-bench-")
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, autoclobber=True)


def timed(function):
    """(seconds, result) of one call."""
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def best_of(repeat: int, function):
    """(fastest seconds, last result) over ``repeat`` calls."""
    timings, result = [], None
    for _ in range(repeat):
        seconds, result = timed(function)
        timings.append(seconds)
    return min(timings), result


def validate(data: bytes):
    """Stream every row through the importer with a per-row check, as both imports do."""
    from charter import csvimport

    def check(values):
        return values, [] if values["score"].isdigit() else ["not a number"]

    file = io.BytesIO(data)
    layout = csvimport.inspect(file)
    report = csvimport.Report()
    for row in csvimport.rows(file, layout, {"name": 0, "region": 1, "score": 2}, check):
        report.add(row)
    return report


def refuse(path: Path) -> None:
    from charter import csvimport
    from charter.csvimport import CsvProblem

    with open(path, "rb") as file:
        try:
            csvimport.inspect(file)
        except CsvProblem:
            return
    raise SystemExit("a 50 MB file was not refused")


def peak_bytes_of_a_50_mb_file(directory: Path) -> int:
    """Peak traced memory while a 50 MB file under a raised size limit stops at the row limit."""
    from charter import csvimport
    from charter.csvimport import CsvProblem

    path = directory / "rows.csv"
    block = b"Ada Lovelace,EMEA,4\n" * 50_000
    with open(path, "wb") as file:
        file.write(b"name,region,score\n")
        while file.tell() < FIFTY_MB:
            file.write(block)
    tracemalloc.start()
    try:
        with open(path, "rb") as file:
            try:
                csvimport.inspect(file, max_bytes=60 * 1024 * 1024)
            except CsvProblem:
                pass
            else:
                raise SystemExit("a 50 MB file did not stop at the row limit")
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def survey_client(rows: int):
    """A logged-in editor's client, the survey's upload URL and the CSV file to post."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from charter.models import Charter, Membership, Workspace
    from research.models import Survey, SurveyQuestion

    workspace = Workspace.objects.create(name="Bench")
    user = get_user_model().objects.create(username="editor")
    Membership.objects.create(workspace=workspace, user=user, role="editor")
    charter = Charter.objects.create(
        workspace=workspace,
        title="Bench charter",
        period_start=date(2026, 7, 1),
        period_end=date(2027, 6, 30),
    )
    survey = Survey.objects.create(charter=charter, title="Bench survey")
    for position, (label, kind, options) in enumerate(
        [
            ("Findability", SurveyQuestion.Kind.SCALE, ""),
            ("First place", SurveyQuestion.Kind.CHOICE, "Shared drive\nCRM\nChat"),
            ("Wish", SurveyQuestion.Kind.TEXT, ""),
        ],
        start=1,
    ):
        SurveyQuestion.objects.create(
            survey=survey,
            text=label,
            short_label=label,
            kind=kind,
            options=options,
            position=position,
        )
    client = Client()
    client.force_login(user)
    data = (
        "Role,Region,Findability,First place,Wish\n"
        + "".join(f"Account executive,EMEA,{n % 5 + 1},CRM,\n" for n in range(rows))
    ).encode()
    return client, survey, data


def preview_and_import(client, survey, data: bytes) -> tuple[float, int]:
    """Upload through the view, then time its preview and confirmation (what the test suite
    used to time); the seconds and the number of responses stored."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from research.models import SurveyImport, SurveyResponse

    SurveyResponse.objects.all().delete()
    slug = survey.charter.workspace.slug
    upload = SimpleUploadedFile("responses.csv", data, content_type="text/csv")
    response = client.post(
        reverse("research:import-upload", args=[slug, survey.pk]), {"file": upload}
    )
    if response.status_code != 302:
        raise SystemExit(f"upload answered {response.status_code}")
    survey_import = SurveyImport.objects.latest("pk")
    started = time.perf_counter()
    client.get(survey_import.get_absolute_url())
    mapping = {
        f"map-{key}": "" if column is None else str(column)
        for key, column in survey_import.mapping.items()
    }
    client.post(reverse("research:import-confirm", args=[slug, survey_import.pk]), mapping)
    return time.perf_counter() - started, SurveyResponse.objects.count()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    signal.alarm(TIME_LIMIT_S)  # a benchmark must never hang a CI job

    setup_django()
    directory = Path(tempfile.mkdtemp(prefix="csv-import-bench-files-"))

    data = b"name,region,score\n" + b"".join(
        b"Seller %d,EMEA,%d\n" % (n, n % 5 + 1) for n in range(options.rows)
    )
    validate_s, report = best_of(options.repeat, lambda: validate(data))

    client, survey, survey_data = survey_client(options.rows)
    runs = [preview_and_import(client, survey, survey_data) for _ in range(options.repeat)]
    import_s, imported = min(seconds for seconds, _count in runs), runs[-1][1]

    sparse = directory / "sparse.csv"
    with open(sparse, "wb") as file:
        file.truncate(FIFTY_MB)
    refused_s, _ = best_of(options.repeat, lambda: refuse(sparse))
    sparse.unlink()

    peak = peak_bytes_of_a_50_mb_file(directory)
    (directory / "rows.csv").unlink()
    directory.rmdir()

    print(f"validate {report.rows} rows ({report.importable} importable): {validate_s:.3f} s")
    print(f"survey preview and import of {imported} rows: {import_s:.3f} s")
    print(f"50 MB file refused by size: {refused_s:.4f} s")
    print(f"50 MB file under a raised limit, peak traced memory: {peak / 1024 / 1024:.1f} MB")
    print(
        f"rows={report.rows} validate_s={validate_s:.3f} preview_and_import_s={import_s:.3f} "
        f"refused_50mb_s={refused_s:.4f} peak_mb={peak / 1024 / 1024:.1f}"
    )


if __name__ == "__main__":
    main()
