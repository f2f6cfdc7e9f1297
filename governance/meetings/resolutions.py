"""Resolutions: a motion moved and seconded by board members, decided by a roll call.

A resolution is carried by a simple majority of those voting: more for than against;
abstentions and absences do not count and a tie is not carried (docs/decisions.md)."""

from collections.abc import Mapping

from django.db import transaction
from django.utils.translation import gettext as _

from charter.errors import DomainError
from charter.models import AuditEvent, Membership
from charter.people import person

from ..models import Meeting, MinutesStatus, Resolution, ResolutionResult, ResolutionVote, RollCall
from ..reviews.workflow import voting_seats


class InvalidResolution(DomainError):
    pass


def board_members(meeting: Meeting) -> list[Membership]:
    """Who is called in the roll: the members holding a seat with the board role."""
    return [seat.membership for seat in voting_seats(meeting.charter.workspace)]


def result_of(votes: Mapping[int, str]) -> str:
    cast = list(votes.values())
    carried = cast.count(RollCall.FOR) > cast.count(RollCall.AGAINST)
    return ResolutionResult.CARRIED if carried else ResolutionResult.NOT_CARRIED


def record_resolution(
    meeting: Meeting,
    motion: str,
    mover: Membership,
    seconder: Membership,
    votes: Mapping[int, str],
    by,
) -> Resolution:
    """Record a motion and its roll call (membership id → for/against/abstain/absent)."""
    members = {member.pk: member for member in board_members(meeting)}
    if meeting.minutes_status == MinutesStatus.APPROVED:
        raise InvalidResolution(_("The minutes of this meeting are approved and locked."))
    if not motion.strip():
        raise InvalidResolution(_("Write the motion."))
    if mover.pk not in members or seconder.pk not in members:
        raise InvalidResolution(_("The mover and the seconder must be board members."))
    if mover.pk == seconder.pk:
        raise InvalidResolution(_("The seconder must be someone other than the mover."))
    if set(votes) != set(members) or not set(votes.values()) <= set(RollCall.values):
        raise InvalidResolution(_("Record a vote for every board member."))
    for proposer in (mover, seconder):
        if votes[proposer.pk] == RollCall.ABSENT:
            raise InvalidResolution(
                _("%(name)s moved or seconded the motion, so was present.")
                % {"name": person(proposer.user)}
            )
    with transaction.atomic():
        resolution = Resolution.objects.create(
            meeting=meeting,
            motion=motion.strip(),
            mover=mover,
            mover_name=_name(mover),
            seconder=seconder,
            seconder_name=_name(seconder),
            result=result_of(votes),
        )
        ResolutionVote.objects.bulk_create(
            ResolutionVote(
                resolution=resolution,
                member=members[pk],
                member_name=_name(members[pk]),
                vote=vote,
            )
            for pk, vote in votes.items()
        )
        AuditEvent.record(
            meeting.charter.workspace,
            by,
            "meeting.resolution_recorded",
            resolution,
            changes={
                "meeting": str(meeting),
                "motion": resolution.motion,
                "mover": _name(mover),
                "seconder": _name(seconder),
                "result": str(resolution.get_result_display()),
                "votes": "; ".join(
                    f"{_name(members[pk])}: {RollCall(vote).label}" for pk, vote in votes.items()
                ),
            },
        )
    return resolution


def _name(member: Membership) -> str:
    return person(member.user)
