"""What the REST API sends and accepts. Codes (``status``, ``source``) come with their label."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import field_validator

from charter.models import MetricActual
from charter.people import person
from charter.periods import period_label


class Error(Schema):
    detail: Any = Field(
        description="What was refused and why: a sentence, or a list of field errors."
    )


# What any operation may answer besides its result: no or a bad token, a missing scope,
# not found in the token's workspace, invalid input, too many requests.
REFUSALS = {401: Error, 403: Error, 404: Error, 422: Error, 429: Error}


class WorkspaceOut(Schema):
    slug: str
    name: str
    language: str
    role: str = Field(description="The token owner's role in the workspace today.")


class CharterOut(Schema):
    id: int
    title: str
    language: str
    period_start: date
    period_end: date
    updated_at: datetime


class VersionOut(Schema):
    id: int
    charter_id: int
    number: int
    label: str
    summary: str
    status: str
    status_label: str
    created_at: datetime
    submitted_at: datetime | None
    decided_at: datetime | None
    snapshot_sha256: str
    pdf_available: bool = Field(description="Whether a rendered PDF can be downloaded.")

    @staticmethod
    def resolve_status_label(version) -> str:
        return str(version.get_status_display())

    @staticmethod
    def resolve_pdf_available(version) -> bool:
        return getattr(version, "pdf_ready", False)


class VersionDetail(VersionOut):
    snapshot: dict[str, Any] = Field(
        description="The frozen content; its SHA-256 is snapshot_sha256."
    )


class ActualOut(Schema):
    metric_id: int
    period: str = Field(description="2026-Q3 for a quarter, 2026-07 for a month.")
    period_start: date
    value: Decimal
    note: str
    source: Literal["manual", "csv", "api"]
    source_label: str
    recorded_at: datetime

    @staticmethod
    def resolve_period(actual: MetricActual) -> str:
        return period_label(actual.period_start, actual.metric.cadence)

    @staticmethod
    def resolve_source_label(actual: MetricActual) -> str:
        return str(actual.get_source_display())


class MetricOut(Schema):
    id: int
    charter_id: int
    name: str
    kind: str
    unit: str
    baseline: Decimal | None
    target: Decimal | None
    direction: str
    cadence: Literal["monthly", "quarterly"]
    data_source: str
    owner: str | None
    latest_actual: ActualOut | None

    @staticmethod
    def resolve_owner(metric) -> str | None:
        return person(metric.owner) if metric.owner_id else None

    @staticmethod
    def resolve_latest_actual(metric) -> MetricActual | None:
        actuals = sorted(metric.actuals.all(), key=lambda actual: actual.period_start)
        return actuals[-1] if actuals else None


class ActualIn(Schema):
    value: Decimal = Field(
        max_digits=14, decimal_places=2, description="The figure, e.g. 48000 or 23.5."
    )
    note: str = Field("", max_length=300)
    replace: bool = Field(
        False,
        description="Replace a different value already reported for the period. Without it, "
        "such a request is refused with 409 and nothing changes.",
    )

    @field_validator("note")
    @classmethod
    def printable(cls, note: str) -> str:
        # PostgreSQL cannot store NUL in text; refuse it here rather than fail on saving.
        if "\x00" in note:
            raise ValueError(_("The note contains a NUL character."))
        return note


class ActualResult(Schema):
    outcome: Literal["created", "unchanged", "updated"]
    actual: ActualOut


class ObjectiveOut(Schema):
    id: int
    charter_id: int
    title: str
    description: str
    owner: str | None
    due_date: date | None
    metric_ids: list[int]

    @staticmethod
    def resolve_owner(objective) -> str | None:
        return person(objective.owner) if objective.owner_id else None

    @staticmethod
    def resolve_metric_ids(objective) -> list[int]:
        return sorted(metric.pk for metric in objective.metrics.all())
