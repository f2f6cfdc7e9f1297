"""What archiving and signing add to a PDF render, on the demo charter.

Seeds the demo (``seed_demo``) into a throwaway SQLite database, lays out its approved
version's charter PDF once, then writes it in turns ``--repeat`` times (after a warm-up):

* ``tagged``: ``write_pdf(pdf_tags=True)``, as exports were written before PDF/A,
* ``pdfa``: PDF/A-3a with the snapshot attached, as every export is written now,

and signs the PDF/A file (the approved version's extra step), taking medians of CPU seconds:

    .venv/bin/python bench/pdf_archive_bench.py [--repeat 5]

Nothing leaves the machine. The last line sums it up:
``pages=N layout_s=L tagged_write_s=T pdfa_write_s=A pdfa_extra_s=A-T sign_s=S bytes_tagged=…
bytes_pdfa=… bytes_signed=…``.
"""

import argparse
import os
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIME_LIMIT_S = 600


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = "sqlite://:memory:"
    os.environ["CHARTERBOARD_VAR_DIR"] = tempfile.mkdtemp(prefix="pdf-archive-bench-")
    os.environ["CELERY_TASK_ALWAYS_EAGER"] = "1"
    os.environ.pop("REDIS_URL", None)
    os.environ.pop("PDF_SIGNING_PKCS12", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115


def cpu_seconds(function) -> tuple[float, object]:
    started = time.process_time()
    result = function()
    return time.process_time() - started, result


def median_of(repeat: int, contenders: dict) -> dict:
    runs = {name: [] for name in contenders}
    for function in contenders.values():
        function()
    for _ in range(repeat):
        for name, function in contenders.items():
            runs[name].append(cpu_seconds(function))
    return {
        name: (statistics.median(s for s, _ in results), results[-1][1])
        for name, results in runs.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    signal.alarm(TIME_LIMIT_S)  # a benchmark must never hang a CI job
    setup_django()

    from weasyprint import HTML

    from charter.documents import rendering, signing
    from charter.models import CharterVersion, PdfExport, VersionStatus

    version = CharterVersion.objects.filter(status=VersionStatus.APPROVED).latest("number")
    export = PdfExport(version=version, kind=PdfExport.Kind.CHARTER, version_status=version.status)
    html = rendering.build_html(export)
    fetcher = rendering.URLFetcher(allowed_protocols={"data"})
    layout_s, document = cpu_seconds(
        lambda: HTML(string=html, base_url=str(ROOT), url_fetcher=fetcher).render(
            font_config=rendering.FontConfiguration()
        )
    )
    writes = median_of(
        options.repeat,
        {
            "tagged": lambda: document.write_pdf(pdf_tags=True),
            "pdfa": lambda: document.write_pdf(
                pdf_tags=True,
                pdf_variant=rendering.PDF_VARIANT,
                # An attachment can be read only once: a new one for each file.
                attachments=[rendering.snapshot_attachment(version)],
            ),
        },
    )
    (tagged_s, tagged), (pdfa_s, pdfa) = writes["tagged"], writes["pdfa"]
    box = rendering.find_box(document, rendering.SIGNATURE_BOX_ID)
    unsigned = rendering.RenderedPdf(pdfa, len(document.pages), signature_box=box)
    signed = median_of(options.repeat, {"sign": lambda: signing.sign(export, unsigned).data})
    sign_s, signed_data = signed["sign"]
    print(
        f"pages={len(document.pages)} layout_s={layout_s:.2f} tagged_write_s={tagged_s:.3f} "
        f"pdfa_write_s={pdfa_s:.3f} pdfa_extra_s={pdfa_s - tagged_s:.3f} sign_s={sign_s:.3f} "
        f"bytes_tagged={len(tagged)} bytes_pdfa={len(pdfa)} bytes_signed={len(signed_data)}"
    )


if __name__ == "__main__":
    main()
