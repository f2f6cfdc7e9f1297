from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from charter.errors import DomainError
from charter.formatting import format_datetime
from charter.models import Charter, Membership, Ordered, Revisioned
from charter.people import person


class MinutesLocked(DomainError):
    """Approved minutes are filed as they were approved."""


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CIRCULATED = "circulated", _("Circulated to the board")
    APPROVED = "approved", _("Approved and locked")


class MeetingFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    VIRTUAL = "virtual", _("Virtual")


class Meeting(Revisioned):
    """A board meeting about one charter: agenda, minutes, decisions and action items."""

    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="board_meetings")
    scheduled_at = models.DateTimeField(_("date and time"))
    format = models.CharField(
        _("format"), max_length=20, choices=MeetingFormat.choices, default=MeetingFormat.VIRTUAL
    )
    location = models.CharField(
        _("location"), max_length=200, blank=True, help_text=_("Room and address, for in person.")
    )
    video_link = models.URLField(
        _("video link"), blank=True, help_text=_("Where virtual attendees join.")
    )
    minutes = models.TextField(_("minutes"), max_length=50_000, blank=True)
    minutes_status = models.CharField(
        _("minutes status"), max_length=20, choices=MinutesStatus.choices, default="draft"
    )
    # Each circulation is a fresh round of answers: corrections send the minutes back to draft.
    minutes_circulation = models.PositiveIntegerField(default=0)
    minutes_locked_at = models.DateTimeField(null=True, blank=True)
    minutes_pdf = models.FileField(upload_to="minutes/%Y/%m/", blank=True)
    # Bumped on every change sent to calendars (RFC 5545 SEQUENCE).
    calendar_sequence = models.PositiveIntegerField(default=0)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # Drafted by the cadence: the board is not invited (nor reminded) until the owner
    # schedules it.
    is_draft = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    workspace_path = "charter__workspace"

    class Meta:
        ordering = ["-scheduled_at", "-pk"]
        indexes = [models.Index(fields=["charter", "scheduled_at"])]

    def __str__(self):
        return str(_("Board meeting of %(date)s") % {"date": format_datetime(self.scheduled_at)})

    @property
    def minutes_locked(self) -> bool:
        return self.minutes_status == MinutesStatus.APPROVED

    def check_minutes_unchanged_if_locked(self) -> None:
        """Raise when locked minutes (as stored) would be written with other text."""
        if self.pk is None:
            return
        stored = Meeting.objects.filter(pk=self.pk).values("minutes", "minutes_status").first()
        if (
            stored
            and stored["minutes_status"] == MinutesStatus.APPROVED
            and stored["minutes"] != self.minutes
        ):
            raise MinutesLocked(_("Approved minutes are locked and cannot be edited."))

    def save(self, *args, **kwargs):
        self.check_minutes_unchanged_if_locked()
        super().save(*args, **kwargs)

    def save_revision(self, expected_revision: int, by=None) -> None:
        self.check_minutes_unchanged_if_locked()
        super().save_revision(expected_revision, by=by)

    def earlier_meetings(self):
        return Meeting.objects.filter(charter_id=self.charter_id).filter(
            models.Q(scheduled_at__lt=self.scheduled_at)
            | models.Q(scheduled_at=self.scheduled_at, pk__lt=self.pk)
        )


class AgendaKind(models.TextChoices):
    PROGRAMS_IN_FLIGHT = "programs_in_flight", _("Programs in flight")
    RESULTS = "results", _("Results against the charter")
    ACTIONS_NEEDED = "actions_needed", _("Actions needed")
    UPCOMING_PROGRAMS = "upcoming_programs", _("Upcoming programs")
    FEEDBACK = "feedback", _("Feedback")
    OTHER = "other", _("Other")


class AgendaItem(Ordered):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    kind = models.CharField(max_length=30, choices=AgendaKind.choices, default=AgendaKind.OTHER)
    title = models.CharField(_("title"), max_length=200)
    notes = models.TextField(_("notes"), max_length=10_000, blank=True)

    workspace_path = "meeting__charter__workspace"

    class Meta(Ordered.Meta):
        pass

    def __str__(self):
        return self.title


class MeetingDecision(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("decision"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    workspace_path = "meeting__charter__workspace"

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:80]


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


OPEN_ACTION_STATUSES = [ActionStatus.OPEN, ActionStatus.IN_PROGRESS]


class ActionItemQuerySet(models.QuerySet):
    def still_open(self):
        return self.filter(status__in=OPEN_ACTION_STATUSES)


class ActionItem(models.Model):
    """Something the board asked for; it stays on every next meeting's list until closed."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="action_items")
    title = models.CharField(_("action"), max_length=300)
    owner = models.ForeignKey(
        Membership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = ActionItemQuerySet.as_manager()

    workspace_path = "meeting__charter__workspace"

    class Meta:
        ordering = ["due_on", "created_at", "pk"]
        indexes = [models.Index(fields=["meeting", "status"])]

    def __str__(self):
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_ACTION_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_on is not None and self.due_on < timezone.localdate()

    @property
    def owner_name(self) -> str:
        if self.owner is None:
            return ""
        return person(self.owner.user)


class MinutesDecision(models.TextChoices):
    APPROVE = "approve", _("Approve")
    CORRECT = "correct", _("Request corrections")


class MinutesApproval(models.Model):
    """One board member's answer to one circulation of a meeting's minutes."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="minutes_answers")
    circulation = models.PositiveIntegerField()
    # The answer outlives the member's removal, kept under the name they had (note 28).
    member = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    member_name = models.CharField(max_length=300, blank=True)
    decision = models.CharField(max_length=20, choices=MinutesDecision.choices)
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    workspace_path = "meeting__charter__workspace"

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "circulation", "member"], name="one_minutes_answer_per_round"
            )
        ]

    def __str__(self):
        return f"{self.member_name}: {self.get_decision_display()}"


class ResolutionResult(models.TextChoices):
    CARRIED = "carried", _("Carried")
    NOT_CARRIED = "not_carried", _("Not carried")


class Resolution(models.Model):
    """A motion put to the board at a meeting, with its mover, seconder and roll-call vote."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="resolutions")
    motion = models.TextField(_("motion"), max_length=2000)
    # Mover, seconder and roll call outlive a member's removal under their names (note 28).
    mover = models.ForeignKey(
        Membership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moved by"),
    )
    mover_name = models.CharField(max_length=300, blank=True)
    seconder = models.ForeignKey(
        Membership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("seconded by"),
    )
    seconder_name = models.CharField(max_length=300, blank=True)
    result = models.CharField(max_length=20, choices=ResolutionResult.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    workspace_path = "meeting__charter__workspace"

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(mover=models.F("seconder")),
                name="resolution_mover_is_not_seconder",
            )
        ]

    def __str__(self):
        return self.motion[:80]


class RollCall(models.TextChoices):
    FOR = "for", _("For")
    AGAINST = "against", _("Against")
    ABSTAIN = "abstain", _("Abstain")
    ABSENT = "absent", _("Absent")


class ResolutionVote(models.Model):
    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="votes")
    member = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    member_name = models.CharField(max_length=300, blank=True)
    vote = models.CharField(max_length=20, choices=RollCall.choices)

    workspace_path = "resolution__meeting__charter__workspace"

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["resolution", "member"], name="one_roll_call_vote")
        ]

    def __str__(self):
        return f"{self.member_name}: {self.get_vote_display()}"


class CalendarFeed(models.Model):
    """A workspace's subscribable meeting calendar; only the SHA-256 of its secret is kept."""

    workspace = models.OneToOneField(
        "charter.Workspace", on_delete=models.CASCADE, related_name="meeting_calendar"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    workspace_path = "workspace"

    def __str__(self):
        return str(_("Meeting calendar of %(workspace)s") % {"workspace": self.workspace})
