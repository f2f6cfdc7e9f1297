import pytest

from roadmap.dependencies import DependencyError, check_dependencies, find_cycle, set_dependencies
from tests.factories import CharterFactory
from tests.roadmap.factories import MilestoneFactory


def test_find_cycle_returns_the_path_back_to_the_start():
    edges = {1: {2}, 2: {3}, 3: set()}

    assert find_cycle(edges, 1, 3) == [1, 2, 3]
    assert find_cycle(edges, 3, 1) is None


@pytest.mark.django_db
def test_dependencies_within_the_charter_are_saved():
    charter = CharterFactory()
    first, second, third = MilestoneFactory.create_batch(3, charter=charter)

    set_dependencies(third, [first, second])

    assert set(third.depends_on.all()) == {first, second}
    assert set(first.dependents.all()) == {third}


@pytest.mark.django_db
def test_a_dependency_that_closes_a_circle_is_refused_and_named():
    charter = CharterFactory()
    design = MilestoneFactory(charter=charter, title="Design")
    build = MilestoneFactory(charter=charter, title="Build")
    launch = MilestoneFactory(charter=charter, title="Launch")
    set_dependencies(build, [design])
    set_dependencies(launch, [build])

    with pytest.raises(DependencyError) as refused:
        set_dependencies(design, [launch])

    assert "Design → Launch → Build → Design" in str(refused.value)
    assert list(design.depends_on.all()) == []


@pytest.mark.django_db
def test_a_milestone_cannot_depend_on_itself():
    milestone = MilestoneFactory()

    with pytest.raises(DependencyError, match="itself"):
        check_dependencies(milestone, [milestone])


@pytest.mark.django_db
def test_a_dependency_on_another_charters_milestone_is_refused():
    milestone = MilestoneFactory()
    foreign = MilestoneFactory(charter=CharterFactory(workspace=milestone.charter.workspace))

    with pytest.raises(DependencyError, match="another charter"):
        set_dependencies(milestone, [foreign])
    assert list(milestone.depends_on.all()) == []


@pytest.mark.django_db
def test_replacing_dependencies_may_reverse_an_edge_without_a_false_cycle():
    charter = CharterFactory()
    first, second = MilestoneFactory.create_batch(2, charter=charter)
    set_dependencies(second, [first])

    set_dependencies(second, [])
    set_dependencies(first, [second])

    assert list(first.depends_on.all()) == [second]
