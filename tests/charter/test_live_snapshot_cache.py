"""The live snapshot comes from the cache, and every write to what it shows makes a new key.

The cache keeps an entry only once its transaction commits, so these tests run the
on-commit callbacks of the test's own transaction (``kept``).
"""

import io
import re
from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from charter.content_revisions import revisions, tracked_tables
from charter.models import Charter, Metric, MetricActual, Objective, Profile
from charter.versions import live
from charter.versions.publishing import canonical_json, take_snapshot
from governance.models import BoardSeat
from research.models import Insight
from tests.factories import CharterFactory, MembershipFactory
from tests.governance.factories import make_board
from tests.research.factories import InsightFactory
from tests.roadmap.factories import MilestoneFactory


@pytest.fixture
def kept(django_capture_on_commit_callbacks):
    """The live snapshot as a page would read it, stored in the cache as after a commit."""

    def read(charter):
        with django_capture_on_commit_callbacks(execute=True):
            return live.cached_live_entry(Charter.objects.get(pk=charter.pk)).snapshot

    return read


def shows(snapshot: dict, text: str) -> bool:
    return text in canonical_json(snapshot)


@pytest.fixture
def charter(db):
    charter = CharterFactory()
    metric = Metric.objects.create(charter=charter, name="Ramp time", baseline=180, target=120)
    MetricActual.objects.create(metric=metric, period_start=date(2026, 1, 1), value=170)
    return charter


@pytest.mark.django_db
def test_every_table_the_live_snapshot_reads_counts_its_changes():
    call_command("seed_demo", stdout=io.StringIO())
    charter = Charter.objects.get(workspace__name="Northwind Sales Enablement")
    with CaptureQueriesContext(connection) as queries:
        take_snapshot(charter)
    read = {
        table
        for query in queries.captured_queries
        for table in re.findall(r'(?:FROM|JOIN)\s+"(\w+)"', query["sql"])
    }
    assert "charter_metricactual" in read and "roadmap_milestone" in read
    # A table added to a snapshot without its trigger would leave the cache stale.
    assert read - tracked_tables(connection) == set()


@pytest.mark.django_db
def test_a_second_read_comes_from_the_cache(charter, kept):
    # Taking the first snapshot makes the charter's maturity model: a write while taking it.
    kept(charter)
    kept(charter)
    with CaptureQueriesContext(connection) as queries:
        snapshot = kept(charter)
    assert shows(snapshot, "Ramp time")
    # The charter and its workspace, the two revisions, nothing of the sections.
    assert len(queries) <= 3
    assert not any("charter_metric" in query["sql"] for query in queries.captured_queries)


def rename_by_save(charter):
    metric = Metric.objects.get(charter=charter)
    metric.name = "Renamed"
    metric.save()


def rename_by_update(charter):
    Metric.objects.filter(charter=charter).update(name="Renamed")


def rename_by_raw_sql(charter):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE charter_metric SET name = %s WHERE charter_id = %s", ["Renamed", charter.pk]
        )


def add_by_bulk_create(charter):
    Metric.objects.bulk_create([Metric(charter=charter, name="Renamed", position=5)])


def link_an_objective(charter):
    objective = Objective.objects.create(charter=charter, title="Renamed")
    objective.metrics.add(Metric.objects.get(charter=charter))


def add_a_milestone(charter):
    MilestoneFactory(charter=charter, title="Renamed")


def rename_the_workspace(charter):
    charter.workspace.name = "Renamed"
    charter.workspace.save()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "write",
    [
        rename_by_save,
        rename_by_update,
        rename_by_raw_sql,
        add_by_bulk_create,
        link_an_objective,
        add_a_milestone,
        rename_the_workspace,
    ],
)
def test_the_next_read_after_a_write_shows_it(charter, kept, write):
    assert not shows(kept(charter), "Renamed")
    write(charter)
    assert shows(kept(charter), "Renamed")


@pytest.mark.django_db
def test_a_new_name_of_the_metric_owner_shows_on_the_next_read(charter, kept):
    owner = MembershipFactory(workspace=charter.workspace).user
    Metric.objects.filter(charter=charter).update(owner=owner)
    assert not shows(kept(charter), "Renamed")
    Profile.objects.update_or_create(user=owner, defaults={"display_name": "Renamed"})
    assert shows(kept(charter), "Renamed")


@pytest.mark.django_db
def test_a_login_leaves_the_kept_snapshot_alone(charter, kept):
    kept(charter)
    kept(charter)
    owner = MembershipFactory(workspace=charter.workspace).user
    revisions_before = revisions(charter)
    owner.last_login = timezone.now()
    owner.save()
    assert revisions(charter) == revisions_before


@pytest.mark.django_db
def test_deleting_a_metric_and_its_actuals_shows_on_the_next_read(charter, kept):
    assert shows(kept(charter), "Ramp time")
    Metric.objects.filter(charter=charter).delete()
    assert not shows(kept(charter), "Ramp time")


@pytest.mark.django_db
def test_deleting_actuals_by_raw_sql_shows_on_the_next_read(charter, kept):
    assert shows(kept(charter), '"value":"170')
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM charter_metricactual")
    assert not shows(kept(charter), '"value":"170')


@pytest.mark.django_db
def test_an_insight_pulled_into_the_current_state_shows_on_the_next_read(charter, kept):
    editor = MembershipFactory(workspace=charter.workspace, role="editor")
    insight = InsightFactory(charter=charter, statement="Ramp is slow in the mid-market.")
    assert not shows(kept(charter)["sections"]["current-state"], "Ramp is slow")
    Insight.objects.get(pk=insight.pk).pull(editor.user, editor)
    assert shows(kept(charter)["sections"]["current-state"], "Ramp is slow")


@pytest.mark.django_db
def test_a_board_seat_shows_on_the_next_read_of_every_charter_of_the_workspace(kept):
    board = make_board(seats=2)
    other = CharterFactory(workspace=board.workspace)
    assert shows(kept(board.charter), "VP 1") and shows(kept(other), "VP 1")
    BoardSeat.objects.filter(title="VP 1").update(title="Head of sales")
    assert shows(kept(board.charter), "Head of sales") and shows(kept(other), "Head of sales")


@pytest.mark.django_db
def test_a_write_committed_while_the_snapshot_is_taken_leaves_nothing_stale(
    charter, kept, monkeypatch
):
    def taken_while_someone_renames(charter):
        snapshot = take_snapshot(charter)
        rename_by_update(charter)
        return snapshot

    monkeypatch.setattr(live, "take_snapshot", taken_while_someone_renames)
    assert not shows(kept(charter), "Renamed")
    monkeypatch.setattr(live, "take_snapshot", take_snapshot)
    assert shows(kept(charter), "Renamed")


@pytest.mark.django_db
def test_a_snapshot_read_inside_a_rolled_back_write_is_not_kept(charter, kept):
    kept(charter)
    with pytest.raises(RuntimeError), transaction.atomic():
        rename_by_update(charter)
        assert shows(kept(charter), "Renamed")
        raise RuntimeError("rolled back")
    assert not shows(kept(charter), "Renamed")


@pytest.mark.django_db
def test_the_overview_reads_the_live_snapshot_from_the_cache(
    member_client, django_capture_on_commit_callbacks
):
    client = member_client("editor")
    charter = CharterFactory(workspace=client.membership.workspace)
    url = f"/w/{charter.workspace.slug}/charters/{charter.pk}/"

    def overview() -> int:
        with (
            CaptureQueriesContext(connection) as queries,
            django_capture_on_commit_callbacks(execute=True),
        ):
            assert client.get(url).status_code == 200
        return len(queries)

    overview()  # the first visit creates the section rows
    first = overview()
    second = overview()
    assert second <= first - 10
    Metric.objects.create(charter=charter, name="Win rate", kind=Metric.Kind.LAGGING)
    # The checklist names the new metric's missing target.
    assert "Win rate" in client.get(url).content.decode()


@pytest.mark.django_db
def test_the_overview_query_count_does_not_grow_with_the_charter_once_cached(
    member_client, django_capture_on_commit_callbacks
):
    from tests.charter.test_section_queries import fill

    client = member_client("editor")
    workspace = client.membership.workspace
    small, large = CharterFactory(workspace=workspace), CharterFactory(workspace=workspace)
    fill(small, 5, client.membership.user)
    fill(large, 100, client.membership.user)

    def queries(charter) -> int:
        with (
            CaptureQueriesContext(connection) as captured,
            django_capture_on_commit_callbacks(execute=True),
        ):
            assert client.get(f"/w/{workspace.slug}/charters/{charter.pk}/").status_code == 200
        return len(captured)

    for charter in (small, large):
        queries(charter)
        queries(charter)
    assert queries(large) == queries(small)
