"""From print HTML to the file people keep: PDF/A with its snapshot, signed when approved.

The render task and the ``export_pdf`` command both go through ``render_export``, so a
document checked from the command line is the one the worker stores.
"""

import time

from charter.documents import rendering, signing
from charter.models import PdfExport


def render_export(export: PdfExport, html: str) -> rendering.RenderedPdf:
    rendered = rendering.render(html, [rendering.snapshot_attachment(export.version)])
    if signing.should_sign(export):
        started = time.perf_counter()
        rendered = signing.sign(export, rendered)
        rendered.timings["sign"] = round(time.perf_counter() - started, 3)
    return rendered


def make_pdf(export: PdfExport) -> rendering.RenderedPdf:
    """The whole document of an export, as the worker makes it, without storing it."""
    return render_export(export, rendering.build_html(export))
