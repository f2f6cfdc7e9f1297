"""Metric actuals out to a spreadsheet and in from CSV.

**Export**: one row per metric and reported period (a metric without actuals gets one row
with an empty period), the metric's definition repeated on each row so that the sheet can
be filtered and pivoted. Its first four columns are what the import reads, so an exported
file, edited, imports again.

**Import** is the core's careful CSV import (``charter.csvimport``): upload, preview with
the column mapping, confirm. Columns: metric (its name), period, value and an optional
note. A period is a quarter (``2026-Q3``), a month (``2026-07``) or any date inside the
period, kept as the first day of the metric's month or quarter. A row is refused, with its
line number, for an unknown metric, a value that is not a number, a period that is not one
or has not started, or a second row for the same metric and period. A period that already
has an actual is never silently overwritten: with the same value it counts as imported
before (so importing a file twice adds nothing); with another value it is reported, and
replaced only when the user ticks "update existing actuals".
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import DecimalValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from charter import csvimport
from charter.errors import DomainError
from charter.models import AuditEvent, Charter, EditConflict, Metric, MetricActual, MetricImport
from charter.people import person
from charter.periods import first_day_of_quarter, period_label, period_start
from charter.spreadsheets import Column

# Export ------------------------------------------------------------------------------

COLUMNS = [
    Column(gettext_lazy("Metric"), width=32),
    Column(gettext_lazy("Period"), width=10),
    Column(gettext_lazy("Value"), "number", width=12),
    Column(gettext_lazy("Note"), width=30),
    Column(gettext_lazy("Period start"), "date", width=12),
    Column(gettext_lazy("Kind"), width=10),
    Column(gettext_lazy("Unit"), width=8),
    Column(gettext_lazy("Baseline"), "number", width=12),
    Column(gettext_lazy("Target"), "number", width=12),
    Column(gettext_lazy("Direction"), width=18),
    Column(gettext_lazy("Cadence"), width=10),
    Column(gettext_lazy("Owner"), width=20),
    Column(gettext_lazy("Owner email"), width=26),
    Column(gettext_lazy("Data source"), width=20),
    Column(gettext_lazy("Leading indicators"), width=40),
]


def export_rows(charter: Charter) -> list[list]:
    metrics = (
        charter.metrics.order_by("position", "pk")
        .select_related("owner__profile")
        .prefetch_related("actuals", "drivers")
    )
    rows = []
    for metric in metrics:
        owner = metric.owner
        definition = [
            metric.get_kind_display(),
            metric.unit,
            metric.baseline,
            metric.target,
            metric.get_direction_display(),
            metric.get_cadence_display(),
            person(owner) if owner else "",
            owner.email if owner else "",
            metric.data_source,
            "; ".join(driver.name for driver in metric.drivers.all()),
        ]
        for actual in metric.actuals.all() or [None]:
            if actual is None:
                rows.append([metric.name, "", None, "", None, *definition])
                continue
            period = period_label(actual.period_start, metric.cadence)
            rows.append(
                [metric.name, period, actual.value, actual.note, actual.period_start, *definition]
            )
    return rows


def export_name(charter: Charter) -> str:
    return _("%(charter)s — metrics") % {"charter": charter.title}


SHEET_TITLE = gettext_lazy("Metrics")


# Import ------------------------------------------------------------------------------

TARGETS = [
    csvimport.Target(
        "metric",
        gettext_lazy("Metric"),
        required=True,
        aliases=("metric name", "name", "kpi", "indicator"),
        help_text=gettext_lazy("The metric's name as it is in the charter."),
    ),
    csvimport.Target(
        "period",
        gettext_lazy("Period"),
        required=True,
        aliases=("quarter", "month", "period start", "date"),
        help_text=gettext_lazy("2026-Q3, 2026-07 or any date in the period (YYYY-MM-DD)."),
    ),
    csvimport.Target(
        "value",
        gettext_lazy("Value"),
        required=True,
        aliases=("actual", "result", "amount"),
    ),
    csvimport.Target("note", gettext_lazy("Note"), aliases=("comment", "notes", "remark")),
]
NOTE_LIMIT = MetricActual._meta.get_field("note").max_length
VALUE_FIELD = MetricActual._meta.get_field("value")
QUARTER = re.compile(r"^(\d{4})\s*[-/ ]?\s*Q([1-4])$|^Q([1-4])\s*[-/ ]?\s*(\d{4})$", re.IGNORECASE)
MONTH = re.compile(r"^(\d{4})[-/.](\d{1,2})$")
DAY = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$")
SPACES = re.compile(r"[\s\u00a0\u202f]")
THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+$")


def metric_key(name: str) -> str:
    """Names match whatever their case, width or spacing; the export's formula guard is undone."""
    if name.startswith("'") and name[1:].startswith(("=", "+", "-", "@")):
        name = name[1:]
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def parse_period(text: str, cadence: str) -> date:
    """``2026-Q3``, ``2026-07`` or a date → the first day of the metric's period."""
    text = text.strip()
    if match := QUARTER.match(text):
        year, quarter = (match[1], match[2]) if match[1] else (match[4], match[3])
        if cadence == Metric.Cadence.MONTHLY:
            raise ValidationError(
                _(
                    "“%(value)s” is a quarter, but this metric is reported monthly: give a month such as 2026-07."
                )
                % {"value": text}
            )
        return first_day_of_quarter(int(year), int(quarter))
    try:
        if match := MONTH.match(text):
            day = date(int(match[1]), int(match[2]), 1)
        elif match := DAY.match(text):
            day = date(int(match[1]), int(match[2]), int(match[3]))
        else:
            raise ValueError(text)
    except ValueError:
        raise ValidationError(
            _("“%(value)s” is not a period: write 2026-Q3, 2026-07 or a date as YYYY-MM-DD.")
            % {"value": text[:40]}
        ) from None
    return period_start(day, cadence)


def parse_value(text: str) -> Decimal:
    """A number as people type it: 1234.5, 1,234.5, 1.234,5, 12,5, 23 %, $48,000."""
    cleaned = SPACES.sub("", text).strip("%$€£¥")
    if "," in cleaned and "." in cleaned:
        decimal_mark = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        cleaned = cleaned.replace("." if decimal_mark == "," else ",", "").replace(",", ".")
    elif "," in cleaned:
        sign = cleaned[0] if cleaned[:1] in "+-" else ""
        digits = cleaned[len(sign) :]
        cleaned = sign + (
            digits.replace(",", "") if THOUSANDS.match(digits) else digits.replace(",", ".")
        )
    try:
        number = Decimal(cleaned)
        if not number.is_finite():
            raise InvalidOperation
    except InvalidOperation:
        raise ValidationError(_("“%(value)s” is not a number.") % {"value": text[:40]}) from None
    DecimalValidator(VALUE_FIELD.max_digits, VALUE_FIELD.decimal_places)(number)
    return number


@dataclass(frozen=True)
class ParsedActual:
    metric: Metric
    period_start: date
    value: Decimal
    note: str


def check_actual(metric: Metric | None, values: dict[str, str], today: date):
    """One reported actual → (ParsedActual, []) or (None, messages); the period is checked
    only when the metric is known.

    The CSV import and the API both ask this, so a figure is refused for the same reasons
    whichever way it arrives.
    """
    errors = []
    start = value = None
    try:
        if metric is not None:
            start = parse_period(values.get("period", ""), metric.cadence)
            if start > today:
                errors.append(
                    _("%(period)s has not started yet.")
                    % {"period": period_label(start, metric.cadence)}
                )
    except ValidationError as error:
        errors.extend(error.messages)
    try:
        value = parse_value(values.get("value", ""))
    except ValidationError as error:
        errors.extend(error.messages)
    note = values.get("note", "")
    if len(note) > NOTE_LIMIT:
        errors.append(_("The note is longer than %(limit)s characters.") % {"limit": NOTE_LIMIT})
    if errors or metric is None:
        return None, errors
    return ParsedActual(metric, start, value, note), []


def validator(charter: Charter, today: date) -> csvimport.Validator:
    metrics = {metric_key(metric.name): metric for metric in charter.metrics.all()}

    def validate(values: dict[str, str]):
        name = values.get("metric", "")
        metric = metrics.get(metric_key(name))
        parsed, errors = check_actual(metric, values, today)
        if metric is None:
            errors.insert(
                0,
                _("There is no metric “%(name)s” in this charter.") % {"name": name[:80]}
                if name
                else _("The metric is missing."),
            )
        return parsed, errors

    return validate


@dataclass
class ActualsReport(csvimport.Report):
    """The core report, telling new actuals from replaced ones."""

    new: int = 0
    updates: int = 0

    def as_json(self) -> dict:
        return {**super().as_json(), "new": self.new, "updates": self.updates}


def start(charter: Charter, upload_form: csvimport.UploadForm, by) -> MetricImport:
    """Keep an inspected upload for its preview, with a first guess at the column mapping."""
    mapping = csvimport.suggest_mapping(upload_form.layout.header, TARGETS)
    return MetricImport.keep(upload_form, by, charter=charter, mapping=mapping)


def analyse(
    metric_import: MetricImport, mapping: dict, update_existing: bool, *, save_as=None
) -> ActualsReport:
    """Check every row; with ``save_as`` (a user), also store the good ones."""
    charter = metric_import.charter
    existing = {
        (actual.metric_id, actual.period_start): actual
        for actual in MetricActual.objects.filter(metric__charter=charter)
    }
    first_line: dict[tuple, int] = {}
    new, changed = [], []
    report = ActualsReport()
    layout = csvimport.Layout.from_json(metric_import.layout)
    with metric_import.file.open("rb") as file:
        for row in csvimport.rows(file, layout, mapping, validator(charter, timezone.localdate())):
            if not row.errors:
                parsed: ParsedActual = row.cleaned
                key = (parsed.metric.pk, parsed.period_start)
                current = existing.get(key)
                if key in first_line:
                    row.errors.append(_duplicate(parsed, first_line[key]))
                elif current is not None and _same(current, parsed):
                    row.already_imported = True
                elif current is not None and not update_existing:
                    row.errors.append(_taken(parsed, current))
                elif current is not None:
                    changed.append((current, parsed))
                else:
                    new.append(parsed)
                first_line.setdefault(key, row.line)
            report.add(row)
    report.new, report.updates = len(new), len(changed)
    if save_as is not None:
        _store(new, changed, save_as)
    return report


def _same(current: MetricActual, parsed: ParsedActual) -> bool:
    return current.value == parsed.value and parsed.note in ("", current.note)


def _duplicate(parsed: ParsedActual, line: int) -> str:
    return _("Line %(line)s already gives “%(metric)s” for %(period)s.") % {
        "line": line,
        "metric": parsed.metric.name,
        "period": period_label(parsed.period_start, parsed.metric.cadence),
    }


def _taken(parsed: ParsedActual, current: MetricActual) -> str:
    return _(
        "“%(metric)s” already has %(current)s for %(period)s; tick “update existing actuals” "
        "to replace it with %(value)s."
    ) % _taken_values(parsed, current)


def _taken_values(parsed: ParsedActual, current: MetricActual) -> dict:
    return {
        "metric": parsed.metric.name,
        "current": current.value,
        "period": period_label(parsed.period_start, parsed.metric.cadence),
        "value": parsed.value,
    }


def _store(new: list[ParsedActual], changed: list[tuple], by) -> None:
    now = timezone.now()
    MetricActual.objects.bulk_create(
        [
            MetricActual(
                metric=parsed.metric,
                period_start=parsed.period_start,
                value=parsed.value,
                note=parsed.note,
                recorded_by=by,
                updated_by=by,
                source=MetricActual.Source.CSV,
            )
            for parsed in new
        ],
        # Someone reporting the same period by hand meanwhile keeps their value.
        ignore_conflicts=True,
    )
    for current, parsed in changed:
        current.value, current.note = parsed.value, parsed.note or current.note
        current.recorded_by, current.recorded_at = by, now
        current.source = MetricActual.Source.CSV
        try:
            current.save_revision(current.revision, by)
        except EditConflict:
            continue  # edited by hand since the preview: that value stands


class ActualTaken(DomainError):
    """The period already has another value and the caller did not ask to replace it."""


def record_actual(parsed: ParsedActual, by, *, replace: bool, source: str) -> str:
    """Store one actual under the import's rule: "created", "unchanged" or "updated".

    The same figure sent again changes nothing, and another figure for a period that has one
    raises ``ActualTaken`` unless ``replace``. The row is locked so that two callers sending
    the same period at once cannot both create it or undo each other.
    """
    with transaction.atomic():
        current = (
            MetricActual.objects.select_for_update()
            .filter(metric=parsed.metric, period_start=parsed.period_start)
            .first()
        )
        if current is None:
            _actual, created = MetricActual.objects.get_or_create(
                metric=parsed.metric,
                period_start=parsed.period_start,
                defaults={
                    "value": parsed.value,
                    "note": parsed.note,
                    "recorded_by": by,
                    "updated_by": by,
                    "source": source,
                },
            )
            if created:
                _audit_recorded(parsed, by, source, previous=None)
                return "created"
            return record_actual(parsed, by, replace=replace, source=source)
        if _same(current, parsed):
            return "unchanged"
        if not replace:
            raise ActualTaken(
                _(
                    "“%(metric)s” already has %(current)s for %(period)s; send “replace”: true "
                    "to replace it with %(value)s."
                )
                % _taken_values(parsed, current)
            )
        previous = current.value
        current.value, current.note = parsed.value, parsed.note or current.note
        current.recorded_by, current.source = by, source
        current.save_revision(current.revision, by)
        _audit_recorded(parsed, by, source, previous=previous)
        return "updated"


def _audit_recorded(parsed: ParsedActual, by, source: str, previous) -> None:
    changes = {
        "period": period_label(parsed.period_start, parsed.metric.cadence),
        "value": str(parsed.value),
        "source": str(MetricActual.Source(source).label),
    }
    if previous is not None:
        changes["previous value"] = str(previous)
    AuditEvent.record(
        parsed.metric.charter.workspace, by, "metric.actual_recorded", parsed.metric, changes
    )


def confirm(metric_import: MetricImport, mapping: dict, update_existing: bool, by) -> MetricImport:
    """Import the good rows once; confirming again (a double click) changes nothing."""

    def apply(pending: MetricImport) -> dict:
        report = analyse(pending, mapping, update_existing, save_as=by)
        pending.mapping, pending.update_existing = mapping, update_existing
        AuditEvent.record(
            pending.charter.workspace,
            by,
            "metric.actuals_imported",
            pending.charter,
            changes={"new": report.new, "updated": report.updates, "invalid": report.invalid},
        )
        return report.as_json()

    return metric_import.confirm(apply)


class MappingForm(csvimport.MappingForm):
    """Which column holds what, and whether periods that already have an actual are replaced."""

    update_existing = forms.BooleanField(
        required=False,
        label=gettext_lazy("Update existing actuals"),
        help_text=gettext_lazy(
            "Replace the value of a period that already has an actual. Unticked, such rows are "
            "listed as errors and left as they are."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, targets=TARGETS, **kwargs)
        self.fields["update_existing"] = self.fields.pop("update_existing")  # after the columns
