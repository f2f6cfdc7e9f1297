"""The generic in-place editing views; see ``charter/editing/specs.py`` for the whole picture."""

from django.db.models import ProtectedError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from charter.access import get_in_workspace, workspace_view
from charter.editing.ordering import CannotMove, move_row, moved_text
from charter.editing.specs import (
    Block,
    EditForm,
    RowEditor,
    concurrency_inputs,
    conflict_form,
    save_form,
)
from charter.models import Charter, EditConflict, Revisioned


def _respond(request, partial, context, *, title, back, status=200, row=False):
    """The partial for htmx, else the same partial on a page of its own (no JavaScript)."""
    if request.htmx:
        return render(request, partial, context, status=status)
    page = {**context, "partial": partial, "title": title, "back": back, "row_form": row}
    return render(request, "charter/editing/edit_page.html", page, status=status)


def submit(request, form: EditForm, *, render_form, render_saved, return_url, dom_id, event):
    """The one save path of every in-place form: validate, save or show the conflict."""
    autosave = bool(request.htmx) and request.POST.get("autosave") == "1"
    if not form.is_valid():
        if autosave:
            context = {"form": form, "dom_id": dom_id}
            return render(request, "charter/editing/save_state.html", context, status=400)
        return render_form(form, 400)
    try:
        instance = save_form(form, request.user)
    except EditConflict as conflict:
        response = render_form(conflict_form(form, conflict.current), 409)
        if autosave:
            response["HX-Retarget"] = f"#{dom_id}"
            response["HX-Reswap"] = "outerHTML"
        return response
    if not request.htmx:
        return redirect(return_url)
    if autosave:
        context = {
            "dom_id": dom_id,
            "saved": instance,
            "concurrency": concurrency_inputs(form, instance),
        }
        response = render(request, "charter/editing/save_state.html", context)
    else:
        response = render_saved(instance)
    response["HX-Trigger"] = f"charter-changed, {event}"
    return response


def _block_form(request, charter, block: Block, form, status=200):
    context = {"edit_block": block.context(request, charter, form.instance, form=form)}
    back = context["edit_block"]["urls"]["section"]
    partial = "charter/editing/block_form.html"
    return _respond(request, partial, context, title=block.title, back=back, status=status)


def _block(request, charter, block: Block, instance, focus=False):
    context = {"edit_block": block.context(request, charter, instance, focus=focus)}
    return render(request, "charter/editing/block.html", context)


@workspace_view()
def block_show(request, charter_pk, block: Block):
    charter = get_in_workspace(request, Charter, pk=charter_pk)
    if not request.htmx:
        return redirect(block.urls(request.workspace.slug, charter)["section"])
    return _block(request, charter, block, block.instance(charter))


@workspace_view("edit")
def block_edit(request, charter_pk, block: Block):
    instance = block.load(request, charter_pk)
    charter = instance.charter
    form = block.form(request, charter, instance)
    if request.method != "POST":
        return _block_form(request, charter, block, form)
    return submit(
        request,
        form,
        render_form=lambda bound, status: _block_form(request, charter, block, bound, status),
        render_saved=lambda instance: _block(request, charter, block, instance, focus=True),
        return_url=block.urls(request.workspace.slug, charter)["section"],
        dom_id=block.dom_id,
        event=f"{block.key}-changed",
    )


def _row_form(request, editor: RowEditor, parent, form, status=200):
    context = editor.form_context(request, parent, form)
    title = _("Edit “%(row)s”") % {"row": form.instance} if form.instance.pk else editor.add_label
    return _respond(
        request,
        "charter/editing/row_form.html",
        context,
        title=title,
        back=context["return_url"],
        status=status,
        row=True,
    )


def _row(request, editor: RowEditor, parent, row, status=200, **extra):
    context = {**editor.row_context(request, parent, row, focus=True), **extra}
    return render(request, editor.row_template, context, status=status)


def _row_submit(request, editor: RowEditor, parent, row):
    form = editor.form(request, parent, row)
    if request.method != "POST":
        return _row_form(request, editor, parent, form)
    return submit(
        request,
        form,
        render_form=lambda bound, status: _row_form(request, editor, parent, bound, status),
        # Reload the row so that the template sees everything ``prepare`` loads.
        render_saved=lambda saved: _row(
            request, editor, parent, editor.rows(parent).get(pk=saved.pk)
        ),
        return_url=editor.return_url(request, parent),
        dom_id=f"{editor.key}-{row.pk or 'new'}",
        event=f"{editor.key}-changed",
    )


@workspace_view()
def row_show(request, editor: RowEditor, **kwargs):
    parent = editor.parent(request, kwargs)
    row = editor.row(request, parent, kwargs)
    if not request.htmx:
        return redirect(editor.return_url(request, parent))
    return _row(request, editor, parent, row)


@workspace_view("edit")
def row_add(request, editor: RowEditor, **kwargs):
    if not editor.can_add:
        raise Http404("Rows of this table are not added by hand.")
    parent = editor.parent(request, kwargs)
    return _row_submit(request, editor, parent, editor.new_row(parent))


@workspace_view("edit")
def row_edit(request, editor: RowEditor, **kwargs):
    parent = editor.parent(request, kwargs)
    return _row_submit(request, editor, parent, editor.row(request, parent, kwargs))


@workspace_view("edit")
@require_POST
def row_delete(request, editor: RowEditor, **kwargs):
    parent = editor.parent(request, kwargs)
    row = editor.row(request, parent, kwargs)
    if not editor.can_delete:
        raise Http404("Rows of this table are not deleted by hand.")
    if isinstance(row, Revisioned) and request.POST.get("revision") != str(row.revision):
        notice = _("This row changed since you loaded it. Check it, then delete it again.")
        if not request.htmx:
            return _respond(
                request,
                "charter/editing/stale_delete.html",
                {"notice": notice, "row": row},
                title=str(row),
                back=editor.return_url(request, parent),
                status=409,
            )
        return _row(request, editor, parent, row, status=409, notice=notice)
    try:
        row.delete()
    except ProtectedError:
        notice = _("This is still in use, so it stays. Change what uses it first.")
        return _row(request, editor, parent, row, status=409, notice=notice)
    if not request.htmx:
        return redirect(editor.return_url(request, parent))
    return HttpResponse("", headers={"HX-Trigger": f"charter-changed, {editor.key}-changed"})


def _table_body(request, editor: RowEditor, parent, *, moved=None, notice=None, status=200):
    """The table's ``<tbody>`` in its stored order, with the moved row's button focused."""
    focus = (moved.row.pk, moved.direction) if moved else (notice or (None, ""))[:2]
    table = editor.table_context(request, parent, editor.rows(parent), moved=focus)
    for item in table["rows"]:
        if moved and item["row"].pk == moved.row.pk:
            item["announcement"] = moved_text(moved)
        if notice and item["row"].pk == notice[0]:
            item["notice"] = notice[2]
    return render(request, "charter/editing/table_body.html", {"table": table}, status=status)


@workspace_view("edit")
@require_POST
def row_move(request, editor: RowEditor, **kwargs):
    """Move a row one place up or down among its siblings (``charter/editing/ordering.py``)."""
    parent = editor.parent(request, kwargs)
    row = editor.row(request, parent, kwargs)
    direction = request.POST.get("direction", "")
    try:
        moved = move_row(editor.siblings(parent, row), row.pk, direction, request.user)
    except CannotMove as refused:
        if not request.htmx:
            context = {"notice": refused, "row": row}
            return _respond(
                request,
                "charter/editing/stale_delete.html",
                context,
                title=str(row),
                back=editor.return_url(request, parent),
                status=400,
            )
        notice = (row.pk, direction, str(refused))
        return _table_body(request, editor, parent, notice=notice, status=400)
    if not request.htmx:
        return redirect(editor.return_url(request, parent))
    response = _table_body(request, editor, parent, moved=moved)
    response["HX-Trigger"] = f"charter-changed, {editor.key}-changed"
    return response
