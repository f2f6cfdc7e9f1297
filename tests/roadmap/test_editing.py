"""Editing phases and milestones in place, and what bad input gets back."""

from datetime import date
from decimal import Decimal

import pytest

from charter.models import Metric
from roadmap.models import Milestone, Phase
from tests.factories import CharterFactory, MembershipFactory
from tests.roadmap.factories import MilestoneFactory, PhaseFactory, level

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def editor(member_client):
    client = member_client("editor")
    client.charter = CharterFactory(workspace=client.membership.workspace)
    client.base = f"/w/{client.membership.workspace.slug}/roadmap/charters/{client.charter.pk}"
    return client


def milestone_form(**values):
    data = {
        "title": "Coaching program",
        "status": "planned",
        "start": "2026-09-01",
        "end": "2026-12-15",
        "budget_amount": "",
        "budget_currency": "USD",
        "headcount": "",
        "tools": "",
        "description": "",
        "revision": "0",
        "base": "",
    }
    data.update(values)
    return data


def test_section_page_shows_the_timeline_and_both_tables(editor):
    phase = PhaseFactory(charter=editor.charter, name="Foundation")
    MilestoneFactory(charter=editor.charter, phase=phase, title="Curriculum")

    page = editor.get(
        f"/w/{editor.membership.workspace.slug}/charters/{editor.charter.pk}/s/roadmap/"
    )

    html = page.content.decode()
    assert page.status_code == 200
    assert 'class="timeline"' in html
    assert "Add milestone" in html and "Add phase" in html
    assert "Curriculum" in html and "Foundation" in html


def test_swimlanes_by_owner_on_request(editor):
    owner = editor.membership.user
    MilestoneFactory(charter=editor.charter, owner=owner)

    page = editor.get(
        f"/w/{editor.membership.workspace.slug}/charters/{editor.charter.pk}/s/roadmap/",
        {"group": "owner"},
    )

    html = page.content.decode()
    assert 'aria-current="true">owner' in html
    assert "No phase" not in html.split('class="timeline"')[1].split("</svg>")[0]


def test_adding_a_milestone_saves_it_with_its_links_and_resources(editor):
    phase = PhaseFactory(charter=editor.charter)
    earlier = MilestoneFactory(charter=editor.charter, title="Curriculum")
    metric = Metric.objects.create(charter=editor.charter, name="Ramp time")

    response = editor.post(
        f"{editor.base}/milestones/add/",
        milestone_form(
            phase=phase.pk,
            owner=editor.membership.user.pk,
            depends_on=[earlier.pk],
            metrics=[metric.pk],
            budget_amount="12000.50",
            budget_currency="EUR",
            headcount="1.5",
            tools="Gong, Highspot",
        ),
        **HTMX,
    )

    assert response.status_code == 200
    assert "milestone-changed" in response["HX-Trigger"]
    milestone = Milestone.objects.get(title="Coaching program")
    assert milestone.charter == editor.charter
    assert milestone.budget_amount == Decimal("12000.50")
    assert milestone.budget_currency == "EUR"
    assert list(milestone.depends_on.all()) == [earlier]
    assert list(milestone.metrics.all()) == [metric]
    assert milestone.revision == 1


def test_live_view_redraws_the_timeline_with_the_new_milestone(editor):
    MilestoneFactory(charter=editor.charter, title="Fresh milestone")

    response = editor.get(f"{editor.base}/live/", {"group": "owner"}, **HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="timeline"' in html and "Fresh milestone" in html
    assert 'hx-swap-oob="true"' in html
    assert "group=owner" in html


def test_live_view_without_htmx_goes_back_to_the_section(editor):
    response = editor.get(f"{editor.base}/live/")

    assert response.status_code == 302
    assert response["Location"].endswith("/s/roadmap/?group=phase")


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"end": "2026-08-01"}, "end", "The end cannot be before the start."),
        ({"budget_amount": "lots"}, "budget_amount", "Enter the budget as a number"),
        ({"budget_amount": "-5"}, "budget_amount", "The budget cannot be negative."),
        ({"headcount": "-1"}, "headcount", "The headcount cannot be negative."),
        ({"budget_currency": "XXX"}, "budget_currency", "Choose a currency from the list"),
        ({"start": "31/02/2026"}, "start", "Enter a valid date."),
        ({"title": ""}, "title", "This field is required."),
    ],
)
def test_bad_input_is_refused_with_a_message_and_what_was_typed(editor, values, field, message):
    milestone = MilestoneFactory(charter=editor.charter, title="Kept", budget_amount=Decimal(7))

    response = editor.post(
        f"{editor.base}/milestones/{milestone.pk}/edit/",
        milestone_form(**{"revision": milestone.revision, "title": "Typed title", **values}),
        **HTMX,
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert f'id="milestone-{milestone.pk}-{field}_error"' in html
    if field != "title":
        assert 'value="Typed title"' in html
    milestone.refresh_from_db()
    assert (milestone.title, milestone.budget_amount) == ("Kept", Decimal("7.00"))


def test_a_dependency_cycle_is_refused_and_nothing_changes(editor):
    first = MilestoneFactory(charter=editor.charter, title="Design")
    second = MilestoneFactory(charter=editor.charter, title="Build")
    second.depends_on.add(first)

    response = editor.post(
        f"{editor.base}/milestones/{first.pk}/edit/",
        milestone_form(revision=first.revision, title="Design", depends_on=[second.pk]),
        **HTMX,
    )

    assert response.status_code == 400
    assert "would go in a circle: Design → Build → Design" in response.content.decode()
    assert list(first.depends_on.all()) == []


def test_a_dependency_on_another_charters_milestone_is_refused(editor):
    milestone = MilestoneFactory(charter=editor.charter)
    other_charter = MilestoneFactory(charter=CharterFactory(workspace=editor.charter.workspace))
    other_workspace = MilestoneFactory()

    for foreign in (other_charter, other_workspace):
        response = editor.post(
            f"{editor.base}/milestones/{milestone.pk}/edit/",
            milestone_form(revision=milestone.revision, depends_on=[foreign.pk]),
            **HTMX,
        )

        assert response.status_code == 400
        assert "only depend on other milestones of this charter" in response.content.decode()
    assert list(milestone.depends_on.all()) == []


def test_an_owner_must_be_a_member_of_the_workspace(editor):
    outsider = MembershipFactory().user

    response = editor.post(
        f"{editor.base}/milestones/add/", milestone_form(owner=outsider.pk), **HTMX
    )

    assert response.status_code == 400
    assert not Milestone.objects.exists()


def test_editing_another_workspaces_milestone_is_a_404(editor):
    foreign = MilestoneFactory(title="Theirs")

    response = editor.post(
        f"{editor.base}/milestones/{foreign.pk}/edit/",
        milestone_form(revision=foreign.revision, title="Mine now"),
        **HTMX,
    )

    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.title == "Theirs"


def test_a_stale_save_shows_the_conflict_and_keeps_both_versions(editor):
    milestone = MilestoneFactory(charter=editor.charter, title="Original")
    stale_revision = milestone.revision
    Milestone.objects.filter(pk=milestone.pk).update(title="Theirs", revision=stale_revision + 1)

    response = editor.post(
        f"{editor.base}/milestones/{milestone.pk}/edit/",
        milestone_form(revision=stale_revision, title="Mine"),
        **HTMX,
    )

    html = response.content.decode()
    assert response.status_code == 409
    assert 'value="Mine"' in html and "Theirs" in html
    milestone.refresh_from_db()
    assert milestone.title == "Theirs"


def test_viewers_cannot_edit(member_client):
    client = member_client("viewer")
    milestone = MilestoneFactory(charter=CharterFactory(workspace=client.membership.workspace))
    base = f"/w/{client.membership.workspace.slug}/roadmap/charters/{milestone.charter_id}"

    response = client.post(f"{base}/milestones/{milestone.pk}/edit/", milestone_form(), **HTMX)

    assert response.status_code == 403


def test_adding_a_phase_for_a_level_and_refusing_a_second_one(editor):
    organized = level(editor.charter, 3)
    url = f"{editor.base}/phases/add/"
    form = {"name": "Foundation", "target_level": organized.pk, "goal": "", "revision": "0"}

    first = editor.post(url, form, **HTMX)
    second = editor.post(url, {**form, "name": "Again"}, **HTMX)

    assert first.status_code == 200
    assert second.status_code == 400
    assert "already has a phase that reaches this level" in second.content.decode()
    assert list(Phase.objects.values_list("name", flat=True)) == ["Foundation"]


def test_a_phase_cannot_aim_at_another_workspaces_level(editor):
    foreign_level = level(CharterFactory(), 3)

    response = editor.post(
        f"{editor.base}/phases/add/",
        {"name": "Borrowed", "target_level": foreign_level.pk, "revision": "0"},
        **HTMX,
    )

    assert response.status_code == 400
    assert not Phase.objects.exists()


def test_deleting_a_phase_keeps_its_milestones(editor):
    phase = PhaseFactory(charter=editor.charter)
    milestone = MilestoneFactory(charter=editor.charter, phase=phase)

    response = editor.post(
        f"{editor.base}/phases/{phase.pk}/delete/", {"revision": phase.revision}, **HTMX
    )

    assert response.status_code == 200
    milestone.refresh_from_db()
    assert milestone.phase is None


def test_milestone_outside_the_charter_period_is_flagged_in_its_row(editor):
    milestone = MilestoneFactory(
        charter=editor.charter, start=date(2027, 5, 1), end=date(2027, 9, 30)
    )

    response = editor.get(f"{editor.base}/milestones/{milestone.pk}/", **HTMX)

    assert "Outside the charter period" in response.content.decode()


def test_metrics_and_objectives_of_another_charter_are_refused(editor):
    other = CharterFactory(workspace=editor.charter.workspace)
    metric = Metric.objects.create(charter=other, name="Their metric")

    response = editor.post(
        f"{editor.base}/milestones/add/", milestone_form(metrics=[metric.pk]), **HTMX
    )

    assert response.status_code == 400
    assert "Choose metrics of this charter." in response.content.decode()
    assert not Milestone.objects.exists()


def test_section_page_queries_do_not_grow_with_the_milestones(editor):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    phase = PhaseFactory(charter=editor.charter)
    metric = Metric.objects.create(charter=editor.charter, name="Win rate")
    url = f"/w/{editor.membership.workspace.slug}/charters/{editor.charter.pk}/s/roadmap/"

    def queries_with(count):
        for milestone in MilestoneFactory.create_batch(
            count, charter=editor.charter, phase=phase, owner=editor.membership.user
        ):
            milestone.metrics.add(metric)
        with CaptureQueriesContext(connection) as queries:
            assert editor.get(url).status_code == 200
        return len(queries)

    assert queries_with(2) == queries_with(10)
