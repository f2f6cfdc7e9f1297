"""Route names of blocks and tables are written out in urls.py and cannot drift from the spec."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from charter.editing.urls import block_urls, row_editor_urls
from charter.sections.current_state.editors import KPI_TABLE, STRATEGY


def test_block_urls_use_the_literal_names_the_block_reverses():
    show, edit = block_urls(
        STRATEGY, show="current-state-strategy", edit="current-state-strategy-edit"
    )
    assert (show.name, edit.name) == ("current-state-strategy", "current-state-strategy-edit")
    assert reverse("charter:current-state-strategy-edit", args=["acme", 7]) == (
        "/w/acme/charters/7/s/current-state/strategy/edit/"
    )


def test_block_urls_refuse_a_name_that_differs_from_the_spec():
    with pytest.raises(ImproperlyConfigured, match="current-state-strategy"):
        block_urls(STRATEGY, show="strategy", edit="current-state-strategy-edit")


def test_row_editor_urls_refuse_a_name_that_differs_from_the_spec():
    with pytest.raises(ImproperlyConfigured, match="kpi-delete"):
        row_editor_urls(
            KPI_TABLE, add="kpi-add", row="kpi-row", edit="kpi-edit", delete="kpi-remove"
        )


def test_an_ordered_table_needs_its_move_route_named():
    with pytest.raises(ImproperlyConfigured, match="kpi-move"):
        row_editor_urls(
            KPI_TABLE, add="kpi-add", row="kpi-row", edit="kpi-edit", delete="kpi-delete"
        )


def test_row_editor_urls_name_add_row_edit_delete_and_move_as_given():
    patterns = row_editor_urls(
        KPI_TABLE,
        add="kpi-add",
        row="kpi-row",
        edit="kpi-edit",
        delete="kpi-delete",
        move="kpi-move",
        root="",
    )
    assert [(p.name, str(p.pattern)) for p in patterns] == [
        ("kpi-add", "charters/<int:charter_pk>/kpis/add/"),
        ("kpi-row", "charters/<int:charter_pk>/kpis/<int:executionkpi_pk>/"),
        ("kpi-edit", "charters/<int:charter_pk>/kpis/<int:executionkpi_pk>/edit/"),
        ("kpi-delete", "charters/<int:charter_pk>/kpis/<int:executionkpi_pk>/delete/"),
        ("kpi-move", "charters/<int:charter_pk>/kpis/<int:executionkpi_pk>/move/"),
    ]
