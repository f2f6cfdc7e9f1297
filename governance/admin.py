from django.contrib import admin

from .models import (
    ActionItem,
    AdvisoryBoard,
    AgendaItem,
    BoardSeat,
    Meeting,
    MeetingDecision,
    OutsideReviewer,
    Review,
    ReviewComment,
    Vote,
)


class BoardSeatInline(admin.TabularInline):
    model = BoardSeat
    extra = 0
    raw_id_fields = ["membership"]


@admin.register(AdvisoryBoard)
class AdvisoryBoardAdmin(admin.ModelAdmin):
    list_display = ["workspace", "cadence", "approval_rule", "next_review_on"]
    inlines = [BoardSeatInline]


class VoteInline(admin.TabularInline):
    model = Vote
    extra = 0
    can_delete = False
    # The approval record is evidence: readable here, changed only through the review.
    readonly_fields = [
        "voter_name",
        "voter_email",
        "voter_title",
        "decision",
        "comment",
        "reauthenticated",
        "updated_at",
    ]
    fields = readonly_fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["version", "status", "approval_rule", "submitted_at", "closed_at"]
    list_filter = ["status", "approval_rule"]
    readonly_fields = [
        "version",
        "submitted_by",
        "submitted_at",
        "status",
        "approval_rule",
        "chair_plus_count",
        "outside_reviewers_may_vote",
        "closed_at",
    ]
    inlines = [VoteInline]


@admin.register(ReviewComment)
class ReviewCommentAdmin(admin.ModelAdmin):
    list_display = ["author_name", "review", "created_at"]


@admin.register(OutsideReviewer)
class OutsideReviewerAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "charter", "may_vote", "expires_at", "revoked_at"]
    list_filter = ["may_vote"]
    search_fields = ["name", "email"]


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0


class ActionItemInline(admin.TabularInline):
    model = ActionItem
    extra = 0
    raw_id_fields = ["owner"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["charter", "scheduled_at", "format"]
    inlines = [AgendaItemInline, ActionItemInline]


@admin.register(MeetingDecision)
class MeetingDecisionAdmin(admin.ModelAdmin):
    list_display = ["meeting", "text"]
