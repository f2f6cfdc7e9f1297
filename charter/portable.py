"""A whole charter as one JSON document, and that document imported as a new charter.

The format, ``charterboard.charter`` version 1::

    {"format": "charterboard.charter", "format_version": 1,
     "charter": {"title": "…", "period_start": "2026-07-01", "period_end": "…", "language": "en"},
     "parts": {"current-state": {…}, "future-success": {…}, "scope": {…}, …}}

Each app describes its parts through the registry (``register_portable``): the core sections
in ``charter/portable_parts.py``, research and roadmap in their ``portable.py``. What
travels is what people wrote for the charter. What stays behind is history, which belongs
to the workspace it happened in (versions, reviews and votes, comments, the audit trail,
PDF exports, reminders sent, imports), and what the workspace owns (its members, advisory
board and meetings, interview guides). The workspace's maturity model and service catalogue
travel as the levels, dimensions and services the charter uses; the target workspace's own
are matched by name (levels by name, then rank) and missing ones are added. People travel
as email addresses and become the target workspace's member with that address, or nobody.

Importing checks the whole document first and reports every problem with its JSON path;
only then does it create the charter, in one transaction, so that a problem found while
saving (say, two actuals for the same period) undoes everything.
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, models, transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .csvimport import file_size
from .errors import DomainError
from .models import AuditEvent, Charter, Workspace
from .portable_fields import (
    Checker,
    Problem,
    Record,
    Text,
    Whole,
    at,
    check_characters,
    fields_of,
)
from .registry import portable_parts

FORMAT = "charterboard.charter"
FORMAT_VERSION = 1
ROOT = "$"
CHARTER = Record(fields_of(Charter, "title", "period_start", "period_end", "language"))


class InvalidDocument(DomainError):
    """The document cannot be imported; ``problems`` say where and why."""

    def __init__(self, problems: list[Problem]):
        super().__init__(_("The file cannot be imported; nothing was changed."))
        self.problems = problems


@dataclass
class ExportContext:
    """The document's ids of the rows exported so far, by kind."""

    ids: dict[str, dict[int, Any]] = field(default_factory=lambda: defaultdict(dict))

    def number(self, kind: str, pk: int) -> int:
        numbers = self.ids[kind]
        return numbers.setdefault(pk, len(numbers) + 1)

    def name(self, kind: str, pk: int, key) -> None:
        self.ids[kind][pk] = key

    def has(self, kind: str, pk: int) -> bool:
        return pk in self.ids[kind]

    def ref(self, kind: str, pk: int):
        return self.ids[kind][pk]


class ImportContext:
    """What the parts of one import share: the rows made so far by document id, and people."""

    def __init__(self, workspace: Workspace, by):
        self.workspace = workspace
        self.by = by
        self.path = ROOT
        self.objects: dict[str, dict[Any, models.Model]] = defaultdict(dict)
        self.unmatched_people: set[str] = set()
        self.notes: list[str] = []
        # What one part leaves for a later part to resolve (the roadmap phase an audience is
        # served from, by number, until the roadmap's phases exist), by a key both know.
        self.pending: dict[str, list] = defaultdict(list)
        self._people: dict[str, Any] | None = None

    def at(self, *keys: str | int) -> str:
        path = self.path
        for key in keys:
            path = at(path, key)
        return path

    def remember(self, kind: str, key, obj: models.Model) -> None:
        self.objects[kind][key] = obj

    def lookup(self, kind: str, key) -> models.Model:
        return self.objects[kind][key]

    def person(self, email: str):
        if self._people is None:
            members = get_user_model().objects.filter(memberships__workspace=self.workspace)
            self._people = {}
            for user in members.exclude(email="").order_by("pk"):
                self._people.setdefault(user.email.casefold(), user)
        user = self._people.get(email.casefold())
        if user is None:
            self.unmatched_people.add(email)
        return user

    def note(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)

    def invalid(self, error: ValidationError, path: str) -> "InvalidDocument":
        return InvalidDocument(_problems(error, path))

    def save(self, obj: models.Model, path: str) -> None:
        """Validate like a form would (fields, rules, constraints), then save."""
        self.validate(obj, path)
        obj.save()

    def save_all(self, model: type[models.Model], objs: list[models.Model], path: str) -> None:
        """Many simple rows: field checks only, then one insert per thousand rows."""
        relations = _relations(model)
        for index, obj in enumerate(objs):
            try:
                obj.clean_fields(exclude=relations)
                obj.clean()
            except ValidationError as error:
                raise self.invalid(error, at(path, index)) from error
        model.objects.bulk_create(objs, batch_size=1000)

    def validate(self, obj: models.Model, path: str) -> None:
        # Relations are set from rows made by the import, never typed: no need to query them.
        try:
            obj.clean_fields(exclude=_relations(type(obj)))
            obj.clean()
            obj.validate_unique()
            obj.validate_constraints()
        except ValidationError as error:
            raise self.invalid(error, path) from error


def _relations(model) -> list[str]:
    return [
        model_field.name for model_field in model._meta.concrete_fields if model_field.is_relation
    ]


def _problems(error: ValidationError, path: str) -> list[Problem]:
    if not hasattr(error, "error_dict"):
        return [Problem(path, message) for message in error.messages]
    return [
        Problem(path if name == NON_FIELD_ERRORS else at(path, name), message)
        for name, messages in error.message_dict.items()
        for message in messages
    ]


@dataclass
class ImportResult:
    charter: Charter
    unmatched_people: list[str]
    notes: list[str]


def export_charter(charter: Charter) -> dict:
    context = ExportContext()
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "charter": CHARTER.dump(charter, context),
        "parts": {part.key: part.export(charter, context) for part in portable_parts()},
    }


def render(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=2).encode()


def file_name(charter: Charter) -> str:
    return f"{charter.title}.charter.json"


def read(file: BinaryIO, *, max_bytes: int | None = None):
    """An uploaded file → the parsed JSON, or ``InvalidDocument`` saying why it is not JSON."""
    max_bytes = settings.UPLOAD_MAX_BYTES if max_bytes is None else max_bytes
    size = file_size(file)
    if size == 0:
        raise _unreadable(_("The file is empty."))
    if size > max_bytes:
        raise _unreadable(
            _("The file is %(size)s; files up to %(limit)s can be imported.")
            % {"size": filesizeformat(size), "limit": filesizeformat(max_bytes)}
        )
    file.seek(0)
    raw = file.read(max_bytes + 1)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _unreadable(
            _("This is not a JSON export: byte %(position)s is not UTF-8 text.")
            % {"position": error.start + 1}
        ) from error
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise _unreadable(
            _("This is not valid JSON: %(error)s at line %(line)s, column %(column)s.")
            % {"error": error.msg, "line": error.lineno, "column": error.colno}
        ) from error
    except RecursionError as error:
        raise _unreadable(_("This JSON is nested too deeply to be a charter.")) from error
    except ValueError as error:
        raise _unreadable(_("This is not valid JSON: %(error)s.") % {"error": error}) from error


def _refuse_constant(name: str):
    raise ValueError(_("%(name)s is not a number JSON allows") % {"name": name})


def _unreadable(message: str) -> InvalidDocument:
    return InvalidDocument([Problem(ROOT, message)])


def check(document) -> list[Problem]:
    """Every problem with the document, by JSON path; an empty list means it can be imported."""
    checker = Checker()
    if not isinstance(document, dict):
        checker.add(ROOT, _("A charter export is a JSON object, not this."))
        return checker.problems
    if document.get("format") != FORMAT:
        checker.add(
            at(ROOT, "format"),
            _("This is not a Charterboard charter export (its format should be “%(format)s”).")
            % {"format": FORMAT},
        )
        return checker.problems
    version = document.get("format_version")
    if version != FORMAT_VERSION:
        newer = isinstance(version, int) and not isinstance(version, bool) and version > 1
        checker.add(
            at(ROOT, "format_version"),
            _(
                "This file was exported by a newer Charterboard (format version %(version)s); "
                "this one reads version %(supported)s."
            )
            % {"version": version, "supported": FORMAT_VERSION}
            if newer
            else _(
                "Format version %(version)s is not supported; this Charterboard reads %(supported)s."
            )
            % {"version": json.dumps(version), "supported": FORMAT_VERSION},
        )
        return checker.problems
    check_characters(document, ROOT, checker)
    if checker.problems:
        return checker.problems
    schema = Record(
        {
            "format": Text(),
            "format_version": Whole(),
            "charter": CHARTER,
            "parts": Record({part.key: part.schema for part in portable_parts()}),
        }
    )
    schema.check(document, ROOT, checker)
    return checker.finish()


def import_charter(workspace: Workspace, document, by) -> ImportResult:
    """Create a new charter in ``workspace`` from a document, all or nothing."""
    problems = check(document)
    if problems:
        raise InvalidDocument(problems)
    context = ImportContext(workspace, by)
    try:
        with transaction.atomic():
            charter = CHARTER.import_into(
                Charter(workspace=workspace, created_by=by),
                document["charter"],
                context,
                at(ROOT, "charter"),
            )
            for part in portable_parts():
                context.path = at(at(ROOT, "parts"), part.key)
                part.import_(charter, document["parts"][part.key], context)
            AuditEvent.record(
                workspace,
                by,
                "charter.imported",
                charter,
                changes={"unmatched_people": sorted(context.unmatched_people)},
            )
    except IntegrityError as error:
        raise InvalidDocument(
            [
                Problem(
                    context.path,
                    _("These rows contradict each other: %(error)s") % {"error": error},
                )
            ]
        ) from error
    return ImportResult(charter, sorted(context.unmatched_people), context.notes)


class UploadForm(forms.Form):
    """A charter's JSON file, read and checked as a whole when the form is validated."""

    file = forms.FileField(
        label=gettext_lazy("Charter file (.json)"),
        help_text=gettext_lazy("A file made with “Download the whole charter (JSON)”."),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
    )

    problems: list[Problem] = []

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        try:
            self.document = read(uploaded)
        except InvalidDocument as invalid:
            raise forms.ValidationError(invalid.problems[0].message, code="unreadable") from invalid
        self.problems = check(self.document)
        if self.problems:
            raise forms.ValidationError(
                ngettext(
                    "The file is not a charter that can be imported: %(count)s problem, listed below.",
                    "The file is not a charter that can be imported: %(count)s problems, listed below.",
                    len(self.problems),
                )
                % {"count": len(self.problems)},
                code="invalid",
            )
        return uploaded
