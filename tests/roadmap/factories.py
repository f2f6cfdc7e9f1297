from datetime import date

import factory

from charter.models import MaturityModel
from roadmap.models import Milestone, Phase, Status
from tests.factories import CharterFactory


def level(charter, rank: int):
    return MaturityModel.for_workspace(charter.workspace).levels.get(rank=rank)


class PhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Phase

    charter = factory.SubFactory(CharterFactory)
    name = factory.Sequence(lambda n: f"Phase {n}")
    target_level = factory.LazyAttribute(lambda phase: level(phase.charter, 3))
    goal = "Programs with a calendar and basic metrics."


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    charter = factory.SubFactory(CharterFactory)
    title = factory.Sequence(lambda n: f"Milestone {n}")
    start = date(2026, 7, 1)
    end = date(2026, 9, 30)
    status = Status.PLANNED
