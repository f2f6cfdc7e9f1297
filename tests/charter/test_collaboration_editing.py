import pytest

from charter.models import MeetingCadence, PartnerTeam, RaciAssignment, Scope
from tests.charter.scope_factories import (
    PartnerTeamFactory,
    RaciAssignmentFactory,
    ServiceFactory,
)
from tests.factories import CharterFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def editor(charter_client):
    return charter_client("editor")


@pytest.fixture
def grid(editor):
    """Two services offered (Content, Tools) by two partner teams (Sales, Marketing)."""
    workspace = editor.charter.workspace
    services = [ServiceFactory(workspace=workspace, name=n) for n in ("Content", "Tools")]
    Scope.objects.create(charter=editor.charter).services.set(services)
    teams = [PartnerTeamFactory(charter=editor.charter, name=n) for n in ("Sales", "Marketing")]
    return services, teams


def cell(service, team):
    return f"cell-{service.pk}-{team.pk}"


def was(service, team):
    return f"was-{service.pk}-{team.pk}"


def test_editor_adds_partner_teams_and_refuses_a_duplicate(editor):
    url = f"{editor.base}/partner-teams/add/"
    added = editor.post(url, {"name": "Sales Ops", "revision": "0"}, **HTMX)
    duplicate = editor.post(url, {"name": "sales ops ", "revision": "0"}, **HTMX)

    assert added.status_code == 200
    assert "partner-team-changed" in added["HX-Trigger"]
    assert duplicate.status_code == 400
    assert "“sales ops” is already a partner team." in duplicate.content.decode()
    assert PartnerTeam.objects.count() == 1


def test_meeting_cadence_needs_a_frequency_and_keeps_what_was_typed(editor):
    url = f"{editor.base}/cadences/add/"
    refused = editor.post(url, {"name": "QBR", "purpose": "Review", "revision": "0"}, **HTMX)
    added = editor.post(url, {"name": "QBR", "frequency": "Quarterly", "revision": "0"}, **HTMX)

    assert refused.status_code == 400
    assert "This field is required." in refused.content.decode()
    assert 'value="QBR"' in refused.content.decode()
    assert added.status_code == 200
    assert MeetingCadence.objects.get().frequency == "Quarterly"


def test_a_cell_saved_with_htmx_updates_its_row_check(editor, grid):
    (content, tools), (sales, marketing) = grid

    response = editor.post(
        f"{editor.base}/raci/save/",
        {cell(content, sales): "A", was(content, sales): "", cell(content, marketing): ""},
        **HTMX,
    )

    assert response.status_code == 200
    assert RaciAssignment.objects.get().letter == "A"
    html = response.content.decode()
    assert "Saved at" in html
    assert f'id="raci-was-{content.pk}-{sales.pk}"' in html and 'value="A"' in html
    gaps = html.split(f'id="raci-gaps-{content.pk}"')[1].split("</div>")[0]
    assert "No Responsible team" in gaps and "No Accountable team" not in gaps
    assert "charter-changed" in response["HX-Trigger"]


def test_whole_grid_saves_without_javascript(editor, grid):
    (content, tools), (sales, marketing) = grid

    response = editor.post(
        f"{editor.base}/raci/save/",
        {
            cell(content, sales): "A",
            was(content, sales): "",
            cell(content, marketing): "R",
            was(content, marketing): "",
            cell(tools, sales): "",
            was(tools, sales): "",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == f"{editor.base}/s/collaboration/"
    stored = dict(RaciAssignment.objects.values_list("team__name", "letter"))
    assert stored == {"Sales": "A", "Marketing": "R"}


def test_a_cell_changed_meanwhile_is_a_conflict_and_the_others_are_saved(editor, grid):
    (content, tools), (sales, marketing) = grid
    RaciAssignmentFactory(charter=editor.charter, service=content, team=sales, letter="C")

    response = editor.post(
        f"{editor.base}/raci/save/",
        {
            cell(content, sales): "A",
            was(content, sales): "",
            cell(tools, marketing): "R",
            was(tools, marketing): "",
        },
        **HTMX,
    )

    assert response.status_code == 409
    html = response.content.decode()
    assert "someone else set “C” meanwhile, so your “A” was not saved" in html
    assert f'id="raci-cell-{content.pk}-{sales.pk}" hx-swap-oob="true"' in html
    assert RaciAssignment.objects.get(service=content, team=sales).letter == "C"
    assert RaciAssignment.objects.get(service=tools, team=marketing).letter == "R"


def test_conflict_without_javascript_shows_the_grid_with_the_message(editor, grid):
    (content, _tools), (sales, _marketing) = grid
    RaciAssignmentFactory(charter=editor.charter, service=content, team=sales, letter="I")

    response = editor.post(
        f"{editor.base}/raci/save/", {cell(content, sales): "R", was(content, sales): ""}
    )

    assert response.status_code == 409
    html = response.content.decode()
    assert "your “R” was not saved" in html
    assert 'value="I" selected' in html


def test_a_letter_other_than_raci_is_refused(editor, grid):
    (content, _tools), (sales, _marketing) = grid

    response = editor.post(
        f"{editor.base}/raci/save/", {cell(content, sales): "X", was(content, sales): ""}, **HTMX
    )

    assert response.status_code == 400
    assert "Choose R, A, C, I or nothing for Content × Sales." in response.content.decode()
    assert not RaciAssignment.objects.exists()


def test_forged_cells_are_404_and_change_nothing(editor, grid):
    (content, tools), (sales, _marketing) = grid
    foreign_team = PartnerTeamFactory()
    foreign_service = ServiceFactory()
    not_offered = ServiceFactory(workspace=editor.charter.workspace, name="Coaching")

    for service, team in [(content, foreign_team), (foreign_service, sales), (not_offered, sales)]:
        response = editor.post(
            f"{editor.base}/raci/save/",
            {cell(tools, sales): "A", cell(service, team): "R", was(service, team): ""},
            **HTMX,
        )
        assert response.status_code == 404
    assert not RaciAssignment.objects.exists()


@pytest.mark.parametrize("role", ["viewer", "contributor", "board"])
def test_only_editors_change_the_matrix_others_read_it(member_client, role):
    client = member_client(role)
    charter = CharterFactory(workspace=client.membership.workspace)
    service = ServiceFactory(workspace=charter.workspace, name="Coaching")
    Scope.objects.create(charter=charter).services.add(service)
    assignment = RaciAssignmentFactory(charter=charter, service=service, letter="R")
    base = f"/w/{charter.workspace.slug}/charters/{charter.pk}"

    page = client.get(f"{base}/s/collaboration/").content.decode()
    refused = client.post(
        f"{base}/raci/save/", {f"cell-{service.pk}-{assignment.team.pk}": "A"}, **HTMX
    )

    assert 'title="Responsible">R</abbr>' in page
    assert "<select" not in page.split('id="raci"')[1].split("</section>")[0]
    assert "No Accountable team" in page
    assert refused.status_code == 403
    assert RaciAssignment.objects.get().letter == "R"


def test_grid_refreshes_as_a_partial_for_htmx(editor, grid):
    (content, _tools), (sales, _marketing) = grid

    response = editor.get(f"{editor.base}/raci/", **HTMX)

    html = response.content.decode()
    assert html.lstrip().startswith("<section") or "<section" in html[:400]
    assert f'name="{cell(content, sales)}"' in html
    assert 'aria-label="Content · Sales"' in html


def test_collaboration_page_queries_do_not_grow_with_the_matrix(editor, assert_page_queries_flat):
    scope = Scope.objects.create(charter=editor.charter)

    def grow(count):
        services = [ServiceFactory(workspace=editor.charter.workspace) for _ in range(count)]
        scope.services.add(*services)
        teams = [PartnerTeamFactory(charter=editor.charter) for _ in range(count)]
        for service in services:
            for team in teams:
                RaciAssignmentFactory(charter=editor.charter, service=service, team=team)

    assert_page_queries_flat(editor, f"{editor.base}/s/collaboration/", grow, many=8)
