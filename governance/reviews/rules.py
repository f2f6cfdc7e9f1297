"""Approval rules as pure functions: who may still vote decides whether a rule can be met."""

from dataclasses import dataclass
from enum import StrEnum

from ..models import ApprovalRule


class Outcome(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    CHANGES_REQUESTED = "changes_requested"


@dataclass(frozen=True)
class Tally:
    """The voters of one review (by key), the chair's key, and the decisions cast so far."""

    rule: str
    chair_plus_count: int
    voters: frozenset[str]
    chair: str | None
    approvals: frozenset[str]
    rejections: frozenset[str]

    def __post_init__(self):
        # A vote from someone who no longer holds a seat does not count.
        object.__setattr__(self, "approvals", self.approvals & self.voters)
        object.__setattr__(self, "rejections", self.rejections & self.voters)

    @property
    def pending(self) -> frozenset[str]:
        return self.voters - self.approvals - self.rejections

    def outcome(self) -> Outcome:
        if not self.voters:
            return Outcome.PENDING
        if self.rule == ApprovalRule.ALL:
            return self._all()
        if self.rule == ApprovalRule.MAJORITY:
            return self._majority()
        return self._chair_plus()

    def _all(self) -> Outcome:
        if self.rejections:
            return Outcome.CHANGES_REQUESTED
        if self.approvals == self.voters:
            return Outcome.APPROVED
        return Outcome.PENDING

    def _majority(self) -> Outcome:
        needed = len(self.voters) // 2 + 1
        if len(self.approvals) >= needed:
            return Outcome.APPROVED
        if len(self.approvals) + len(self.pending) < needed:
            return Outcome.CHANGES_REQUESTED
        return Outcome.PENDING

    def _chair_plus(self) -> Outcome:
        if self.chair is None or self.chair not in self.voters or self.chair in self.rejections:
            return Outcome.CHANGES_REQUESTED
        others_approving = len(self.approvals - {self.chair})
        others_pending = len(self.pending - {self.chair})
        if self.chair in self.approvals and others_approving >= self.chair_plus_count:
            return Outcome.APPROVED
        if others_approving + others_pending < self.chair_plus_count:
            return Outcome.CHANGES_REQUESTED
        return Outcome.PENDING

    @property
    def can_still_pass(self) -> bool:
        return bool(self.voters) and self.outcome() != Outcome.CHANGES_REQUESTED
