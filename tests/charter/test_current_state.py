"""The current-state section: snapshot, maturity, completeness, maturity model editing."""

import json

import pytest
from django.template.loader import render_to_string

from charter.models import MaturityLevel, MaturityModel, MaturityScore
from charter.registry import registry
from charter.sections.current_state.maturity import overall_level
from charter.sections.current_state.snapshot import completeness, snapshot
from charter.templatetags.section_tags import maturity_chart
from tests.charter.section_factories import CurrentStateFactory, ExecutionKpiFactory, score
from tests.factories import CharterFactory, WorkspaceFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.mark.parametrize(
    ("ranks", "average", "overall"),
    [([], None, None), ([2, 3], "2.5", 3), ([2, 2, 3, 2], "2.3", 2), ([1, 5], "3.0", 3)],
)
def test_overall_level_is_the_mean_of_assessed_ranks_rounded_half_up(ranks, average, overall):
    mean, rank = overall_level(ranks)

    assert (str(mean) if mean is not None else None, rank) == (average, overall)


@pytest.mark.django_db
def test_snapshot_holds_texts_kpis_and_the_computed_maturity():
    charter = CharterFactory()
    CurrentStateFactory(charter=charter, business_strategy="Grow.", channels="Partners.")
    kpi = ExecutionKpiFactory(charter=charter, name="Win rate", value="23.50")
    score(charter, "Content", 2, "Three drives.")
    score(charter, "Training", 3)

    data = snapshot(charter)

    assert json.loads(json.dumps(data)) == data
    assert data["business_strategy"] == "Grow."
    assert data["kpis"] == [
        {
            "id": kpi.pk,
            "name": "Win rate",
            "value": "23.50",
            "unit": "%",
            "period": "FY2026",
            "source": "Salesforce",
        }
    ]
    maturity = data["maturity"]
    assert [level["name"] for level in maturity["levels"]][:2] == ["Absent", "Emerging"]
    content = next(row for row in maturity["dimensions"] if row["name"] == "Content")
    assert content == {
        "id": content["id"],
        "name": "Content",
        "rank": 2,
        "level": "Emerging",
        "evidence": "Three drives.",
    }
    assert (maturity["assessed"], maturity["average"], maturity["overall_rank"]) == (2, "2.5", 3)
    assert maturity["overall_level"] == "Organized"


@pytest.mark.django_db
def test_completeness_names_what_is_missing():
    charter = CharterFactory()
    CurrentStateFactory(charter=charter, business_strategy="", target_segments="SMB")
    score(charter, "Content", 2)

    missing = completeness(snapshot(charter))

    assert "Business strategy is missing." in missing
    assert "Go-to-market: value proposition is missing." in missing
    assert "Go-to-market: target segments is missing." not in missing
    assert "No sales-execution KPI yet." in missing
    assert "Maturity dimension “Training” is not assessed." in missing
    assert "Maturity dimension “Content” has no evidence." in missing


def test_maturity_chart_labels_every_dimension_and_the_overall_level():
    data = {
        "levels": [{"rank": rank, "name": f"L{rank}"} for rank in range(1, 6)],
        "dimensions": [
            {"name": "Coaching & <b>", "rank": 2, "level": "Emerging"},
            {"name": "Analytics", "rank": None, "level": ""},
        ],
        "average": "2.0",
    }

    svg = str(maturity_chart(data))

    assert svg.startswith("<svg") and 'role="img"' in svg
    assert "Coaching &amp; &lt;b&gt;" in svg
    assert "2 · Emerging" in svg
    assert "not assessed" in svg
    assert "overall 2.0" in svg


@pytest.mark.django_db
def test_section_partial_renders_the_snapshot_for_the_pdf_without_scripts():
    charter = CharterFactory()
    CurrentStateFactory(charter=charter, business_strategy="<script>x()</script>**Grow**")
    score(charter, "Content", 4, "Audit <img src=x onerror=alert(1)>")
    section = registry.get("current-state")

    html = render_to_string(section.template, {"data": snapshot(charter), "mode": "pdf"})

    assert "<strong>Grow</strong>" in html
    assert "<script" not in html and "onerror" not in html
    assert "<svg" in html and "4 · Scalable" in html
    assert "hx-" not in html


@pytest.fixture
def editor(member_client):
    client = member_client("editor")
    client.charter = CharterFactory(workspace=client.membership.workspace)
    return client


def score_url(client, maturity_score):
    workspace = client.membership.workspace.slug
    return f"/w/{workspace}/charters/{client.charter.pk}/maturity/{maturity_score.pk}/edit/"


@pytest.mark.django_db
def test_scoring_a_dimension_in_place_refreshes_the_overall_level(editor):
    maturity_score = score(editor.charter, "Coaching", None)
    level = MaturityLevel.objects.get(model__workspace=editor.charter.workspace, rank=3)

    response = editor.post(
        score_url(editor, maturity_score),
        {"revision": "1", "level": level.pk, "evidence": "Weekly 1:1s."},
        **HTMX,
    )

    assert response.status_code == 200
    assert "3 · Organized" in response.content.decode()
    assert "score-changed" in response["HX-Trigger"]
    summary = editor.get(
        f"/w/{editor.membership.workspace.slug}/charters/{editor.charter.pk}/maturity/summary/",
        **HTMX,
    )
    assert "Overall level: <strong>3 · Organized</strong>" in summary.content.decode()


@pytest.mark.django_db
def test_a_level_of_another_workspaces_model_is_refused(editor):
    maturity_score = score(editor.charter, "Coaching", None)
    foreign = MaturityModel.for_workspace(WorkspaceFactory()).levels.get(rank=5)

    response = editor.post(
        score_url(editor, maturity_score), {"revision": "1", "level": foreign.pk}, **HTMX
    )

    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert MaturityScore.objects.get(pk=maturity_score.pk).level is None


@pytest.mark.django_db
def test_the_section_page_creates_a_score_row_for_every_dimension(editor):
    workspace = editor.membership.workspace.slug

    page = editor.get(f"/w/{workspace}/charters/{editor.charter.pk}/s/current-state/")

    assert page.status_code == 200
    assert MaturityScore.objects.filter(charter=editor.charter).count() == 8
    assert "Tools and technology" in page.content.decode()


@pytest.mark.django_db
def test_editors_rename_levels_and_add_dimensions_of_the_maturity_model(editor):
    workspace = editor.membership.workspace.slug
    level = MaturityModel.for_workspace(editor.membership.workspace).levels.get(rank=1)

    renamed = editor.post(
        f"/w/{workspace}/maturity-model/levels/{level.pk}/edit/",
        {"revision": "1", "rank": "1", "name": "Ad hoc", "description": ""},
        **HTMX,
    )
    added = editor.post(
        f"/w/{workspace}/maturity-model/dimensions/add/",
        {"name": "Onboarding", "description": "First 90 days."},
        **HTMX,
    )

    assert (renamed.status_code, added.status_code) == (200, 200)
    model = MaturityModel.for_workspace(editor.membership.workspace)
    assert model.levels.get(rank=1).name == "Ad hoc"
    assert model.dimensions.filter(name="Onboarding").exists()
    assert editor.get(f"/w/{workspace}/maturity-model/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"rank": "2", "name": "Twice"}, "Another level already has this rank."),
        ({"rank": "0", "name": "Zero"}, "Ranks start at 1."),
        ({"rank": "two", "name": "Two"}, "Enter a whole number."),
        ({"rank": "6", "name": "x" * 61}, "at most 60 characters"),
    ],
)
def test_invalid_levels_are_refused(editor, data, message):
    workspace = editor.membership.workspace.slug
    MaturityModel.for_workspace(editor.membership.workspace)

    response = editor.post(f"/w/{workspace}/maturity-model/levels/add/", data, **HTMX)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert MaturityLevel.objects.filter(model__workspace=editor.membership.workspace).count() == 5


@pytest.mark.django_db
def test_a_dimension_name_is_unique_in_the_model(editor):
    workspace = editor.membership.workspace.slug
    MaturityModel.for_workspace(editor.membership.workspace)

    response = editor.post(
        f"/w/{workspace}/maturity-model/dimensions/add/", {"name": "coaching"}, **HTMX
    )

    assert response.status_code == 400
    assert "Another dimension already has this name." in response.content.decode()


@pytest.mark.django_db
def test_a_level_in_use_cannot_be_deleted(editor):
    workspace = editor.membership.workspace.slug
    used = score(editor.charter, "Coaching", 2).level

    response = editor.post(
        f"/w/{workspace}/maturity-model/levels/{used.pk}/delete/", {"revision": "1"}, **HTMX
    )

    assert response.status_code == 409
    assert "still in use" in response.content.decode()
    assert MaturityLevel.objects.filter(pk=used.pk).exists()


@pytest.mark.django_db
def test_another_workspaces_level_is_404(editor):
    foreign = MaturityModel.for_workspace(WorkspaceFactory()).levels.get(rank=1)
    workspace = editor.membership.workspace.slug

    response = editor.post(
        f"/w/{workspace}/maturity-model/levels/{foreign.pk}/edit/",
        {"revision": "1", "rank": "1", "name": "Hijacked"},
    )

    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.name == "Absent"


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["viewer", "board"])
def test_viewers_and_board_members_read_the_maturity_model_but_cannot_change_it(
    member_client, role
):
    client = member_client(role)
    workspace = client.membership.workspace.slug
    level = MaturityModel.for_workspace(client.membership.workspace).levels.get(rank=1)

    page = client.get(f"/w/{workspace}/maturity-model/")
    response = client.post(
        f"/w/{workspace}/maturity-model/levels/{level.pk}/edit/",
        {"revision": "1", "rank": "1", "name": "Renamed"},
    )

    assert page.status_code == 200 and "Add level" not in page.content.decode()
    assert response.status_code == 403
