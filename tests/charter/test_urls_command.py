"""``manage.py urls`` lists every named route with its path."""

import io

from django.core.management import call_command


def run_urls_command() -> list[str]:
    out = io.StringIO()
    call_command("urls", stdout=out)
    return out.getvalue().splitlines()


def test_urls_command_prints_namespaced_names_with_their_full_routes():
    lines = run_urls_command()
    assert "charter:kpi-add  w/<workspace:workspace>/charters/<int:charter_pk>/kpis/add/" in lines
    assert (
        "roadmap:phase-row  w/<workspace:workspace>/roadmap/charters/<int:charter_pk>/phases/"
        "<int:phase_pk>/"
    ) in lines
    assert "outside_review:review  review/<str:token>/" in lines
    assert "login  accounts/login/" in lines


def test_urls_command_prints_each_route_once_in_sorted_order():
    lines = run_urls_command()
    assert lines == sorted(set(lines))
    assert len(lines) > 200
