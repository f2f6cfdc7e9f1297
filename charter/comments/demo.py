"""Demo comments: a question answered, a resolved request and an open point for the board."""

from datetime import timedelta

from django.utils import timezone

from charter.models import (
    Comment,
)


def seed_comments(charter, users) -> None:
    question = Comment.objects.create(
        charter=charter,
        section_key="scope",
        author=users["contributor"],
        body="Should channel partner sellers wait until phase 3? APAC partners close "
        "about a fifth of new business.",
    )
    Comment.objects.create(
        charter=charter,
        section_key="scope",
        parent=question,
        author=users["editor"],
        body="Good point. The academy content is not localised before Q3; "
        "I'll bring it to the next business review.",
    )
    Comment.objects.create(
        charter=charter,
        section_key="scope",
        author=users["board4"],
        body="Please show the HR / L&D funding in EUR rather than converting it.",
        resolved_at=timezone.now() - timedelta(days=2),
        resolved_by=users["owner"],
    )
    Comment.objects.create(
        charter=charter,
        section_key="collaboration",
        author=users["board"],
        body="Who answers for **coaching**: enablement or sales leadership? "
        "The matrix needs one Accountable team before we approve.",
    )
