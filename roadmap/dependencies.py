"""Dependencies between milestones: only within one charter, and never in a circle."""

from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from charter.errors import DomainError
from charter.models import Charter

from .models import Milestone


class DependencyError(DomainError):
    pass


def find_cycle(edges: dict[int, set[int]], start: int, goal: int) -> list[int] | None:
    """A path start → … → goal through ``edges`` (id → ids it depends on), or None."""
    stack = [(start, [start])]
    seen = set()
    while stack:
        node, path = stack.pop()
        if node == goal:
            return path
        if node in seen:
            continue
        seen.add(node)
        for following in edges.get(node, ()):
            stack.append((following, [*path, following]))
    return None


def check_dependencies(milestone: Milestone, dependencies: Iterable[Milestone]) -> None:
    """Raise DependencyError unless ``milestone`` may depend on exactly ``dependencies``."""
    dependencies = list(dependencies)
    for dependency in dependencies:
        if dependency.charter_id != milestone.charter_id:
            raise DependencyError(
                _(
                    "“%(title)s” belongs to another charter; a milestone can only depend on milestones of its own charter."
                )
                % {"title": dependency.title}
            )
        if milestone.pk is not None and dependency.pk == milestone.pk:
            raise DependencyError(_("A milestone cannot depend on itself."))
    if milestone.pk is None:
        return  # nothing can depend on a milestone that does not exist yet
    through = Milestone.depends_on.through
    edges: dict[int, set[int]] = {}
    for from_id, to_id in through.objects.filter(
        from_milestone__charter_id=milestone.charter_id
    ).values_list("from_milestone_id", "to_milestone_id"):
        edges.setdefault(from_id, set()).add(to_id)
    edges[milestone.pk] = {dependency.pk for dependency in dependencies}
    for dependency in dependencies:
        path = find_cycle(edges, dependency.pk, milestone.pk)
        if path:
            titles = dict(Milestone.objects.filter(pk__in=path).values_list("pk", "title"))
            chain = " → ".join(titles[pk] for pk in [milestone.pk, *path])
            raise DependencyError(
                _("These dependencies would go in a circle: %(chain)s.") % {"chain": chain}
            )


def set_dependencies(milestone: Milestone, dependencies: Iterable[Milestone]) -> None:
    dependencies = list(dependencies)
    with transaction.atomic():
        # Lock the charter row so that two concurrent edits cannot close a circle together.
        Charter.objects.select_for_update().filter(pk=milestone.charter_id).first()
        check_dependencies(milestone, dependencies)
        milestone.depends_on.set(dependencies)
