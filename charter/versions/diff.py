"""Compare two charter snapshots section by section, as plain data.

The result serves the web diff page, the overview dashboard and the PDF board pack alike
(``charter/versions/diff_table.html`` renders it without JavaScript). It is built only from
JSON primitives, so it can also be stored or passed to a task.

A section snapshot is a dict whose values are fields (scalars), tables (lists of row dicts
with a stable ``"id"``), nested dicts, or plain lists (compared as values). The result::

    {
      "changed": bool,                 # any visible change at all
      "count": int,                    # number of changes over all sections
      "unchanged": [str, ...],         # titles of the sections without changes
      "sections": [{
          "key": str, "title": str,
          "status": "changed" | "added" | "removed" | "unchanged",
          "count": int,
          "changes": [Change, ...],
      }, ...],
    }

    Change is one of
      {"kind": "field", "path": [...], "label": str,
       "status": "changed" | "added" | "removed",
       "old": str, "new": str,           # display text, "" when absent
       "words": [{"op": "equal" | "delete" | "insert", "text": str}, ...] or None}
      {"kind": "table", "path": [...], "label": str, "reordered": bool,
       "added": [Row], "removed": [Row],
       "changed": [{"id", "title": str, "changes": [Change, ...]}]}
      {"kind": "list", "path": [...], "label": str, "added": [str], "removed": [str]}

    Row = {"id": ..., "title": str, "cells": [{"label": str, "value": str}, ...]}
"""

import difflib
import json
import re
from collections import Counter
from collections.abc import Mapping
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from charter.caching import VERSION_SECONDS, cache_key
from charter.registry import registry

# Keys that change without anyone editing the charter (database ids, ordering positions,
# bookkeeping timestamps); comparing them would bury the real changes.
NOISY_KEYS = frozenset({"id", "pk", "position", "revision", "created_at", "updated_at"})
# References to other rows (``phase_id``): a change is real (a milestone moved to another
# phase) and is reported, but the bare numbers add nothing to a row's description.
REFERENCE_SUFFIXES = ("_id", "_pk")
# Nested containers whose name adds nothing to a label ("Extensions › Insights").
SILENT_KEYS = frozenset({"extensions"})
# ``approval_rule`` stored beside ``approval_rule_label``: the code is for machines, the
# label is what a reader compares ("The chair plus 2 members → All members").
LABEL_SUFFIX = "_label"
ROW_TITLE_KEYS = ("title", "name", "label", "question", "role", "team", "text", "description")
CHARTER_KEY = "charter"
# Keys many sections share; a section's own ``labels`` come first.
COMMON_LABELS = {
    "title": gettext_lazy("Title"),
    "name": gettext_lazy("Name"),
    "description": gettext_lazy("Description"),
    "notes": gettext_lazy("Notes"),
    "note": gettext_lazy("Note"),
    "owner": gettext_lazy("Owner"),
    "status": gettext_lazy("Status"),
    "kind": gettext_lazy("Kind"),
    "unit": gettext_lazy("Unit"),
    "value": gettext_lazy("Value"),
    "period": gettext_lazy("Period"),
    "source": gettext_lazy("Source"),
    "function": gettext_lazy("Function"),
    "job_title": gettext_lazy("Job title"),
    "team": gettext_lazy("Team"),
    "role": gettext_lazy("Role"),
    "level": gettext_lazy("Level"),
    "headcount": gettext_lazy("Headcount"),
    "budget": gettext_lazy("Budget"),
    "workspace": gettext_lazy("Workspace"),
    "language": gettext_lazy("Language"),
    "period_start": gettext_lazy("Period start"),
    "period_end": gettext_lazy("Period end"),
}

# Chinese, Japanese and Korean ideographs, kana and full-width forms are written without
# spaces, so each character is one token; elsewhere a token is a word, a run of spaces or
# one punctuation mark.
_CJK = (
    "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0002ffff"
)
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+|\s+|[^\w\s]")
_PROSE = re.compile(rf"\s|[{_CJK}]")
# Below this similarity a word-by-word diff is confetti; show the whole text replaced.
_MIN_SIMILARITY = 0.2


def tokenize(text: str) -> list[str]:
    """Split text into word, space, punctuation and single CJK character tokens."""
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> list[dict]:
    """Word-level changes between two texts: segments that are equal, deleted or inserted."""
    old_tokens, new_tokens = tokenize(old), tokenize(new)
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    if old and new and matcher.ratio() < _MIN_SIMILARITY:
        return [{"op": "delete", "text": old}, {"op": "insert", "text": new}]
    segments: list[dict] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.append({"op": "equal", "text": "".join(old_tokens[i1:i2])})
            continue
        if i2 > i1:
            segments.append({"op": "delete", "text": "".join(old_tokens[i1:i2])})
        if j2 > j1:
            segments.append({"op": "insert", "text": "".join(new_tokens[j1:j2])})
    return _group_changes(_absorb_spaces(segments))


def _absorb_spaces(segments: list[dict]) -> list[dict]:
    """A lone space kept between two changes splits one edit into many; fold it into them."""
    result = []
    for index, segment in enumerate(segments):
        between_changes = (
            0 < index < len(segments) - 1
            and segments[index - 1]["op"] != "equal"
            and segments[index + 1]["op"] != "equal"
        )
        if segment["op"] == "equal" and between_changes and not segment["text"].strip():
            result += [{"op": "delete", "text": segment["text"]}, dict(segment, op="insert")]
        else:
            result.append(segment)
    return result


def _group_changes(segments: list[dict]) -> list[dict]:
    """Each run of changes reads as one deletion followed by one insertion."""
    grouped: list[dict] = []
    run = {"delete": "", "insert": ""}

    def flush():
        grouped.extend({"op": op, "text": run[op]} for op in ("delete", "insert") if run[op])
        run.update(delete="", insert="")

    for segment in segments:
        if segment["op"] == "equal":
            flush()
            grouped.append(segment)
        else:
            run[segment["op"]] += segment["text"]
    flush()
    return grouped


class Vocabulary:
    """How one section names its snapshot's keys and codes in the changes list."""

    def __init__(
        self,
        labels: Mapping[str, str] | None = None,
        choices: Mapping[str, Mapping[str, str]] | None = None,
    ):
        self.labels = {**COMMON_LABELS, **(labels or {})}
        self.choices = choices or {}


CHARTER_VOCABULARY = Vocabulary(choices={"language": dict(settings.LANGUAGES)})
# The section being compared, so that every helper names keys the way it declares without
# threading it through each call.
_vocabulary: ContextVar[Vocabulary | None] = ContextVar("vocabulary", default=None)
PLAIN_VOCABULARY = Vocabulary()


def _current() -> Vocabulary:
    return _vocabulary.get() or PLAIN_VOCABULARY


def humanize(key: str) -> str:
    label = _current().labels.get(str(key))
    if label is not None:
        return str(label)
    text = str(key).removesuffix("_id").removesuffix("_pk").replace("_", " ").replace("-", " ")
    text = text.strip()
    return text[:1].upper() + text[1:]


def readable(data: dict) -> dict:
    """``data`` with each code replaced by its label: a frozen ``x_label`` twin, else the
    section's choices; the twin itself is dropped, and so is a key labelled "" (machine-only
    or derived from other keys)."""
    vocabulary = _current()
    result = {}
    for key, value in data.items():
        twin = f"{key}{LABEL_SUFFIX}"
        if vocabulary.labels.get(key) == "":
            continue
        if (
            isinstance(key, str)
            and key.endswith(LABEL_SUFFIX)
            and key[: -len(LABEL_SUFFIX)] in data
        ):
            continue
        if twin in data:
            value = data[twin]
        elif key in vocabulary.choices and isinstance(value, str):
            value = str(vocabulary.choices[key].get(value, value))
        result[key] = value
    return result


def is_noisy(key: str) -> bool:
    return key in NOISY_KEYS


def _has_label(key: str, *containers: Any) -> bool:
    """Whether a code is shown by its ``<key>_label`` sibling in one of the containers."""
    label_key = f"{key}{LABEL_SUFFIX}"
    return any(isinstance(container, dict) and label_key in container for container in containers)


def _describes(key: str, value: Any) -> bool:
    """Whether a key belongs in the description of a row or a nested value."""
    return not (is_noisy(key) or str(key).endswith(REFERENCE_SUFFIXES) or _is_empty(value))


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _label(path: list) -> str:
    parts = [humanize(part) for part in path if part not in SILENT_KEYS]
    return " › ".join(parts) or humanize(path[-1])


def display(value: Any) -> str:
    """A snapshot value as one line of readable text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list):
        return ", ".join(
            row_title(item) if isinstance(item, dict) else display(item) for item in value
        )
    if isinstance(value, dict) and set(value) == {"amount", "currency"}:
        return f"{display(value['amount'])} {display(value['currency'])}"
    if isinstance(value, dict):
        return "; ".join(
            f"{humanize(key)}: {display(item)}"
            for key, item in readable(value).items()
            if _describes(key, item)
        )
    return str(value)


def _title_key(row: dict) -> str | None:
    return next(
        (key for key in ROW_TITLE_KEYS if isinstance(row.get(key), str) and row[key].strip()),
        None,
    )


def row_title(row: dict) -> str:
    key = _title_key(row)
    if key is None:
        return _("Item %(id)s") % {"id": row.get("id", "?")}
    title = row[key].strip().splitlines()[0]
    return title if len(title) <= 80 else title[:79] + "…"


def _row_cells(row: dict) -> list[dict]:
    title_key = _title_key(row)
    return [
        {"label": humanize(key), "value": display(value)}
        for key, value in readable(row).items()
        if key != title_key and _describes(key, value)
    ]


def _is_table(value: Any) -> bool:
    if not isinstance(value, list) or not value:
        return False
    if not all(isinstance(row, dict) and "id" in row for row in value):
        return False
    ids = [_canonical(row["id"]) for row in value]
    return len(set(ids)) == len(ids)


def _field_change(path: list, old: Any, new: Any) -> dict:
    status = "added" if _is_empty(old) else "removed" if _is_empty(new) else "changed"
    words = None
    # Prose gets word-level changes; a date, number or code reads better as old → new.
    if status == "changed" and isinstance(old, str) and isinstance(new, str):
        words = word_diff(old, new) if _PROSE.search(old + new) else None
    return {
        "kind": "field",
        "path": path,
        "label": _label(path),
        "status": status,
        "old": display(old),
        "new": display(new),
        "words": words,
    }


def _table_change(path: list, old_rows: list, new_rows: list) -> dict | None:
    old_by_id = {_canonical(row["id"]): row for row in old_rows}
    new_by_id = {_canonical(row["id"]): row for row in new_rows}
    added = [row for key, row in new_by_id.items() if key not in old_by_id]
    removed = [row for key, row in old_by_id.items() if key not in new_by_id]
    changed = []
    for key, new_row in new_by_id.items():
        if key in old_by_id:
            row_changes = diff_values(old_by_id[key], new_row, [])
            if row_changes:
                changed.append(
                    {"id": new_row["id"], "title": row_title(new_row), "changes": row_changes}
                )
    kept_old = [key for key in old_by_id if key in new_by_id]
    kept_new = [key for key in new_by_id if key in old_by_id]
    reordered = kept_old != kept_new
    if not (added or removed or changed or reordered):
        return None
    return {
        "kind": "table",
        "path": path,
        "label": _label(path),
        "reordered": reordered,
        "added": [_row(row) for row in added],
        "removed": [_row(row) for row in removed],
        "changed": changed,
    }


def _row(row: dict) -> dict:
    return {"id": row["id"], "title": row_title(row), "cells": _row_cells(row)}


def _list_change(path: list, old: list, new: list) -> dict | None:
    old_items = Counter(_canonical(item) for item in old)
    new_items = Counter(_canonical(item) for item in new)
    if old_items == new_items:
        return None
    return {
        "kind": "list",
        "path": path,
        "label": _label(path),
        "added": [display(json.loads(item)) for item in (new_items - old_items).elements()],
        "removed": [display(json.loads(item)) for item in (old_items - new_items).elements()],
    }


def _shape(value: Any) -> str:
    if _is_empty(value):
        return "empty"
    if isinstance(value, dict):
        return "dict"
    return "list" if isinstance(value, list) else "scalar"


def diff_values(old: Any, new: Any, path: list) -> list[dict]:
    """The changes between two snapshot values found at ``path`` (a list of keys)."""
    shapes = {_shape(old), _shape(new)} - {"empty"}
    if not shapes:
        return []
    if shapes == {"dict"}:
        return _diff_dicts(old or {}, new or {}, path)
    if shapes == {"list"}:
        old_list, new_list = old or [], new or []
        if all(_is_table(rows) or not rows for rows in (old_list, new_list)):
            change = _table_change(path, old_list, new_list)
        else:
            change = _list_change(path, old_list, new_list)
        return [change] if change else []
    if _canonical(old) == _canonical(new):
        return []
    return [_field_change(path, old, new)]


def _diff_dicts(old: dict, new: dict, path: list) -> list[dict]:
    old, new = readable(old), readable(new)
    keys = list(new) + [key for key in old if key not in new]
    changes = []
    for key in keys:
        if not is_noisy(key) and not _has_label(key, old, new):
            changes += diff_values(old.get(key), new.get(key), [*path, key])
    return changes


def _count(change: dict) -> int:
    if change["kind"] == "field":
        return 1
    rows = len(change["added"]) + len(change["removed"]) + len(change.get("changed", []))
    # A table whose rows only moved still counts as one change.
    return rows or 1


def _section_order(old_sections: dict, new_sections: dict) -> list[tuple[str, str]]:
    registered = [(section.key, str(section.title)) for section in registry.all()]
    known = {key for key, _title in registered}
    present = set(old_sections) | set(new_sections)
    unknown = sorted(present - known)
    return [(key, title) for key, title in registered if key in present] + [
        (key, humanize(key)) for key in unknown
    ]


def _section_vocabulary(key: str) -> Vocabulary:
    if key == CHARTER_KEY:
        return CHARTER_VOCABULARY
    section = next((section for section in registry.all() if section.key == key), None)
    return Vocabulary(section.labels, section.choices) if section else PLAIN_VOCABULARY


def _section_diff(key: str, title: str, old: Any, new: Any) -> dict:
    token = _vocabulary.set(_section_vocabulary(key))
    try:
        changes = diff_values(old, new, [])
    finally:
        _vocabulary.reset(token)
    if old is None:
        status = "added"
    elif new is None:
        status = "removed"
    else:
        status = "changed" if changes else "unchanged"
    return {
        "key": key,
        "title": title,
        "status": status,
        "count": sum(_count(change) for change in changes),
        "changes": changes,
    }


def diff_snapshots(old: dict, new: dict) -> dict:
    """Compare two charter snapshots (``{"charter": info, "sections": {key: data}}``)."""
    old_sections, new_sections = old.get("sections") or {}, new.get("sections") or {}
    sections = [
        _section_diff(
            CHARTER_KEY,
            _("Charter details"),
            old.get(CHARTER_KEY) or {},
            new.get(CHARTER_KEY) or {},
        )
    ]
    sections += [
        _section_diff(key, title, old_sections.get(key), new_sections.get(key))
        for key, title in _section_order(old_sections, new_sections)
    ]
    return {
        "changed": any(section["status"] != "unchanged" for section in sections),
        "count": sum(section["count"] for section in sections),
        "sections": sections,
        "unchanged": [s["title"] for s in sections if s["status"] == "unchanged"],
    }


def kept_diff(old: dict, old_sha256: str, new: dict, new_sha256: str) -> dict:
    """``diff_snapshots``, kept by the two snapshots' hashes and the reader's language: the
    same two snapshots always compare the same."""
    key = cache_key("snapshot-diff", old_sha256, new_sha256, translation.get_language())
    diff = cache.get(key)
    if diff is None:
        diff = diff_snapshots(old, new)
        cache.set(key, diff, VERSION_SECONDS)
    return diff
