from datetime import date

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from charter.models import Invitation, Membership, Revisioned, Role, Workspace
from charter.people import person


class Cadence(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")


class ApprovalRule(models.TextChoices):
    ALL = "all", _("All board members")
    MAJORITY = "majority", _("Simple majority")
    CHAIR_PLUS = "chair_plus", _("The chair plus N members")


class BoardFunction(models.TextChoices):
    SALES = "sales", _("Sales")
    MARKETING = "marketing", _("Marketing")
    SALES_OPERATIONS = "sales_operations", _("Sales operations")
    PRODUCT = "product", _("Product")
    LEARNING_HR = "learning_hr", _("L&D or HR")
    IT = "it", _("IT")
    CUSTOMER_SUCCESS = "customer_success", _("Customer success")
    FINANCE = "finance", _("Finance")
    OTHER = "other", _("Other")


# The functions a well-balanced enablement board covers; finance and other are welcome extras.
RECOMMENDED_FUNCTIONS = [
    BoardFunction.SALES,
    BoardFunction.MARKETING,
    BoardFunction.SALES_OPERATIONS,
    BoardFunction.PRODUCT,
    BoardFunction.LEARNING_HR,
    BoardFunction.IT,
    BoardFunction.CUSTOMER_SUCCESS,
]
RECOMMENDED_MIN_SEATS = 5
RECOMMENDED_MAX_SEATS = 10


class AdvisoryBoard(Revisioned):
    """The executive advisory board of a workspace: how often it meets and how it approves."""

    workspace = models.OneToOneField(
        Workspace, on_delete=models.CASCADE, related_name="advisory_board"
    )
    cadence = models.CharField(
        _("cadence"), max_length=20, choices=Cadence.choices, default=Cadence.QUARTERLY
    )
    annual_in_person = models.BooleanField(
        _("one in-person meeting a year"),
        default=True,
        help_text=_("Meet in person at least once a year; the other meetings may be virtual."),
    )
    next_review_on = models.DateField(_("next review date"), null=True, blank=True)
    approval_rule = models.CharField(
        _("approval rule"),
        max_length=20,
        choices=ApprovalRule.choices,
        default=ApprovalRule.MAJORITY,
    )
    chair_plus_count = models.PositiveSmallIntegerField(
        _("N (members besides the chair)"),
        default=2,
        validators=[MaxValueValidator(RECOMMENDED_MAX_SEATS - 1)],
        help_text=_("Used by the rule “the chair plus N members”."),
    )
    outside_reviewers_may_vote = models.BooleanField(
        _("outside reviewers may vote"),
        default=False,
        help_text=_(
            "When on, an outside reviewer invited with a vote counts as one more seat for the "
            "approval rule (never as the chair)."
        ),
    )

    workspace_path = "workspace"

    def __str__(self):
        return str(_("Advisory board of %(workspace)s") % {"workspace": self.workspace})

    @classmethod
    def for_workspace(cls, workspace) -> "AdvisoryBoard":
        """The workspace's board, created empty on first use."""
        board, _created = cls.objects.get_or_create(workspace=workspace)
        # The caller's workspace object: reading ``board.workspace`` back costs no query.
        board.workspace = workspace
        return board

    @property
    def is_overdue(self) -> bool:
        return self.next_review_on is not None and self.next_review_on < date.today()

    def rule_description(self) -> str:
        return describe_rule(self.approval_rule, self.chair_plus_count)


def describe_rule(rule: str, chair_plus_count: int) -> str:
    if rule == ApprovalRule.CHAIR_PLUS:
        return str(_("The chair plus %(n)s members") % {"n": chair_plus_count})
    return str(ApprovalRule(rule).label)


class BoardSeatQuerySet(models.QuerySet):
    def held(self):
        """Seats someone holds now; released seats stay only as the record of past votes."""
        return self.filter(released_at__isnull=True)


class BoardSeat(models.Model):
    """One board member's seat: a workspace member with the board role, and what they bring.

    A member with the board role holds a seat (``governance.board.seats.hold_seat``); when
    the role goes or the member leaves, a seat with votes behind it is released, not deleted.
    """

    board = models.ForeignKey(AdvisoryBoard, on_delete=models.CASCADE, related_name="seats")
    # Empty once its former holder left the workspace; the name stays in ``holder_name``.
    membership = models.OneToOneField(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="board_seat"
    )
    title = models.CharField(_("title"), max_length=120, help_text=_("e.g. Chief Revenue Officer"))
    function = models.CharField(_("function"), max_length=30, choices=BoardFunction.choices)
    is_chair = models.BooleanField(_("chair"), default=False)
    # The order the board lists its members in, set by hand (Move up / Move down).
    position = models.PositiveIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    released_at = models.DateTimeField(null=True, blank=True)
    holder_name = models.CharField(max_length=200, blank=True)

    objects = BoardSeatQuerySet.as_manager()

    workspace_path = "board__workspace"

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["board"], condition=Q(is_chair=True), name="one_chair_per_board"
            ),
        ]

    def __str__(self):
        return f"{self.name}, {self.title}"

    @property
    def user(self):
        return self.membership.user if self.membership else None

    @property
    def name(self) -> str:
        if self.membership is None:
            return self.holder_name
        return person(self.membership.user)

    @property
    def is_held(self) -> bool:
        return self.released_at is None

    @property
    def can_vote(self) -> bool:
        """A seat votes only while it is held by a member who still has the board role."""
        return self.is_held and self.membership is not None and self.membership.role == Role.BOARD


class SeatInvitation(models.Model):
    """The seat an invitation sent from the Board page offers: accepted, the person holds it."""

    invitation = models.OneToOneField(
        Invitation, on_delete=models.CASCADE, related_name="board_seat_offer"
    )
    board = models.ForeignKey(AdvisoryBoard, on_delete=models.CASCADE, related_name="offers")
    display_name = models.CharField(_("name"), max_length=150)
    function = models.CharField(_("function"), max_length=30, choices=BoardFunction.choices)
    is_chair = models.BooleanField(_("chair"), default=False)

    workspace_path = "board__workspace"

    def __str__(self):
        return f"{self.display_name} <{self.invitation.email}>"
