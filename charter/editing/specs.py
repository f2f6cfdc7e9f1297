"""In-place editing for charter sections: blocks, table rows, conflicts and autosave.

Two kinds of editable things, each declared once as a spec and wired into ``urls.py`` with
``charter.editing.urls.block_urls`` or ``row_editor_urls``, which take every route name as a
literal (so that grep finds it) and refuse one that differs from the spec's ``url_names``:

``Block``
    A few long-text fields of a section object that is one-to-one with the charter (e.g. the
    vision of ``FutureSuccess``). It shows as rendered Markdown with an *Edit* button; *Edit*
    swaps in a form, *Save* swaps the block back, *Close* returns to it (first saving any
    text still waiting for its autosave). Long text saves itself a second after typing stops
    and shows "Unsaved changes", "Saving…", "Saved at 10:42" or "Not saved" in an
    ``aria-live`` status; leaving the page with unsaved text asks first (``static/js/app.js``).
    URL names: ``charter:<section>-<key>`` (read-only block, ``show``) and
    ``charter:<section>-<key>-edit`` (GET form, POST save).

``RowEditor``
    The rows of one table (e.g. ``ExecutionKpi``), added, edited and removed in place; every
    row is a ``<tr>``. The spec names the model, its ``EditForm``, the template of a read-only
    row, the route prefix (which carries the parent's ``<int:<model>_pk>``), and the parent
    (the charter by default, or any object via ``get_parent``). URL names:
    ``charter:<key>-add``, ``<key>-row``, ``<key>-edit``, ``<key>-delete``, and
    ``<key>-move`` when the model has a ``position`` (``Ordered``): *Move up* and *Move down*
    buttons beside Edit swap the whole table body with the new order, keep the focus on the
    moved row's button and announce "Moved up, now 2 of 5" (``charter/editing/ordering.py``).
    ``order_within`` names fields that split the rows into groups ordered apart (e.g. the
    milestones of one phase).

Nothing typed is lost. Every form derives from ``EditForm`` and carries the ``revision`` the
user started from plus a ``base`` fingerprint of the fields it shows. ``save_form`` writes
only those fields through ``Revisioned.save_fields``, one compare-and-set (on the revision
the request read, or on the locked row when someone saved since; decisions note 46): when
someone saved in between but touched other fields, their fields stay as they saved them
and the user's are written beside them; when they changed the same fields it raises
``EditConflict``, and the view answers 409 with the form again, holding what the user typed,
each differing field shown beside the saved version, and the current revision, so that
merging and saving again succeeds. Invalid input re-renders the form with what was typed and
a 400.

Responses: htmx requests get partials (and an ``HX-Trigger: charter-changed, <key>-changed``
event after a save so that computed blocks can refresh themselves); plain POSTs without
JavaScript redirect back to the section page on success and render the form on a full page
otherwise. The views live in ``charter/editing/views.py`` and all go through
``charter.access``: showing needs the "view" capability, editing "edit".

Templates (``charter/templates/charter/editing/``):

* ``block.html`` / ``block_form.html`` — a block read-only / being edited;
* ``editable_table.html`` — a whole table: headings, rows, an empty state and *Add*;
* ``row_form.html`` — the ``<tr>`` form for adding or editing a row;
* ``row_actions.html`` — include in a row template's last cell: Edit, Delete and Move buttons;
* ``table_body.html`` — a table's ``<tbody>``, what a move answers with;
* ``table_add.html`` — include after a table: the *Add* button;
* ``edit_field.html`` — one field with the saved version beside it during a conflict;
* ``save_state.html`` — the autosave status.

A row template receives ``row`` (the object), ``urls`` (``edit``, ``delete``, ``row``,
``move``), ``can_edit``, ``editor``, ``focus`` (true right after a save, to put the keyboard
focus back on the row's Edit button), ``place`` and ``count`` (its 1-based place among its
siblings, for the Move buttons) and ``moved`` (the direction it was just moved in). Its ``<tr>`` must carry ``id="{{ editor.key }}-{{ row.pk }}"``
and end with ``<td class="row-actions-cell">{% include "charter/editing/row_actions.html" %}``.
``{% editable_rows table %}`` (``editing_tags``) renders every row of a table context. A row
form is headed by ``EditForm.heading`` (the row's name; override it when ``str(row)`` reads
badly).

Example::

    KPI_TABLE = RowEditor(
        key="kpi",
        model=ExecutionKpi,
        form_class=ExecutionKpiForm,               # an EditForm
        row_template="charter/sections/current_state/kpi_row.html",
        prefix="charters/<int:charter_pk>/kpis/",  # under w/<workspace:workspace>/
        section_key="current-state",
        headers=((_("KPI"), ""), (_("Value"), "num"), (_("Period"), ""), (_("Source"), "")),
        add_label=_("Add KPI"),
    )
    urlpatterns += row_editor_urls(
        KPI_TABLE, add="kpi-add", row="kpi-row", edit="kpi-edit", delete="kpi-delete",
        move="kpi-move",
    )
    # in an editor_context: {"kpis": KPI_TABLE.table_context(request, charter, rows)}
    # in the editor template: {% include "charter/editing/editable_table.html" with table=kpis %}
"""

import copy
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from django import forms
from django.db import models
from django.forms.models import modelform_factory
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from charter.access import get_in_workspace
from charter.editing.autosave import AUTOSAVE_DELAY_SECONDS
from charter.models import Charter, Revisioned

CONCURRENCY_FIELDS = ("revision", "base")


def field_values(instance: models.Model, names: Iterable[str]) -> dict[str, Any]:
    """The stored values of ``names``, comparable across loads (ids for relations)."""
    values = {}
    for name in names:
        model_field = instance._meta.get_field(name)
        if model_field.many_to_many:
            related = getattr(instance, name).values_list("pk", flat=True) if instance.pk else []
            values[name] = sorted(related)
        else:
            values[name] = model_field.value_from_object(instance)
    return values


def cleaned_values(form: forms.ModelForm) -> dict[str, Any]:
    """What the user submitted, in the shape of ``field_values``."""
    values = {}
    for name in form.editable_names:
        value = form.cleaned_data.get(name)
        if (
            isinstance(value, models.QuerySet | list)
            and form.instance._meta.get_field(name).many_to_many
        ):
            value = sorted(item.pk for item in value)
        elif isinstance(value, models.Model):
            value = value.pk
        values[name] = value
    return values


def _normal(value):
    if isinstance(value, Decimal):
        return str(value.normalize())
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip()
    return value


def fingerprint(values: dict[str, Any]) -> str:
    normal = {name: _normal(value) for name, value in values.items()}
    payload = json.dumps(normal, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def display_value(instance: models.Model, name: str) -> str:
    """A field's stored value as people read it, for the conflict view."""
    model_field = instance._meta.get_field(name)
    if model_field.many_to_many:
        return ", ".join(str(item) for item in getattr(instance, name).all())
    if model_field.choices:
        return str(getattr(instance, f"get_{name}_display")())
    value = getattr(instance, name)
    return "" if value is None else str(value)


class EditForm(forms.ModelForm):
    """Base of every in-place form: remembers the revision and values it was edited from.

    Takes ``parent`` (the charter, or the row's parent object) for choices and validation
    that depend on it.
    """

    revision = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    base = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, parent=None, **kwargs):
        self.parent = parent
        super().__init__(*args, **kwargs)
        # The user's values against the saved ones, filled when a save met a conflict.
        self.conflicts: dict[str, str] = {}
        # The object as this request read it, before the submitted values are set on it.
        self.loaded = copy.copy(self.instance) if self.instance.pk else None
        if not self.is_bound:
            self.initial["revision"] = getattr(self.instance, "revision", 0)
            self.initial["base"] = fingerprint(field_values(self.instance, self.editable_names))
        if self.editable_names:
            # Swapped in after a click on Edit or Add: typing can start at once. Not
            # ``autofocus``: the browser would focus the field before htmx has wired the form,
            # and text typed and saved at once would skip the autosave and htmx altogether.
            self.fields[self.editable_names[0]].widget.attrs.setdefault("data-autofocus", True)

    @property
    def heading(self) -> str:
        """What the form edits, named for the people using it (an empty string for a new row).

        Not ``title``: templates look a field of that name up before any attribute.
        """
        return str(self.instance) if self.instance.pk else ""

    @property
    def editable_names(self) -> list[str]:
        return [name for name in self.fields if name not in CONCURRENCY_FIELDS]

    def fields_with_saved(self) -> list[tuple[forms.BoundField, str | None]]:
        """Each visible field with the saved value it conflicts with, or None."""
        return [(field, self.conflicts.get(field.name)) for field in self.visible_fields()]


def owned_values(form: EditForm) -> dict[str, Any]:
    """The values a valid form writes: its own fields, as the model stores them."""
    instance = form.instance
    values = {}
    for name in form.editable_names:
        model_field = instance._meta.get_field(name)
        if model_field.many_to_many:
            values[name] = form.cleaned_data[name]
        else:
            values[name] = model_field.value_from_object(instance)
    return values


def save_form(form: EditForm, by) -> models.Model:
    """Save a valid form's fields, refusing to overwrite what someone else changed meanwhile.

    Only the form's own fields are written, in one compare-and-set (``Revisioned.save_fields``):
    they must still hold what the user started from (the ``base`` fingerprint), or nobody may
    have saved the row since the ``revision`` the form was opened at. Otherwise
    ``EditConflict``. Saves of other fields in between never make this one fail.
    """
    instance = form.save(commit=False)
    if not isinstance(instance, Revisioned):
        instance.save()
        form.save_m2m()
    elif instance.pk is None:
        instance.save_revision(0, by)
        form.save_m2m()
    else:
        names = form.editable_names
        base = form.cleaned_data.get("base")
        revision = form.cleaned_data.get("revision")

        def unchanged(stored: Revisioned) -> bool:
            if revision is not None and stored.revision == revision:
                return True
            return bool(base) and fingerprint(field_values(stored, names)) == base

        instance.save_fields(owned_values(form), by, unchanged=unchanged, loaded=form.loaded)
    return instance


def concurrency_inputs(form: EditForm, saved: models.Model) -> list[dict[str, Any]]:
    """The hidden ``revision`` and ``base`` a fresh form of ``saved`` would carry.

    Each as ``id``, ``name`` and ``value``, for an autosave's answer, without building that
    form and rendering its widgets on every autosave.
    """
    values = {
        "revision": saved.revision,
        "base": fingerprint(field_values(saved, form.editable_names)),
    }
    inputs = []
    for name, value in values.items():
        html_name = form.add_prefix(name)
        dom_id = form.auto_id % html_name if "%s" in str(form.auto_id) else ""
        inputs.append({"id": dom_id, "name": html_name, "value": value})
    return inputs


def conflict_form(form: EditForm, current: models.Model) -> EditForm:
    """The user's values again, on top of what is saved now: saving it again wins.

    Fields whose saved value differs from what the user typed are listed in ``conflicts``
    with the saved value, for the template to show side by side.
    """
    names = form.editable_names
    saved = field_values(current, names)
    typed = cleaned_values(form)
    # Read before binding: validating the merged form writes the user's values onto current.
    conflicts = {
        name: display_value(current, name)
        for name in names
        if _normal(typed.get(name)) != _normal(saved[name])
    }
    data = form.data.copy()
    data[form.add_prefix("revision")] = current.revision
    data[form.add_prefix("base")] = fingerprint(saved)
    merged = type(form)(data, instance=current, parent=form.parent, auto_id=form.auto_id)
    merged.conflicts = conflicts
    return merged


def textarea_widgets(model: type[models.Model], names: Iterable[str]) -> dict[str, forms.Widget]:
    return {
        name: forms.Textarea(attrs={"rows": 6})
        for name in names
        if isinstance(model._meta.get_field(name), models.TextField)
    }


def autosave_attrs(dom_id: str, url: str) -> dict[str, str]:
    """htmx attributes that save a long text a second after the user stops typing."""
    return {
        "hx-post": url,
        "hx-trigger": f"input changed delay:{AUTOSAVE_DELAY_SECONDS}s, blur changed",
        "hx-target": f"#{dom_id}-state",
        "hx-swap": "innerHTML",
        "hx-vals": '{"autosave": "1"}',
        "hx-sync": "closest form:queue last",
        "data-autosave": f"{dom_id}-state",
    }


@dataclass(frozen=True)
class Block:
    """Long-text fields of a section object that is one-to-one with the charter."""

    section_key: str
    key: str
    title: str
    model: type[Revisioned]
    fields: tuple[str, ...]
    help_text: str = ""

    @cached_property
    def form_class(self) -> type[EditForm]:
        return modelform_factory(
            self.model,
            form=EditForm,
            fields=self.fields,
            widgets=textarea_widgets(self.model, self.fields),
        )

    @property
    def dom_id(self) -> str:
        return f"block-{self.key}"

    @property
    def url_names(self) -> dict[str, str]:
        """Route names in the ``charter`` namespace, which ``block_urls`` checks its literals against."""
        name = f"{self.section_key}-{self.key}"
        return {"show": name, "edit": f"{name}-edit"}

    def instance(self, charter: Charter) -> Revisioned:
        # ``block.html`` names who edited it last.
        return self.model._default_manager.select_related("updated_by__profile").get_or_create(
            charter=charter
        )[0]

    def load(self, request: HttpRequest, charter_pk: int) -> Revisioned:
        """The block's object with its charter, of the request's workspace, or 404.

        One query for both when the object exists (every autosave asks), else the charter
        through ``get_in_workspace`` and a new object for it.
        """
        found = (
            self.model._default_manager.select_related("charter")
            .filter(charter_id=charter_pk, charter__workspace=request.workspace)
            .first()
        )
        if found is not None:
            return found
        return self.instance(get_in_workspace(request, Charter, pk=charter_pk))

    def urls(self, workspace_slug: str, charter: Charter) -> dict[str, str]:
        args = [workspace_slug, charter.pk]
        section = reverse("charter:section", args=[*args, self.section_key])
        return {
            "block": reverse(f"charter:{self.url_names['show']}", args=args),
            "edit": reverse(f"charter:{self.url_names['edit']}", args=args),
            "section": f"{section}#{self.dom_id}",
        }

    def form(self, request: HttpRequest, charter: Charter, instance=None) -> EditForm:
        data = request.POST if request.method == "POST" else None
        return self.form_class(
            data,
            instance=instance or self.instance(charter),
            parent=charter,
            auto_id=f"{self.dom_id}-%s",
        )

    def context(self, request, charter, instance, form=None, focus=False) -> dict:
        """What ``block.html`` and ``block_form.html`` need, as ``edit_block``."""
        urls = self.urls(request.workspace.slug, charter)
        if form is not None:
            for name in form.editable_names:
                widget = form.fields[name].widget
                if isinstance(widget, forms.Textarea):
                    widget.attrs.update(autosave_attrs(self.dom_id, urls["edit"]))
        return {
            "spec": self,
            "dom_id": self.dom_id,
            "object": instance,
            "values": [
                (instance._meta.get_field(name), getattr(instance, name)) for name in self.fields
            ],
            "form": form,
            "urls": urls,
            "can_edit": request.membership.can("edit"),
            "focus": focus,
        }


@dataclass(frozen=True)
class RowEditor:
    """The rows of one table, added, edited and removed in place."""

    key: str
    model: type[models.Model]
    form_class: type[EditForm]
    row_template: str
    # Route under w/<workspace:workspace>/, ending in "/", with the parent's <int:<model>_pk>
    # unless ``get_parent`` finds the parent without one.
    prefix: str
    # The table's column headings as (label, CSS class) pairs, for ``editable_table.html``;
    # a last column for the Edit and Delete buttons follows them.
    headers: tuple[tuple[str, str], ...] = ()
    # How many cells a row spans; by default one per heading plus the buttons' column.
    columns: int = 0
    empty_text: str = _("Nothing here yet.")
    add_label: str = _("Add")
    parent_model: type[models.Model] = Charter
    parent_field: str = "charter"
    section_key: str = ""
    can_add: bool = True
    can_delete: bool = True
    # (request) → parent, for tables whose parent is not in the URL (e.g. workspace-level).
    get_parent: Callable[[HttpRequest], models.Model] | None = None
    # (request, parent) → where plain POSTs return; defaults to the section page.
    get_return_url: Callable[[HttpRequest, models.Model], str] | None = None
    # (queryset) → the queryset with what the row template needs loaded.
    prepare: Callable[[models.QuerySet], models.QuerySet] = field(default=lambda rows: rows)
    # The URL namespace the routes are included under: another app (e.g. "roadmap") adds
    # ``row_editor_urls(spec, ..., root="")`` to its own urls.py.
    namespace: str = "charter"
    # Fields whose values split the rows into groups, each numbered and moved within itself.
    order_within: tuple[str, ...] = ()

    @property
    def orderable(self) -> bool:
        """Rows keep the order people give them (the model is ``Ordered``)."""
        return any(model_field.name == "position" for model_field in self.model._meta.fields)

    @property
    def _group_attnames(self) -> list[str]:
        # ``phase_id`` rather than ``phase``: grouping must not load each row's relation.
        return [self.model._meta.get_field(name).attname for name in self.order_within]

    @property
    def colspan(self) -> int:
        return self.columns or len(self.headers) + 1

    @property
    def row_kwarg(self) -> str:
        return f"{self.model._meta.model_name}_pk"

    @property
    def parent_kwarg(self) -> str | None:
        return None if self.get_parent else f"{self.parent_model._meta.model_name}_pk"

    @property
    def dom_id(self) -> str:
        return f"{self.key}-rows"

    @property
    def url_names(self) -> dict[str, str]:
        """Route names in ``namespace``, which ``row_editor_urls`` checks its literals against."""
        return {action: f"{self.key}-{action}" for action in ("add", *self._row_actions)}

    @property
    def _row_actions(self) -> tuple[str, ...]:
        return ("row", "edit", "delete", "move") if self.orderable else ("row", "edit", "delete")

    def _reverse(self, action: str, kwargs: dict) -> str:
        return reverse(f"{self.namespace}:{self.url_names[action]}", kwargs=kwargs)

    def parent(self, request: HttpRequest, kwargs: dict) -> models.Model:
        if self.get_parent:
            return self.get_parent(request)
        return get_in_workspace(request, self.parent_model, pk=kwargs[self.parent_kwarg])

    def rows(self, parent: models.Model) -> models.QuerySet:
        return self.prepare(self.model._default_manager.filter(**{self.parent_field: parent}))

    def row(self, request: HttpRequest, parent: models.Model, kwargs: dict) -> models.Model:
        return get_in_workspace(request, self.rows(parent), pk=kwargs[self.row_kwarg])

    def siblings(self, parent: models.Model, row: models.Model) -> models.QuerySet:
        """The rows ordered together with ``row``: its parent's, in its ``order_within`` group."""
        group = {name: getattr(row, name) for name in self._group_attnames}
        return self.model._default_manager.filter(**{self.parent_field: parent}, **group)

    def place(self, parent: models.Model, row: models.Model) -> tuple[int, int]:
        """The row's 1-based place among its siblings, and how many there are."""
        siblings = self.siblings(parent, row)
        before = siblings.filter(
            models.Q(position__lt=row.position) | models.Q(position=row.position, pk__lt=row.pk)
        )
        return before.count() + 1, siblings.count()

    def new_row(self, parent: models.Model) -> models.Model:
        row = self.model(**{self.parent_field: parent})
        if self.orderable:
            last = self.model._default_manager.filter(**{self.parent_field: parent})
            row.position = (last.aggregate(models.Max("position"))["position__max"] or 0) + 1
        return row

    def form(self, request: HttpRequest, parent, row) -> EditForm:
        data = request.POST if request.method == "POST" else None
        return self.form_class(
            data, instance=row, parent=parent, auto_id=f"{self.key}-{row.pk or 'new'}-%s"
        )

    def _args(self, request, parent) -> dict:
        kwargs = {"workspace": request.workspace.slug}
        if self.parent_kwarg:
            kwargs[self.parent_kwarg] = parent.pk
        return kwargs

    def add_url(self, request, parent) -> str:
        return self._reverse("add", self._args(request, parent))

    def row_urls(self, request, parent, row) -> dict[str, str]:
        kwargs = {**self._args(request, parent), self.row_kwarg: row.pk}
        return {action: self._reverse(action, kwargs) for action in self._row_actions}

    def return_url(self, request, parent) -> str:
        if self.get_return_url:
            return self.get_return_url(request, parent)
        charter = parent if isinstance(parent, Charter) else parent.charter
        section = reverse(
            "charter:section", args=[request.workspace.slug, charter.pk, self.section_key]
        )
        return f"{section}#{self.dom_id}"

    def row_context(
        self, request, parent, row, focus=False, place=None, count=None, moved=""
    ) -> dict:
        if self.orderable and place is None:
            place, count = self.place(parent, row)
        return {
            "editor": self,
            "row": row,
            "urls": self.row_urls(request, parent, row),
            "can_edit": request.membership.can("edit"),
            "focus": focus,
            "place": place,
            "count": count,
            "moved": moved,
        }

    def form_context(self, request, parent, form) -> dict:
        row = form.instance
        return {
            "editor": self,
            "form": form,
            "row": row,
            "action": self.row_urls(request, parent, row)["edit"]
            if row.pk
            else self.add_url(request, parent),
            "cancel": self.row_urls(request, parent, row)["row"] if row.pk else None,
            "return_url": self.return_url(request, parent),
        }

    def table_context(
        self, request, parent, rows: Iterable[models.Model], moved: tuple[int, str] | None = None
    ) -> dict:
        """What a table template needs: ``rows`` (each a row context) and the add URL.

        ``moved`` is the (pk, direction) of the row just moved, whose button keeps the focus.
        """
        rows = list(rows)
        places = self._places(rows)
        moved_pk, direction = moved or (None, "")
        return {
            "editor": self,
            "dom_id": self.dom_id,
            "rows": [
                self.row_context(
                    request,
                    parent,
                    row,
                    place=places.get(row.pk, (None, None))[0],
                    count=places.get(row.pk, (None, None))[1],
                    moved=direction if row.pk == moved_pk else "",
                )
                for row in rows
            ],
            "add_url": self.add_url(request, parent) if self.can_add else None,
            "can_edit": request.membership.can("edit"),
        }

    def _places(self, rows: list[models.Model]) -> dict[int, tuple[int, int]]:
        """Each row's place in its group, counted from the rows shown (already in order)."""
        if not self.orderable:
            return {}
        groups: dict[tuple, list[int]] = {}
        for row in rows:
            group = tuple(getattr(row, name) for name in self._group_attnames)
            groups.setdefault(group, []).append(row.pk)
        return {
            pk: (index + 1, len(members))
            for members in groups.values()
            for index, pk in enumerate(members)
        }
