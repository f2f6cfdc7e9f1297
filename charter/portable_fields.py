"""The values a charter's JSON document may hold, and how rows turn into them and back.

Each part of the document is described once, by specs: ``Text``, ``Number``, ``Day``,
``Choice``, ``Flag``, ``Whole``, ``Person`` for values, ``Ref``/``Refs`` for references to
rows elsewhere in the document, ``Record`` for one object and ``Table`` for the rows of one
model. The same spec checks a document (every problem with its JSON path), exports rows and
imports them, so that the three never disagree. ``fields_of`` derives the specs of a model's
fields from their types, lengths and choices.

References use the document's own ids: rows of a ``Table`` are numbered 1, 2, 3… in a stable
order (their position, else their creation), so exporting an imported charter gives back
the same document. Rows the target workspace owns (maturity levels, services) are referred
to by a natural key (rank, name) instead, and matched by it on import.
"""

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import DecimalValidator, validate_email
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext as _

MAX_PROBLEMS = 100
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
POSITIVE_FIELDS = (
    models.PositiveIntegerField,
    models.PositiveSmallIntegerField,
    models.PositiveBigIntegerField,
)


def at(path: str, key: str | int) -> str:
    """A JSON path one step further: ``$.parts["future-success"].metrics[2]``."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    if IDENTIFIER.match(key):
        return f"{path}.{key}"
    escaped = key.replace("\\", "\\\\").replace('"', '\\"')
    return f'{path}["{escaped}"]'


@dataclass(frozen=True)
class Problem:
    path: str
    message: str


class Checker:
    """Walks a document once, collecting problems and the ids declared and referred to."""

    def __init__(self, limit: int = MAX_PROBLEMS):
        self.limit = limit
        self.problems: list[Problem] = []
        self.declared: dict[str, set] = defaultdict(set)
        self.references: list[tuple[str, Any, str]] = []

    def add(self, path: str, message: str) -> None:
        if len(self.problems) < self.limit:
            self.problems.append(Problem(path, message))

    def declare(self, kind: str, value, path: str) -> None:
        if value in self.declared[kind]:
            self.add(path, _("“%(value)s” appears twice.") % {"value": value})
        self.declared[kind].add(value)

    def refer(self, kind: str, value, path: str) -> None:
        self.references.append((kind, value, path))

    def finish(self) -> list[Problem]:
        for kind, value, path in self.references:
            if value not in self.declared[kind]:
                self.add(
                    path,
                    _("refers to %(kind)s “%(value)s”, which is not in the document.")
                    % {"kind": kind_label(kind), "value": _shown(value)},
                )
        return self.problems


NUL = "\x00"


def check_characters(document, path: str, checker: Checker) -> None:
    """Report every text (value or key) holding U+0000: PostgreSQL cannot store it in text."""
    pending = [(document, path)]
    while pending:
        value, where = pending.pop()
        if isinstance(value, str):
            if NUL in value:
                checker.add(where, _("contains a NUL character (\\u0000), which cannot be stored."))
        elif isinstance(value, dict):
            for key, item in reversed(value.items()):
                step = at(where, key).replace(NUL, "\\u0000")
                if NUL in key:
                    checker.add(
                        step,
                        _("is a key holding a NUL character (\\u0000), which cannot be stored."),
                    )
                pending.append((item, step))
        elif isinstance(value, list):
            pending.extend(
                (item, at(where, index)) for index, item in reversed(list(enumerate(value)))
            )


def _shown(value) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def kind_label(kind: str) -> str:
    """A row kind (a model name) as people say it: "maturitylevel" → "maturity level"."""
    for model in apps.get_models():
        if model._meta.model_name == kind:
            return str(model._meta.verbose_name)
    return kind


def _type_name(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, int | float):
        return _("a number")
    if isinstance(value, str):
        return _("text")
    if isinstance(value, list):
        return _("a list")
    return _("an object")


class Spec:
    """One value of the document: how to check it, export it and import it."""

    nullable = False

    def check(self, value, path: str, checker: Checker) -> None:
        if value is None:
            if not self.nullable:
                checker.add(path, _("must not be null."))
            return
        self.check_value(value, path, checker)

    def check_value(self, value, path: str, checker: Checker) -> None:
        raise NotImplementedError

    def dump(self, value, context):
        return value

    def load(self, value, context):
        return value

    def wrong_type(self, expected: str, value, path: str, checker: Checker) -> None:
        checker.add(
            path,
            _("must be %(expected)s, not %(found)s.")
            % {"expected": expected, "found": _type_name(value)},
        )


@dataclass(frozen=True)
class Text(Spec):
    max_length: int | None = None
    blank: bool = True
    nullable: bool = False

    def check_value(self, value, path, checker):
        if not isinstance(value, str):
            return self.wrong_type(_("text"), value, path, checker)
        if self.max_length is not None and len(value) > self.max_length:
            checker.add(
                path,
                _("is %(length)s characters long; at most %(limit)s are allowed.")
                % {"length": len(value), "limit": self.max_length},
            )
        if not self.blank and not value.strip():
            checker.add(path, _("must not be empty."))


@dataclass(frozen=True)
class Number(Spec):
    """A decimal, written as text ("12.50") so that no digit is lost; plain numbers are read too."""

    max_digits: int
    decimal_places: int
    nullable: bool = False

    def check_value(self, value, path, checker):
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            return self.wrong_type(_('a number such as "12.50"'), value, path, checker)
        number = _decimal(value)
        if number is None:
            checker.add(path, _("“%(value)s” is not a number.") % {"value": _shown(value)})
            return
        try:
            DecimalValidator(self.max_digits, self.decimal_places)(number)
        except ValidationError as error:
            for message in error.messages:
                checker.add(path, message)

    def dump(self, value, context):
        return None if value is None else str(value)

    def load(self, value, context):
        return None if value is None else _decimal(value)


def _decimal(value) -> Decimal | None:
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


@dataclass(frozen=True)
class Day(Spec):
    nullable: bool = False

    def check_value(self, value, path, checker):
        if not isinstance(value, str):
            return self.wrong_type(_("a date written YYYY-MM-DD"), value, path, checker)
        try:
            if not ISO_DAY.match(value):
                raise ValueError
            date.fromisoformat(value)
        except ValueError:
            checker.add(
                path, _("“%(value)s” is not a date written YYYY-MM-DD.") % {"value": _shown(value)}
            )

    def dump(self, value, context):
        return None if value is None else value.isoformat()

    def load(self, value, context):
        return None if value is None else date.fromisoformat(value)


@dataclass(frozen=True)
class Choice(Spec):
    values: tuple[str, ...]
    nullable: bool = False

    def check_value(self, value, path, checker):
        if value not in self.values:
            checker.add(
                path,
                _("“%(value)s” is not one of: %(choices)s.")
                % {"value": _shown(value), "choices": ", ".join(self.values)},
            )


@dataclass(frozen=True)
class Flag(Spec):
    def check_value(self, value, path, checker):
        if not isinstance(value, bool):
            self.wrong_type(_("true or false"), value, path, checker)


@dataclass(frozen=True)
class Whole(Spec):
    minimum: int | None = None
    maximum: int | None = None
    nullable: bool = False

    def check_value(self, value, path, checker):
        if isinstance(value, bool) or not isinstance(value, int):
            return self.wrong_type(_("a whole number"), value, path, checker)
        if self.minimum is not None and value < self.minimum:
            checker.add(path, _("must be at least %(minimum)s.") % {"minimum": self.minimum})
        if self.maximum is not None and value > self.maximum:
            checker.add(path, _("must be at most %(maximum)s.") % {"maximum": self.maximum})


@dataclass(frozen=True)
class Person(Spec):
    """Someone's account, travelling as an email address; null when nobody is named."""

    nullable: bool = True

    def check_value(self, value, path, checker):
        if not isinstance(value, str):
            return self.wrong_type(_("an email address"), value, path, checker)
        try:
            validate_email(value)
        except ValidationError:
            checker.add(path, _("“%(value)s” is not an email address.") % {"value": _shown(value)})

    def dump(self, value, context):
        return (value.email or None) if value is not None else None

    def load(self, value, context):
        return None if value is None else context.person(value)


@dataclass(frozen=True)
class Ref(Spec):
    """Another row of the document, by its id (or natural key) in the document."""

    kind: str
    nullable: bool = False

    def check_value(self, value, path, checker):
        if isinstance(value, bool) or not isinstance(value, int | str):
            return self.wrong_type(_("an id"), value, path, checker)
        checker.refer(self.kind, value, path)

    def dump(self, value, context):
        return None if value is None else context.ref(self.kind, value.pk)

    def load(self, value, context):
        return None if value is None else context.lookup(self.kind, value)


@dataclass(frozen=True)
class Refs(Spec):
    """Several other rows of the document (a many-to-many relation), each once."""

    kind: str

    def check_value(self, value, path, checker):
        if not isinstance(value, list):
            return self.wrong_type(_("a list of ids"), value, path, checker)
        seen = set()
        for index, item in enumerate(value):
            item_path = at(path, index)
            if isinstance(item, bool) or not isinstance(item, int | str):
                self.wrong_type(_("an id"), item, item_path, checker)
                continue
            if item in seen:
                checker.add(item_path, _("“%(value)s” appears twice.") % {"value": item})
            seen.add(item)
            checker.refer(self.kind, item, item_path)

    def dump(self, manager, context):
        # Rows outside the export (a link to another charter's row) cannot travel.
        return sorted(
            context.ref(self.kind, obj.pk)
            for obj in manager.all()
            if context.has(self.kind, obj.pk)
        )

    def load(self, value, context):
        return [context.lookup(self.kind, item) for item in value]


@dataclass(frozen=True)
class Record(Spec):
    """One object with exactly these keys."""

    fields: dict[str, Spec]

    def check_value(self, value, path, checker):
        if not isinstance(value, dict):
            return self.wrong_type(_("an object"), value, path, checker)
        for key in value:
            if key not in self.fields:
                checker.add(at(path, str(key)), _("is not part of this format."))
        for key, spec in self.fields.items():
            if key not in value:
                checker.add(at(path, key), _("is missing."))
            else:
                spec.check(value[key], at(path, key), checker)

    def dump(self, obj, context) -> dict:
        return {name: spec.dump(getattr(obj, name), context) for name, spec in self.fields.items()}

    def import_into(self, obj, data: dict, context, path: str) -> models.Model:
        """Set the record's fields on ``obj``, save it, then set its many-to-many relations."""
        related = {}
        for name, spec in self.fields.items():
            if isinstance(spec, Refs):
                related[name] = spec.load(data[name], context)
            else:
                setattr(obj, name, spec.load(data[name], context))
        context.save(obj, path)
        for name, rows in related.items():
            getattr(obj, name).set(rows)
        return obj


@dataclass(frozen=True)
class Derived(Spec):
    """A value of a row that is not one of its fields (whether an insight is pulled)."""

    spec: Spec
    get: Callable[[models.Model], Any]
    put: Callable[[models.Model, Any, Any], None]  # (row, value, import context)

    def check(self, value, path, checker):
        self.spec.check(value, path, checker)

    def dump(self, value, context):
        return self.spec.dump(value, context)


@dataclass(frozen=True)
class Children(Spec):
    """Rows that belong to each row of a table (a metric's actuals), nested in it."""

    table: "Table"
    parent_field: str

    def check_value(self, value, path, checker):
        self.table.check_value(value, path, checker)

    def dump(self, manager, context):
        return self.table.export_rows(list(manager.all()), context)


@dataclass(frozen=True)
class Table(Spec):
    """The rows of one model that belong to the charter (or to a parent row), as a list.

    With ``numbered`` each row carries an ``"id"`` other rows refer to; with ``key`` rows are
    referred to by that field instead (a service by its name). ``check_rows`` adds checks
    that span rows, ``bulk`` imports many simple rows with one query per thousand.
    """

    model: type[models.Model]
    fields: dict[str, Spec]
    numbered: bool = False
    key: str | None = None
    bulk: bool = False
    check_rows: Callable[[list, str, Checker], None] | None = None
    ordering: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        return self.model._meta.model_name

    @property
    def order(self) -> tuple[str, ...]:
        """A stable order that survives the round trip: position, else creation."""
        if self.ordering:
            return self.ordering
        fields = {model_field.name for model_field in self.model._meta.get_fields()}
        return ("position", "pk") if "position" in fields else ("pk",)

    def check_value(self, value, path, checker):
        if not isinstance(value, list):
            return self.wrong_type(_("a list"), value, path, checker)
        row_spec = Record({**({"id": Whole(minimum=1)} if self.numbered else {}), **self.fields})
        for index, row in enumerate(value):
            row_path = at(path, index)
            row_spec.check(row, row_path, checker)
            if not isinstance(row, dict):
                continue
            if self.numbered and _is_whole(row.get("id")):
                checker.declare(self.kind, row["id"], at(row_path, "id"))
            if self.key and isinstance(row.get(self.key), int | str):
                checker.declare(self.kind, row[self.key], at(row_path, self.key))
        if self.check_rows and all(isinstance(row, dict) for row in value):
            self.check_rows(value, path, checker)

    def prepare(self, queryset: models.QuerySet) -> models.QuerySet:
        """Ordered, with every relation the export follows loaded in a few queries."""
        selected, prefetched = [], []
        for name, spec in self.fields.items():
            if isinstance(spec, Person | Ref):
                selected.append(name)
            elif isinstance(spec, Refs):
                prefetched.append(name)
            elif isinstance(spec, Children):
                child = spec.table
                prefetched.append(Prefetch(name, queryset=child.prepare(child.model.objects.all())))
        return (
            queryset.order_by(*self.order).select_related(*selected).prefetch_related(*prefetched)
        )

    def export(self, queryset: models.QuerySet, context) -> list[dict]:
        return self.export_rows(list(self.prepare(queryset)), context)

    def export_rows(self, rows: Iterable[models.Model], context) -> list[dict]:
        rows = list(rows)
        for obj in rows:
            if self.numbered:
                context.number(self.kind, obj.pk)
            elif self.key:
                context.name(self.kind, obj.pk, getattr(obj, self.key))
        return [self.export_row(obj, context) for obj in rows]

    def export_row(self, obj, context) -> dict:
        row = {"id": context.ref(self.kind, obj.pk)} if self.numbered else {}
        for name, spec in self.fields.items():
            value = spec.get(obj) if isinstance(spec, Derived) else getattr(obj, name)
            row[name] = spec.dump(value, context)
        return row

    def import_rows(self, rows: list[dict], context, path: str, **parent) -> list[models.Model]:
        """Create the rows in document order, then their relations to rows of any table."""
        plain = {
            name: spec
            for name, spec in self.fields.items()
            if not isinstance(spec, Refs | Children | Derived)
        }
        derived = {name: spec for name, spec in self.fields.items() if isinstance(spec, Derived)}
        created = []
        for index, row in enumerate(rows):
            values = {
                name: _load(spec, row[name], context, at(at(path, index), name))
                for name, spec in plain.items()
            }
            obj = self.model(**parent, **values)
            if self.order[0] == "position":
                obj.position = index
            for name, spec in derived.items():
                spec.put(obj, spec.spec.load(row[name], context), context)
            created.append(obj)
        if self.bulk:
            context.save_all(self.model, created, path)
        else:
            for index, obj in enumerate(created):
                context.save(obj, at(path, index))
        for obj, row in zip(created, rows, strict=True):
            if self.numbered:
                context.remember(self.kind, row["id"], obj)
            elif self.key:
                context.remember(self.kind, row[self.key], obj)
        for index, (obj, row) in enumerate(zip(created, rows, strict=True)):
            for name, spec in self.fields.items():
                if isinstance(spec, Refs):
                    getattr(obj, name).set(spec.load(row[name], context))
                elif isinstance(spec, Children):
                    spec.table.import_rows(
                        row[name], context, at(at(path, index), name), **{spec.parent_field: obj}
                    )
        return created


def _load(spec: Spec, value, context, path: str):
    """A value for the model; a spec may still refuse it (an answer that fits no question)."""
    try:
        return spec.load(value, context)
    except ValidationError as error:
        raise context.invalid(error, path) from error


def _is_whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def fields_of(model: type[models.Model], *names: str, **overrides: Spec) -> dict[str, Spec]:
    """Specs of a model's fields, derived from their types; ``overrides`` replace or add some."""
    specs = {name: _spec_for(model._meta.get_field(name)) for name in names}
    specs.update(overrides)
    return specs


def _spec_for(model_field) -> Spec:
    null = model_field.null
    if model_field.many_to_many:
        return Refs(model_field.related_model._meta.model_name)
    if model_field.is_relation:
        if model_field.related_model._meta.label == settings.AUTH_USER_MODEL:
            return Person()
        return Ref(model_field.related_model._meta.model_name, nullable=null)
    if model_field.choices:
        return Choice(tuple(str(value) for value, _label in model_field.flatchoices), nullable=null)
    if isinstance(model_field, models.BooleanField):
        return Flag()
    if isinstance(model_field, models.DecimalField):
        return Number(model_field.max_digits, model_field.decimal_places, nullable=null)
    if isinstance(model_field, models.DateField) and not isinstance(
        model_field, models.DateTimeField
    ):
        return Day(nullable=null)
    if isinstance(model_field, models.IntegerField):
        minimum = 0 if isinstance(model_field, POSITIVE_FIELDS) else None
        return Whole(minimum=minimum, nullable=null)
    if isinstance(model_field, models.CharField | models.TextField):
        return Text(model_field.max_length, blank=model_field.blank, nullable=null)
    raise ImproperlyConfigured(
        f"{model_field.model.__name__}.{model_field.name} has no portable spec; pass an override."
    )
