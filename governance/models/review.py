import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from charter.models import Charter, CharterVersion

from .board import ApprovalRule, describe_rule


class ReviewStatus(models.TextChoices):
    OPEN = "open", _("In review")
    APPROVED = "approved", _("Approved")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Review(models.Model):
    """One round of board review of one version, from submission to decision or withdrawal.

    The approval rule is copied from the board at submission so that changing the board's
    settings mid-review never changes how a pending decision is reached.
    """

    version = models.ForeignKey(CharterVersion, on_delete=models.PROTECT, related_name="reviews")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(
        _("status"), max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.OPEN
    )
    approval_rule = models.CharField(max_length=20, choices=ApprovalRule.choices)
    chair_plus_count = models.PositiveSmallIntegerField(default=0)
    outside_reviewers_may_vote = models.BooleanField(default=False)
    closed_at = models.DateTimeField(null=True, blank=True)

    workspace_path = "version__charter__workspace"

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["version"],
                condition=Q(status="open"),
                name="one_open_review_per_version",
            ),
        ]

    def __str__(self):
        return str(_("Review of %(version)s") % {"version": self.version})

    @property
    def is_open(self) -> bool:
        return self.status == ReviewStatus.OPEN

    def rule_description(self) -> str:
        return describe_rule(self.approval_rule, self.chair_plus_count)


class VoteDecision(models.TextChoices):
    APPROVE = "approve", _("Approve")
    REQUEST_CHANGES = "request_changes", _("Request changes")


class Vote(models.Model):
    """A voter's current decision in one review; changing one's mind updates the row.

    The vote names the exact version (and so the snapshot) it was cast on, and keeps the
    voter's name and email as they were, so the approval record survives later edits.
    """

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="votes")
    version = models.ForeignKey(CharterVersion, on_delete=models.PROTECT, related_name="+")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    outside_reviewer = models.ForeignKey(
        "OutsideReviewer", on_delete=models.PROTECT, null=True, blank=True, related_name="votes"
    )
    voter_name = models.CharField(max_length=200)
    voter_email = models.EmailField(blank=True)
    voter_title = models.CharField(max_length=200, blank=True)
    decision = models.CharField(_("decision"), max_length=20, choices=VoteDecision.choices)
    comment = models.TextField(_("comment"), max_length=4000, blank=True)
    reauthenticated = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    workspace_path = "review__version__charter__workspace"

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "voter"],
                condition=Q(voter__isnull=False),
                name="one_vote_per_member_per_review",
            ),
            models.UniqueConstraint(
                fields=["review", "outside_reviewer"],
                condition=Q(outside_reviewer__isnull=False),
                name="one_vote_per_outside_reviewer_per_review",
            ),
        ]

    def __str__(self):
        return f"{self.voter_name}: {self.get_decision_display()}"

    @property
    def is_outside(self) -> bool:
        return self.outside_reviewer_id is not None


OUTSIDE_LINK_DAYS = 21


def _new_nonce() -> str:
    return secrets.token_urlsafe(16)


def _default_link_expiry():
    return timezone.now() + timedelta(days=OUTSIDE_LINK_DAYS)


class OutsideReviewer(models.Model):
    """Someone without an account who reviews one charter through a signed link."""

    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="outside_reviewers")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"))
    may_vote = models.BooleanField(_("may vote"), default=False)
    # Signed into the link with the id, so that a revoked or recreated invite never matches.
    nonce = models.CharField(max_length=40, default=_new_nonce, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("link expires"), default=_default_link_expiry)
    revoked_at = models.DateTimeField(null=True, blank=True)

    workspace_path = "charter__workspace"

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["charter", "revoked_at"])]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and not self.is_expired


class ReviewComment(models.Model):
    """A remark on a version under review, from a workspace member or an outside reviewer."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    outside_reviewer = models.ForeignKey(
        OutsideReviewer, on_delete=models.PROTECT, null=True, blank=True, related_name="comments"
    )
    author_name = models.CharField(max_length=200)
    body = models.TextField(_("comment"), max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)

    workspace_path = "review__version__charter__workspace"

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.author_name}: {self.body[:60]}"
