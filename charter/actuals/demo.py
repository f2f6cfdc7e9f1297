"""Demo of an import of actuals: the Q3 figures sent again from the CRM, with one typo.

Every good row is already reported, so the demo's numbers stay as the other seeders made
them; the report shows what a second import of the same figures does.
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from charter import csvimport
from charter.actuals import importing as metric_io

CSV = """Metric,Period,Value,Note
Win rate,2026-Q3,22.8,
Quota attainment,2026-Q3,52.5,
New-hire ramp time,2026-08-15,160,
Win rat,2026-Q3,22.8,typo in the metric's name
"""


def seed_actuals_import(charter, users) -> None:
    upload = SimpleUploadedFile("crm-actuals-2026-Q3.csv", CSV.encode(), "text/csv")
    form = csvimport.UploadForm(files={"file": upload})
    if not form.is_valid():
        raise ValueError(form.errors.as_text())
    metric_import = metric_io.start(charter, form, users["editor"])
    metric_io.confirm(metric_import, metric_import.mapping, False, users["editor"])
