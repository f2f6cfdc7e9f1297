"""The votes of a review as a table, for download as CSV or Excel (``charter.spreadsheets``).

One row per vote, as recorded: the voter's name, email and title at the time, whether they
voted as an outside reviewer, their decision and comment, whether they confirmed their
password, and when. The version, its snapshot hash and the review's rule and outcome repeat
on each row, so that files of several reviews can be put together and still be read.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from charter.spreadsheets import Column

from ..models import Review

COLUMNS = [
    Column(gettext_lazy("Voter"), width=24),
    Column(gettext_lazy("Email"), width=28),
    Column(gettext_lazy("Title"), width=24),
    Column(gettext_lazy("Outside reviewer"), "flag", width=10),
    Column(gettext_lazy("Decision"), width=16),
    Column(gettext_lazy("Comment"), width=40),
    Column(gettext_lazy("Password confirmed"), "flag", width=10),
    Column(gettext_lazy("Cast at"), "datetime", width=18),
    Column(gettext_lazy("Last changed"), "datetime", width=18),
    Column(gettext_lazy("Version"), width=8),
    Column(gettext_lazy("Version label"), width=14),
    Column(gettext_lazy("Snapshot SHA-256"), width=66),
    Column(gettext_lazy("Submitted at"), "datetime", width=18),
    Column(gettext_lazy("Review status"), width=18),
    Column(gettext_lazy("Approval rule"), width=26),
]
SHEET_TITLE = gettext_lazy("Votes")


def vote_rows(review: Review) -> list[list]:
    version = review.version
    about_review = [
        version.number,
        version.label,
        version.snapshot_sha256,
        review.submitted_at,
        review.get_status_display(),
        review.rule_description(),
    ]
    return [
        [
            vote.voter_name,
            vote.voter_email,
            vote.voter_title,
            vote.is_outside,
            vote.get_decision_display(),
            vote.comment,
            vote.reauthenticated,
            vote.created_at,
            vote.updated_at,
            *about_review,
        ]
        for vote in review.votes.order_by("created_at", "pk")
    ]


def file_name(review: Review) -> str:
    version = review.version
    return _("%(charter)s — votes on version %(number)s (%(label)s)") % {
        "charter": version.charter.title,
        "number": version.number,
        "label": version.label,
    }
