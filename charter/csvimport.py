"""Careful CSV import that knows nothing about models.

An app imports a CSV in three steps: ``inspect`` a freshly uploaded file (size, encoding,
delimiter, header — a ``CsvProblem`` says in plain words why a file cannot be read), let
the user map columns to the app's ``Target`` fields (``MappingForm``, pre-filled by
``suggest_mapping``), then stream ``rows`` through the app's validation callback, once to
preview and once to save. Rows come out one at a time with their line number, their
errors and a fingerprint, so that 10,000 rows or a 50 MB file stay bounded in memory, a
bad row never stops the good ones, and a row imported before can be recognised.
"""

import codecs
import csv
import hashlib
import io
import json
import re
import unicodedata
from collections.abc import Callable, Container, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, BinaryIO

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

HEAD_BYTES = 64 * 1024
MAX_ROWS = 50_000
# Longest physical line read at once: a file without line breaks must not be read whole.
MAX_LINE_CHARS = 1024 * 1024
DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {
    ",": gettext_lazy("comma"),
    ";": gettext_lazy("semicolon"),
    "\t": gettext_lazy("tab"),
    "|": gettext_lazy("vertical bar"),
}
ENCODING_NAMES = {
    "utf-8": gettext_lazy("UTF-8"),
    "utf-8-sig": gettext_lazy("UTF-8 with byte-order mark"),
    "utf-16": gettext_lazy("UTF-16"),
    "utf-16-le": gettext_lazy("UTF-16"),
    "utf-16-be": gettext_lazy("UTF-16"),
    "utf-32": gettext_lazy("UTF-32"),
    "cp1252": gettext_lazy("Windows-1252 (Western European)"),
}
SAVE_AS_CSV = gettext_lazy(
    "In your spreadsheet choose “Save as” or “Download” and pick “CSV UTF-8”."
)


class CsvProblem(ValueError):
    """The file as a whole cannot be imported; the message is safe to show to the user."""


@dataclass(frozen=True)
class Layout:
    """What ``inspect`` found out about a file, enough to read it again later."""

    encoding: str
    delimiter: str
    header: tuple[str, ...]
    rows: int = 0

    @property
    def encoding_name(self) -> str:
        return str(ENCODING_NAMES.get(self.encoding, self.encoding))

    @property
    def delimiter_name(self) -> str:
        return str(DELIMITER_NAMES.get(self.delimiter, self.delimiter))

    def as_json(self) -> dict:
        return {
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "header": list(self.header),
            "rows": self.rows,
        }

    @classmethod
    def from_json(cls, data: Mapping) -> "Layout":
        return cls(data["encoding"], data["delimiter"], tuple(data["header"]), data.get("rows", 0))


def file_size(file: BinaryIO) -> int:
    size = getattr(file, "size", None)
    if size is None:
        size = file.seek(0, io.SEEK_END)
    return size


def file_sha256(file: BinaryIO) -> str:
    file.seek(0)
    digest = hashlib.sha256()
    for chunk in iter(lambda: file.read(HEAD_BYTES), b""):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def inspect(file: BinaryIO, *, max_bytes: int | None = None, max_rows: int = MAX_ROWS) -> Layout:
    """Find encoding, delimiter and header from the head of the file, then read it through once
    so that every problem with the file as a whole is known before anything is imported."""
    max_bytes = settings.UPLOAD_MAX_BYTES if max_bytes is None else max_bytes
    size = file_size(file)
    if size == 0:
        raise CsvProblem(_("The file is empty."))
    if size > max_bytes:
        raise CsvProblem(
            _("The file is %(size)s; files up to %(limit)s can be imported. Split it up.")
            % {"size": filesizeformat(size), "limit": filesizeformat(max_bytes)}
        )
    file.seek(0)
    head = file.read(HEAD_BYTES)
    complete = size <= HEAD_BYTES
    encoding = detect_encoding(head, complete=complete)
    lines = codecs.getincrementaldecoder(encoding)().decode(head, final=complete).splitlines(True)
    if not complete and len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut in the middle
    if not "".join(lines).strip():
        raise CsvProblem(_("The file is empty."))
    delimiter = sniff_delimiter(lines)
    parsed = [cells for cells in _parse(lines, delimiter) if _has_content(cells)]
    if not parsed:
        raise CsvProblem(
            _("The first lines cannot be read as CSV. %(hint)s") % {"hint": SAVE_AS_CSV}
        )
    layout = Layout(encoding=encoding, delimiter=delimiter, header=tuple(_clean_header(parsed[0])))
    count = sum(1 for _record in records(file, layout, max_rows=max_rows))
    if not count:
        raise CsvProblem(_("The file has a header row but no rows of data below it."))
    file.seek(0)
    return replace(layout, rows=count)


def detect_encoding(head: bytes, *, complete: bool = False) -> str:
    """UTF-8 (with or without BOM), UTF-16/32, else Windows-1252; binary data is refused."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if head.startswith(bom):
            return encoding
    if head.startswith(b"PK\x03\x04"):
        raise CsvProblem(
            _("This is an Excel workbook or another zipped file, not CSV. %(hint)s")
            % {"hint": SAVE_AS_CSV}
        )
    if b"\x00" in head:
        encoding = _utf16_without_bom(head)
        if encoding is None:
            raise CsvProblem(_("This is not a text file. %(hint)s") % {"hint": SAVE_AS_CSV})
        return encoding
    if _looks_binary(head):
        raise CsvProblem(_("This is not a text file. %(hint)s") % {"hint": SAVE_AS_CSV})
    for encoding in ("utf-8", "cp1252"):
        try:
            codecs.getincrementaldecoder(encoding)().decode(head, final=complete)
        except UnicodeDecodeError:
            continue
        return encoding
    raise CsvProblem(
        _("The text is neither UTF-8 nor Windows-1252, so it cannot be read reliably. %(hint)s")
        % {"hint": SAVE_AS_CSV}
    )


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text of mostly Latin letters has a zero in every other byte."""
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    half = len(head) // 2 or 1
    if odd / half > 0.4 and even / half < 0.05:
        return "utf-16-le"
    if even / half > 0.4 and odd / half < 0.05:
        return "utf-16-be"
    return None


CONTROL_BYTES = frozenset(set(range(32)) - {9, 10, 12, 13} | {127})


def _looks_binary(head: bytes) -> bool:
    controls = sum(1 for byte in head if byte in CONTROL_BYTES)
    return controls > max(2, len(head) // 100)


def sniff_delimiter(lines: Sequence[str]) -> str:
    """The candidate that splits the first lines into the same number (>1) of columns most often."""
    sample = [line for line in lines[:50] if line.strip()]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        counts = [len(cells) for cells in _parse(sample, delimiter)]
        if not counts or counts[0] < 2:
            continue
        consistent = sum(1 for count in counts if count == counts[0])
        score = (consistent, counts[0])
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _parse(lines: Sequence[str], delimiter: str) -> list[list[str]]:
    try:
        return list(csv.reader(lines, delimiter=delimiter))
    except csv.Error:
        return []


def _has_content(cells: Sequence[str]) -> bool:
    return any(cell.strip() for cell in cells)


def _clean_header(cells: Sequence[str]) -> list[str]:
    names = [cell.strip().lstrip("\ufeff").strip() for cell in cells]
    while names and not names[-1]:
        names.pop()
    return [
        name or _("Column %(number)s") % {"number": index + 1} for index, name in enumerate(names)
    ]


@dataclass(frozen=True)
class Record:
    line: int  # where the record starts, counted from 1 like a text editor does
    cells: list[str]


def records(file: BinaryIO, layout: Layout, *, max_rows: int = MAX_ROWS) -> Iterator[Record]:
    """Stream the data records below the header; blank records are skipped."""
    file.seek(0)
    # Undecodable bytes become lone surrogates so that the exact line can be named.
    text = io.TextIOWrapper(file, encoding=layout.encoding, errors="surrogateescape", newline="")
    reader = csv.reader(_checked_lines(text, layout), delimiter=layout.delimiter)
    line, header_seen, count = 1, False, 0
    try:
        for cells in reader:
            start, line = line, reader.line_num + 1
            if not _has_content(cells):
                continue
            if not header_seen:
                header_seen = True
                continue
            count += 1
            if count > max_rows:
                raise CsvProblem(
                    _("The file has more than %(limit)s rows. Split it into smaller files.")
                    % {"limit": f"{max_rows:,}"}
                )
            yield Record(line=start, cells=[cell.strip() for cell in cells])
    except UnicodeDecodeError as error:
        raise _undecodable(line, layout) from error
    except csv.Error as error:
        raise CsvProblem(
            _("Line %(line)s cannot be read as CSV: %(error)s.") % {"line": line, "error": error}
        ) from error
    finally:
        text.detach()  # leave the caller's file open


def _undecodable(line: int, layout: Layout) -> CsvProblem:
    return CsvProblem(
        _("Line %(line)s is not valid %(encoding)s text. %(hint)s")
        % {"line": line, "encoding": layout.encoding_name, "hint": SAVE_AS_CSV}
    )


ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def _checked_lines(text: io.TextIOBase, layout: Layout) -> Iterator[str]:
    """Physical lines, each bounded in length and refused when it holds undecodable bytes."""
    number = 0
    while line := text.readline(MAX_LINE_CHARS):
        number += 1
        if len(line) == MAX_LINE_CHARS and not line.endswith(("\n", "\r")):
            raise CsvProblem(
                _("Line %(line)s is longer than %(limit)s characters; is this really a CSV file?")
                % {"line": number, "limit": f"{MAX_LINE_CHARS:,}"}
            )
        if ESCAPED_BYTE.search(line):
            raise _undecodable(number, layout)
        if "\x00" in line:
            raise csv.Error(_("it contains binary data"))
        yield line


@dataclass(frozen=True)
class Target:
    """A field of the app's model that a column can be mapped to."""

    key: str
    label: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    help_text: str = ""


def normalize_name(name: str) -> str:
    folded = unicodedata.normalize("NFKC", str(name)).casefold()
    return re.sub(r"[\W_]+", "", folded)


def suggest_mapping(header: Sequence[str], targets: Sequence[Target]) -> dict[str, int | None]:
    """Map each target to the column whose name matches its key, label or an alias."""
    columns = [normalize_name(name) for name in header]
    mapping: dict[str, int | None] = {}
    taken: set[int] = set()
    for exact in (True, False):
        for target in targets:
            if mapping.get(target.key) is not None:
                continue
            names = [normalize_name(n) for n in (target.key, target.label, *target.aliases)]
            mapping[target.key] = _matching_column(columns, names, taken, exact)
            if mapping[target.key] is not None:
                taken.add(mapping[target.key])
    return mapping


def _matching_column(columns, names, taken, exact: bool) -> int | None:
    for index, column in enumerate(columns):
        if index in taken or not column:
            continue
        for name in names:
            if not name:
                continue
            if column == name or (
                not exact
                and min(len(column), len(name)) >= 4
                and (name in column or column in name)
            ):
                return index
    return None


class MappingForm(forms.Form):
    """One select per target: which column of the file holds it."""

    prefix = "map"

    def __init__(self, *args, header: Sequence[str], targets: Sequence[Target], **kwargs):
        super().__init__(*args, **kwargs)
        self.targets = list(targets)
        choices = [("", _("— not in the file —"))] + [
            (str(index), name) for index, name in enumerate(header)
        ]
        for target in self.targets:
            self.fields[target.key] = forms.TypedChoiceField(
                label=target.label,
                choices=choices,
                coerce=int,
                empty_value=None,
                required=target.required,
                help_text=target.help_text,
                error_messages={
                    "required": _("Choose the column that holds “%(target)s”.")
                    % {"target": target.label}
                },
            )

    def clean(self):
        cleaned = super().clean()
        used: dict[int, str] = {}
        for target in self.targets:
            column = cleaned.get(target.key)
            if column is None:
                continue
            if column in used:
                self.add_error(
                    target.key,
                    _("This column is already mapped to “%(other)s”.") % {"other": used[column]},
                )
            used[column] = target.label
        if not used and not self.errors:
            raise forms.ValidationError(_("Map at least one column."))
        return cleaned

    @property
    def mapping(self) -> dict[str, int | None]:
        return {target.key: self.cleaned_data.get(target.key) for target in self.targets}


# The app's check of one row: mapped values → (cleaned value, error messages).
Validator = Callable[[dict[str, str]], tuple[Any, list[str]]]


@dataclass
class Row:
    line: int
    values: dict[str, str]
    # Identifies the row across imports: its cells, and how often the same cells came before
    # in this file, so that two identical rows stay two rows and re-importing adds nothing.
    fingerprint: str
    repeat_of: int | None = None
    cleaned: Any = None
    errors: list[str] = field(default_factory=list)
    already_imported: bool = False

    @property
    def importable(self) -> bool:
        return not self.errors and not self.already_imported


def rows(
    file: BinaryIO,
    layout: Layout,
    mapping: Mapping[str, int | None],
    validate: Validator,
    *,
    known_fingerprints: Container[str] = frozenset(),
    max_rows: int = MAX_ROWS,
) -> Iterator[Row]:
    first_seen: dict[bytes, tuple[int, int]] = {}
    for record in records(file, layout, max_rows=max_rows):
        cells = list(record.cells)
        while cells and not cells[-1]:
            cells.pop()  # spreadsheets add trailing separators on re-save
        content = hashlib.sha256(json.dumps(cells, ensure_ascii=False).encode()).digest()
        first_line, seen = first_seen.get(content, (record.line, 0))
        first_seen[content] = (first_line, seen + 1)
        fingerprint = hashlib.sha256(content + str(seen).encode()).hexdigest()
        values = {
            key: (record.cells[index] if index is not None and index < len(record.cells) else "")
            for key, index in mapping.items()
        }
        row = Row(
            line=record.line,
            values=values,
            fingerprint=fingerprint,
            repeat_of=first_line if seen else None,
            already_imported=fingerprint in known_fingerprints,
        )
        if not row.already_imported:
            row.cleaned, row.errors = validate(values)
        yield row


@dataclass
class Report:
    """Counts, the first rows for a preview and the errors by line number."""

    sample_size: int = 10
    max_errors: int = 200
    rows: int = 0
    importable: int = 0
    already_imported: int = 0
    invalid: int = 0
    errors: list[dict] = field(default_factory=list)
    sample: list[Row] = field(default_factory=list)

    def add(self, row: Row) -> None:
        self.rows += 1
        if row.already_imported:
            self.already_imported += 1
        elif row.errors:
            self.invalid += 1
            if len(self.errors) < self.max_errors:
                self.errors.append({"line": row.line, "messages": list(row.errors)})
        else:
            self.importable += 1
        if len(self.sample) < self.sample_size:
            self.sample.append(row)

    def as_json(self) -> dict:
        return {
            "rows": self.rows,
            "importable": self.importable,
            "already_imported": self.already_imported,
            "invalid": self.invalid,
            "errors": self.errors,
        }


class UploadForm(forms.Form):
    """A CSV upload that is inspected on validation; ``layout`` is set when it is valid."""

    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "A header row, then one row per record. Commas, semicolons or tabs; UTF-8 or "
            "Windows encodings."
        ),
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        try:
            self.layout = inspect(uploaded)
        except CsvProblem as problem:
            raise forms.ValidationError(str(problem), code="unreadable") from problem
        return uploaded
