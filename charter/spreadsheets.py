"""Tables for download as CSV and as Excel workbooks, safe to open in a spreadsheet.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula, so a
metric named ``=HYPERLINK(…)`` could act when the file is opened. In CSV such text cells
get a leading apostrophe, which spreadsheets read as "this is text"; numbers are written as
numbers and never changed. In a workbook every cell is typed instead: numbers as numbers,
dates as dates and text as text, which Excel never evaluates. A workbook cannot hold most
control characters at all (XML 1.0 forbids them), so they are dropped from its text cells;
the CSV keeps every character as written.
"""

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NUMBER_FORMATS = {"number": "#,##0.00", "date": "yyyy-mm-dd", "datetime": "yyyy-mm-dd hh:mm"}
SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
# The control characters XML 1.0 cannot hold, as openpyxl refuses them: spelled out here so
# that a page offering a download does not import openpyxl, which only writing a workbook needs.
WORKBOOK_ILLEGAL_CHARACTERS = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


@dataclass(frozen=True)
class Column:
    title: str
    kind: str = "text"  # text, number, date, datetime or flag
    width: int = 16


def safe_text(value: str) -> str:
    """Text a spreadsheet will not run as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def workbook_text(value: str) -> str:
    """Text without the control characters a workbook cannot store (tab and newlines stay)."""
    return WORKBOOK_ILLEGAL_CHARACTERS.sub("", value)


def _local(value: datetime) -> datetime:
    return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, Decimal | int | float):
        return str(value)
    if isinstance(value, datetime):
        return f"{_local(value):%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return value.isoformat()
    return safe_text(str(value))


def csv_bytes(columns: Sequence[Column], rows: Iterable[Sequence]) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel shows accents and Chinese text rightly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_text(str(column.title)) for column in columns])
    for row in rows:
        writer.writerow([_csv_cell(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def _xlsx_cell(sheet, value, column: Column):
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, str):
        value = workbook_text(value)
    if value == "":
        value = None
    if isinstance(value, datetime):
        value = _local(value)
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text starts with
    elif column.kind in NUMBER_FORMATS and value is not None:
        cell.number_format = NUMBER_FORMATS[column.kind]
    return cell


def xlsx_bytes(title: str, columns: Sequence[Column], rows: Iterable[Sequence]) -> bytes:
    # Imported here: openpyxl costs every process that starts the app most of a second.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet_title = SHEET_TITLE_FORBIDDEN.sub(" ", workbook_text(str(title)))[:31]
    sheet = workbook.create_sheet(sheet_title or "Sheet")
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=workbook_text(str(column.title)))
        cell.data_type, cell.font = "s", bold
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append(
            [_xlsx_cell(sheet, value, column) for value, column in zip(row, columns, strict=True)]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def download(content: bytes, file_name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, file_name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def table_download(
    file_format: str,
    name: str,
    sheet_title: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence],
) -> HttpResponse:
    """The table as ``<name>.csv``, or as ``<name>.xlsx`` with one sheet."""
    if file_format == "xlsx":
        return download(xlsx_bytes(sheet_title, columns, rows), f"{name}.xlsx", XLSX_TYPE)
    return download(csv_bytes(columns, rows), f"{name}.csv", CSV_TYPE)
