"""The in-place editing framework, through the current state's blocks and KPI table."""

import re

import pytest

from charter.models import CurrentState, ExecutionKpi
from tests.charter.section_factories import CurrentStateFactory, ExecutionKpiFactory
from tests.factories import CharterFactory, MembershipFactory, UserFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def editor(member_client):
    client = member_client("editor")
    client.charter = CharterFactory(workspace=client.membership.workspace)
    return client


def block_url(client, key="strategy", edit=True):
    workspace = client.membership.workspace.slug
    suffix = "edit/" if edit else ""
    return f"/w/{workspace}/charters/{client.charter.pk}/s/current-state/{key}/{suffix}"


def kpi_url(client, action="add", kpi=None):
    base = f"/w/{client.membership.workspace.slug}/charters/{client.charter.pk}/kpis/"
    return base + (f"{kpi.pk}/{action}/" if kpi else f"{action}/")


def hidden(html: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert match, f"no hidden {name} in the form"
    return match.group(1)


def open_form(client, url) -> dict:
    html = client.get(url, **HTMX).content.decode()
    return {"revision": hidden(html, "revision"), "base": hidden(html, "base")}


@pytest.mark.django_db
def test_edit_swaps_in_a_form_with_the_revision_and_autosave(editor):
    response = editor.get(block_url(editor), **HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith("<form") or "<form" in html.split("\n")[1]
    assert 'name="revision" value="1"' in html
    assert 'hx-trigger="input changed delay:1s, blur changed"' in html
    assert 'class="save-state"' in html
    assert "<html" not in html


@pytest.mark.django_db
def test_saving_a_block_returns_the_rendered_block_and_announces_the_change(editor):
    form = open_form(editor, block_url(editor))

    response = editor.post(
        block_url(editor), {**form, "business_strategy": "Grow **enterprise**."}, **HTMX
    )

    assert response.status_code == 200
    assert "<strong>enterprise</strong>" in response.content.decode()
    assert "charter-changed" in response["HX-Trigger"]
    state = CurrentState.objects.get(charter=editor.charter)
    assert state.business_strategy == "Grow **enterprise**."
    assert state.revision == 2
    assert state.updated_by == editor.membership.user


@pytest.mark.django_db
def test_plain_post_without_javascript_saves_and_redirects_to_the_section(editor):
    form = open_form(editor, block_url(editor))

    response = editor.post(block_url(editor), {**form, "business_strategy": "Grow."})

    assert response.status_code == 302
    assert response["Location"].endswith("/s/current-state/#block-strategy")
    assert CurrentState.objects.get(charter=editor.charter).business_strategy == "Grow."


@pytest.mark.django_db
def test_plain_get_of_the_form_renders_a_whole_page(editor):
    response = editor.get(block_url(editor))

    assert response.status_code == 200
    assert "<html" in response.content.decode()
    assert "Business strategy" in response.content.decode()


@pytest.mark.django_db
def test_over_long_text_is_refused_with_what_was_typed_and_nothing_changes(editor):
    CurrentStateFactory(charter=editor.charter, business_strategy="Saved before.")
    form = open_form(editor, block_url(editor))
    too_long = "x" * 20_001

    response = editor.post(block_url(editor), {**form, "business_strategy": too_long}, **HTMX)

    assert response.status_code == 400
    assert too_long in response.content.decode()
    assert "at most 20000 characters" in response.content.decode()
    assert CurrentState.objects.get(charter=editor.charter).business_strategy == "Saved before."


@pytest.mark.django_db
def test_script_in_markdown_is_kept_as_text_but_never_rendered(editor):
    form = open_form(editor, block_url(editor))
    payload = '<script>alert(1)</script><img src=x onerror="alert(2)"> **fine**'

    response = editor.post(block_url(editor), {**form, "business_strategy": payload}, **HTMX)

    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert "onerror" not in html
    assert "<strong>fine</strong>" in html


@pytest.mark.django_db
def test_stale_save_of_the_same_text_shows_both_texts_and_keeps_the_saved_one(editor):
    CurrentStateFactory(charter=editor.charter, business_strategy="Original.")
    mine = open_form(editor, block_url(editor))
    theirs = open_form(editor, block_url(editor))
    editor.post(block_url(editor), {**theirs, "business_strategy": "Their change."}, **HTMX)

    response = editor.post(block_url(editor), {**mine, "business_strategy": "My change."}, **HTMX)

    html = response.content.decode()
    assert response.status_code == 409
    assert "My change." in html
    assert "Their change." in html
    assert "Someone else changed this" in html
    assert CurrentState.objects.get(charter=editor.charter).business_strategy == "Their change."
    # The conflict form carries the current revision: saving the merge now succeeds.
    merged = {"revision": hidden(html, "revision"), "base": hidden(html, "base")}
    response = editor.post(
        block_url(editor), {**merged, "business_strategy": "Merged change."}, **HTMX
    )
    assert response.status_code == 200
    assert CurrentState.objects.get(charter=editor.charter).business_strategy == "Merged change."


@pytest.mark.django_db
def test_stale_save_of_a_block_merges_silently_when_another_block_changed(editor):
    strategy = open_form(editor, block_url(editor, "strategy"))
    market = open_form(editor, block_url(editor, "go-to-market"))
    editor.post(block_url(editor), {**strategy, "business_strategy": "Strategy."}, **HTMX)

    response = editor.post(
        block_url(editor, "go-to-market"),
        {**market, "target_segments": "Mid-market SaaS.", "value_proposition": "Speed."},
        **HTMX,
    )

    assert response.status_code == 200
    state = CurrentState.objects.get(charter=editor.charter)
    assert (state.business_strategy, state.target_segments) == ("Strategy.", "Mid-market SaaS.")


@pytest.mark.django_db
def test_autosave_answers_with_its_state_and_the_new_revision(editor):
    form = open_form(editor, block_url(editor))

    response = editor.post(
        block_url(editor), {**form, "business_strategy": "Draft", "autosave": "1"}, **HTMX
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Saved at" in html
    assert 'hx-swap-oob="true"' in html
    assert 'name="revision" value="2"' in html
    assert CurrentState.objects.get(charter=editor.charter).business_strategy == "Draft"


@pytest.mark.django_db
def test_autosave_answers_with_the_hidden_fields_of_a_form_opened_afterwards(editor):
    CurrentStateFactory(charter=editor.charter)
    form = open_form(editor, block_url(editor))

    response = editor.post(
        block_url(editor), {**form, "business_strategy": "Draft", "autosave": "1"}, **HTMX
    )

    html = response.content.decode()
    reopened = editor.get(block_url(editor), **HTMX).content.decode()
    for name in ("revision", "base"):
        assert hidden(html, name) == hidden(reopened, name)
        assert f'id="block-strategy-{name}"' in html


@pytest.mark.django_db
def test_another_workspaces_block_is_not_found_even_when_it_has_been_written(editor):
    theirs = CurrentStateFactory(business_strategy="Their strategy.")
    editor.charter = theirs.charter

    assert editor.get(block_url(editor), **HTMX).status_code == 404
    assert editor.post(block_url(editor), {"business_strategy": "Mine"}).status_code == 404
    assert CurrentState.objects.get(pk=theirs.pk).business_strategy == "Their strategy."


@pytest.mark.django_db
def test_autosave_takes_a_few_queries_however_much_the_charter_holds(
    editor, django_assert_max_num_queries
):
    CurrentStateFactory(charter=editor.charter)
    for _ in range(20):
        ExecutionKpiFactory(charter=editor.charter)
    form = open_form(editor, block_url(editor))

    # Session (unless Redis holds it), user, membership, block with its charter, UPDATE.
    for text in ("First draft", "Second draft"):
        with django_assert_max_num_queries(5):
            response = editor.post(
                block_url(editor), {**form, "business_strategy": text, "autosave": "1"}, **HTMX
            )
        assert response.status_code == 200
        form = {name: hidden(response.content.decode(), name) for name in ("revision", "base")}


@pytest.mark.django_db
def test_autosave_that_meets_a_conflict_replaces_the_form_with_the_conflict_view(editor):
    mine = open_form(editor, block_url(editor))
    other = open_form(editor, block_url(editor))
    editor.post(block_url(editor), {**other, "business_strategy": "Theirs"}, **HTMX)

    response = editor.post(
        block_url(editor), {**mine, "business_strategy": "Mine", "autosave": "1"}, **HTMX
    )

    assert response.status_code == 409
    assert response["HX-Retarget"] == "#block-strategy"
    assert "Mine" in response.content.decode()
    assert "Theirs" in response.content.decode()


@pytest.mark.django_db
def test_invalid_autosave_says_not_saved(editor):
    form = open_form(editor, block_url(editor))

    response = editor.post(
        block_url(editor), {**form, "business_strategy": "x" * 20_001, "autosave": "1"}, **HTMX
    )

    assert response.status_code == 400
    assert "Not saved" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["viewer", "board", "contributor"])
def test_only_editors_and_owners_edit(member_client, role):
    client = member_client(role)
    client.charter = CharterFactory(workspace=client.membership.workspace)

    assert client.get(block_url(client), **HTMX).status_code == 403
    assert client.post(block_url(client), {"business_strategy": "x"}).status_code == 403
    assert client.post(kpi_url(client), {"name": "x"}).status_code == 403
    assert client.get(block_url(client, edit=False), **HTMX).status_code == 200
    assert not CurrentState.objects.filter(business_strategy="x").exists()


@pytest.mark.django_db
def test_adding_a_kpi_returns_its_row(editor):
    response = editor.post(
        kpi_url(editor),
        {"name": "Win rate", "value": "23.5", "unit": "%", "period": "FY2026", "source": "CRM"},
        **HTMX,
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "<tr" in html and "Win rate" in html and "23.5 %" in html
    assert "kpi-changed" in response["HX-Trigger"]
    assert ExecutionKpi.objects.get(charter=editor.charter).name == "Win rate"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("twenty", "Enter a number."),
        ("NaN", "Enter a number."),
        ("1e400", "no more than 14 digits"),
        ("123456789012345", "no more than 14 digits"),
    ],
)
def test_invalid_kpi_number_is_refused_with_what_was_typed(editor, value, message):
    response = editor.post(
        kpi_url(editor), {"name": "Win rate", "value": value, "period": "FY2026"}, **HTMX
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'value="Win rate"' in response.content.decode()
    assert not ExecutionKpi.objects.exists()


@pytest.mark.django_db
def test_editing_a_kpi_of_another_workspace_is_404(editor):
    foreign = ExecutionKpiFactory()

    url = f"/w/{editor.membership.workspace.slug}/charters/{editor.charter.pk}/kpis/{foreign.pk}/"
    assert editor.get(url + "edit/", **HTMX).status_code == 404
    assert editor.post(url + "edit/", {"name": "Hijack", "value": "1"}).status_code == 404
    assert editor.post(url + "delete/", {"revision": "1"}).status_code == 404
    foreign.refresh_from_db()
    assert foreign.name != "Hijack"


@pytest.mark.django_db
def test_a_kpi_of_another_charter_in_the_same_workspace_is_404(editor):
    other = ExecutionKpiFactory(charter=CharterFactory(workspace=editor.membership.workspace))

    assert editor.get(kpi_url(editor, "edit", other), **HTMX).status_code == 404


@pytest.mark.django_db
def test_deleting_a_kpi_removes_the_row(editor):
    kpi = ExecutionKpiFactory(charter=editor.charter)

    response = editor.post(kpi_url(editor, "delete", kpi), {"revision": "1"}, **HTMX)

    assert response.status_code == 200
    assert response.content == b""
    assert not ExecutionKpi.objects.exists()


@pytest.mark.django_db
def test_deleting_a_kpi_someone_just_changed_is_refused(editor):
    kpi = ExecutionKpiFactory(charter=editor.charter)
    ExecutionKpi.objects.filter(pk=kpi.pk).update(revision=2, name="Renamed meanwhile")

    response = editor.post(kpi_url(editor, "delete", kpi), {"revision": "1"}, **HTMX)

    assert response.status_code == 409
    assert "Renamed meanwhile" in response.content.decode()
    assert ExecutionKpi.objects.filter(pk=kpi.pk).exists()


@pytest.mark.django_db
def test_stale_kpi_edit_shows_both_values(editor):
    kpi = ExecutionKpiFactory(charter=editor.charter, value="10")
    mine = open_form(editor, kpi_url(editor, "edit", kpi))
    fields = {"name": kpi.name, "period": "FY2026", "unit": "%", "source": ""}
    editor.post(kpi_url(editor, "edit", kpi), {**mine, **fields, "value": "11"}, **HTMX)

    response = editor.post(kpi_url(editor, "edit", kpi), {**mine, **fields, "value": "12"}, **HTMX)

    html = response.content.decode()
    assert response.status_code == 409
    assert 'value="12"' in html
    assert 'value="11.00"' in html
    kpi.refresh_from_db()
    assert kpi.value == 11


@pytest.mark.django_db
def test_the_section_page_lists_blocks_and_kpis(editor):
    ExecutionKpiFactory(charter=editor.charter, name="Ramp time")
    workspace = editor.membership.workspace.slug

    page = editor.get(f"/w/{workspace}/charters/{editor.charter.pk}/s/current-state/")

    html = page.content.decode()
    assert page.status_code == 200
    assert "Business strategy" in html and "Go-to-market strategy" in html
    assert "Ramp time" in html
    assert "Add KPI" in html


@pytest.mark.django_db
def test_a_viewer_reads_the_section_without_edit_buttons(member_client):
    client = member_client("viewer")
    charter = CharterFactory(workspace=client.membership.workspace)
    CurrentStateFactory(charter=charter, business_strategy="Read me.")
    ExecutionKpiFactory(charter=charter, name="Ramp time")

    page = client.get(
        f"/w/{client.membership.workspace.slug}/charters/{charter.pk}/s/current-state/"
    )

    html = page.content.decode()
    assert "Read me." in html and "Ramp time" in html
    assert "Add KPI" not in html
    assert "/edit/" not in html


@pytest.mark.django_db
def test_a_non_member_cannot_reach_the_block(client):
    charter = CharterFactory()
    client.force_login(UserFactory())
    MembershipFactory(workspace=charter.workspace)

    url = f"/w/{charter.workspace.slug}/charters/{charter.pk}/s/current-state/strategy/edit/"
    assert client.get(url).status_code == 404
