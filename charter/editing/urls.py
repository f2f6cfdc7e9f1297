"""URL patterns of in-place blocks and tables, each route name written out by the caller.

The names are literals in the calling ``urls.py`` so that grep finds every route; each is
checked against the spec's ``url_names``, which the spec reverses, so the two cannot drift.
"""

from django.core.exceptions import ImproperlyConfigured
from django.urls import URLPattern, path

import charter.converters  # noqa: F401  registers <workspace:…>
from charter.editing import views
from charter.editing.specs import Block, RowEditor


def _check_names(spec: Block | RowEditor, literal: dict[str, str]) -> None:
    if literal != spec.url_names:
        raise ImproperlyConfigured(
            f"The URL names given for {type(spec).__name__} {spec.key!r} are {literal}, "
            f"but the spec reverses {spec.url_names}."
        )


def block_urls(block: Block, *, show: str, edit: str) -> list[URLPattern]:
    """The read-only block and its form, in the ``charter`` namespace."""
    _check_names(block, {"show": show, "edit": edit})
    route = f"w/<workspace:workspace>/charters/<int:charter_pk>/s/{block.section_key}/{block.key}/"
    kwargs = {"block": block}
    return [
        path(route, views.block_show, kwargs, name=show),
        path(f"{route}edit/", views.block_edit, kwargs, name=edit),
    ]


def row_editor_urls(
    editor: RowEditor,
    *,
    add: str,
    row: str,
    edit: str,
    delete: str,
    move: str | None = None,
    root: str = "w/<workspace:workspace>/",
) -> list[URLPattern]:
    """Add, show, edit, delete and (for an ordered table) move one row of a table.

    Another app's urls.py, already mounted under the workspace, passes ``root=""``.
    """
    literal = {"add": add, "row": row, "edit": edit, "delete": delete}
    if move is not None:
        literal["move"] = move
    _check_names(editor, literal)
    route = f"{root}{editor.prefix}"
    one_row = f"{route}<int:{editor.row_kwarg}>/"
    kwargs = {"editor": editor}
    return [
        path(f"{route}add/", views.row_add, kwargs, name=add),
        path(one_row, views.row_show, kwargs, name=row),
        path(f"{one_row}edit/", views.row_edit, kwargs, name=edit),
        path(f"{one_row}delete/", views.row_delete, kwargs, name=delete),
        *([path(f"{one_row}move/", views.row_move, kwargs, name=move)] if move else []),
    ]
