"""Factories for the scope and collaboration sections and for comments."""

from decimal import Decimal

import factory

from charter.models import (
    Audience,
    Comment,
    FundingSource,
    MeetingCadence,
    PartnerTeam,
    RaciAssignment,
    Scope,
    Service,
)
from tests.factories import CharterFactory, UserFactory, WorkspaceFactory


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    workspace = factory.SubFactory(WorkspaceFactory)
    name = factory.Sequence(lambda n: f"Service {n}")


class ScopeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Scope
        django_get_or_create = ("charter",)

    charter = factory.SubFactory(CharterFactory)


class AudienceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Audience

    charter = factory.SubFactory(CharterFactory)
    role = factory.Sequence(lambda n: f"Account executives {n}")
    segment = "Mid-market, EMEA"
    headcount = 40
    priority = Audience.Priority.PRIMARY


class FundingSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingSource

    charter = factory.SubFactory(CharterFactory)
    team = factory.Sequence(lambda n: f"Team {n}")
    amount = Decimal("100000.00")
    currency = "USD"


class PartnerTeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerTeam

    charter = factory.SubFactory(CharterFactory)
    name = factory.Sequence(lambda n: f"Partner team {n}")


class RaciAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RaciAssignment

    charter = factory.SubFactory(CharterFactory)
    service = factory.SubFactory(
        ServiceFactory, workspace=factory.SelfAttribute("..charter.workspace")
    )
    team = factory.SubFactory(PartnerTeamFactory, charter=factory.SelfAttribute("..charter"))
    letter = "R"


class MeetingCadenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingCadence

    charter = factory.SubFactory(CharterFactory)
    name = factory.Sequence(lambda n: f"Sync {n}")
    frequency = "Weekly"


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    charter = factory.SubFactory(CharterFactory)
    section_key = "scope"
    author = factory.SubFactory(UserFactory)
    body = "Should SDRs be a primary audience?"
