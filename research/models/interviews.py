"""Stakeholder interviews, the question guides that prepare them, and champions."""

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from charter.models import Charter, Ordered, Revisioned, Workspace
from charter.models.current_state import TEXT_LIMIT


class Function(models.TextChoices):
    EXECUTIVE = "executive", _("Executive")
    SALES = "sales", _("Sales")
    SALES_OPERATIONS = "sales_operations", _("Sales operations")
    PRODUCT_MARKETING = "product_marketing", _("Product marketing")
    MARKETING = "marketing", _("Marketing")
    PRODUCT = "product", _("Product")
    HR_LD = "hr_ld", _("HR or L&D")
    FINANCE = "finance", _("Finance")
    IT = "it", _("IT")
    CUSTOMER_SUCCESS = "customer_success", _("Customer success")
    OTHER = "other", _("Other")


class StakeholderType(models.TextChoices):
    EXECUTIVE = "executive", _("Executive")
    DEPARTMENT_HEAD = "department_head", _("Department head")
    SALES_MANAGER = "sales_manager", _("Sales manager")
    SELLER = "seller", _("Seller")


GOALS = _("Business goals")
CHALLENGES = _("Challenges and market shifts")
ROLE_OF_SALES = _("Role of sales")

# (stakeholder type, purpose, [(topic, question)]) — the starting point every workspace gets.
DEFAULT_GUIDES = [
    (
        StakeholderType.EXECUTIVE,
        _("Understand where the company is going and what it needs from the sales force."),
        [
            (GOALS, _("What are the company's most important goals for the next 12 to 18 months?")),
            (CHALLENGES, _("Which challenges and market shifts could keep us from reaching them?")),
            (ROLE_OF_SALES, _("What role does the sales force play in those goals?")),
            (
                _("Differentiation"),
                _("Why do customers choose us over a competitor — or over doing nothing?"),
            ),
            (
                _("Value proposition"),
                _("How would you state our value proposition in two sentences?"),
            ),
            (
                _("Success"),
                _("A year from now, what would tell you enablement was worth the investment?"),
            ),
        ],
    ),
    (
        StakeholderType.DEPARTMENT_HEAD,
        _("Learn the department's plans, how it sees enablement, and where to work together."),
        [
            (GOALS, _("Which company goals does your department own or support this year?")),
            (
                _("Their plans"),
                _(
                    "What are your department's plans and priorities, and how do they touch sellers?"
                ),
            ),
            (
                _("View of enablement"),
                _("How do you see sales enablement today: what works, what is missing?"),
            ),
            (
                _("Collaboration opportunities"),
                _(
                    "Where could your team and enablement work together: launches, content, training?"
                ),
            ),
            (CHALLENGES, _("Which market shifts worry you most for the sales force?")),
        ],
    ),
    (
        StakeholderType.SALES_MANAGER,
        _("See how deals are won and lost on the ground, and what managers need to coach."),
        [
            (ROLE_OF_SALES, _("Which goals is your team measured on, and where is it off track?")),
            (CHALLENGES, _("Where do your reps lose deals, and why?")),
            (_("Onboarding"), _("How long does a new hire take to close a first deal?")),
            (_("Coaching"), _("How much time do you coach each week, and on what?")),
            (_("Content"), _("Which content and training do your reps actually use?")),
        ],
    ),
    (
        StakeholderType.SELLER,
        _("Hear from the people enablement serves, in their own words."),
        [
            (_("Time"), _("Where do you lose the most time in a typical week?")),
            (_("Content"), _("When you need content for a customer, where do you look first?")),
            (_("Training"), _("Which training helped you most, and which did not?")),
            (_("Differentiation"), _("How do you explain why a customer should choose us?")),
            (_("Wish"), _("What one thing would help you close more deals this quarter?")),
        ],
    ),
]


class InterviewGuide(Revisioned):
    """The questions to prepare for one type of stakeholder; the team edits them as it learns."""

    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="interview_guides"
    )
    stakeholder_type = models.CharField(
        _("stakeholder type"), max_length=30, choices=StakeholderType.choices
    )
    purpose = models.TextField(
        _("purpose"),
        max_length=2000,
        blank=True,
        help_text=_("What these interviews should find out, in a sentence or two."),
    )

    workspace_path = "workspace"

    class Meta:
        ordering = ["workspace", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "stakeholder_type"], name="one_guide_per_stakeholder_type"
            )
        ]

    def __str__(self):
        return str(_("Guide for %(type)s") % {"type": self.get_stakeholder_type_display()})

    def get_absolute_url(self):
        return reverse("research:guide", args=[self.workspace.slug, self.pk])

    @classmethod
    def for_workspace(cls, workspace: Workspace) -> models.QuerySet:
        """The workspace's guides, created from the defaults the first time they are asked for."""
        guides = cls.objects.filter(workspace=workspace)
        if not guides.exists():
            with transaction.atomic(), translation.override(workspace.language):
                for stakeholder_type, purpose, questions in DEFAULT_GUIDES:
                    guide, created = cls.objects.get_or_create(
                        workspace=workspace,
                        stakeholder_type=stakeholder_type,
                        defaults={"purpose": str(purpose)},
                    )
                    if created:
                        GuideQuestion.objects.bulk_create(
                            GuideQuestion(guide=guide, topic=str(topic), text=str(text), position=n)
                            for n, (topic, text) in enumerate(questions)
                        )
        return guides.prefetch_related("questions")


class GuideQuestion(Revisioned, Ordered):
    guide = models.ForeignKey(InterviewGuide, on_delete=models.CASCADE, related_name="questions")
    topic = models.CharField(
        _("topic"), max_length=80, blank=True, help_text=_("e.g. business goals, differentiation.")
    )
    text = models.TextField(_("question"), max_length=1000)

    workspace_path = "guide__workspace"

    class Meta(Ordered.Meta):
        pass

    def __str__(self):
        return self.text[:80]

    def get_absolute_url(self):
        return self.guide.get_absolute_url()


class Interview(Revisioned):
    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="interviews")
    interviewee = models.CharField(_("interviewee"), max_length=120)
    job_title = models.CharField(
        _("job title"), max_length=120, blank=True, help_text=_("e.g. Chief Revenue Officer.")
    )
    function = models.CharField(_("function"), max_length=30, choices=Function.choices)
    stakeholder_type = models.CharField(
        _("stakeholder type"),
        max_length=30,
        choices=StakeholderType.choices,
        help_text=_("Decides which question guide the interview page shows."),
    )
    held_on = models.DateField(_("date"))
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("interviewer"),
    )
    notes = models.TextField(
        _("notes"),
        max_length=TEXT_LIMIT,
        blank=True,
        help_text=_("Markdown: **bold**, *italic*, lists with -, headings with ###."),
    )
    key_quotes = models.TextField(
        _("key quotes"),
        max_length=5000,
        blank=True,
        help_text=_("One quote per line, in the interviewee's own words."),
    )

    workspace_path = "charter__workspace"

    class Meta:
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["charter", "-held_on"])]

    def __str__(self):
        return f"{self.interviewee} ({self.held_on:%Y-%m-%d})"

    def get_absolute_url(self):
        return reverse("research:interview", args=[self.charter.workspace.slug, self.pk])

    @property
    def quotes(self) -> list[str]:
        return [line.strip().strip('"“”') for line in self.key_quotes.splitlines() if line.strip()]

    @property
    def label(self) -> str:
        role = self.job_title or self.get_function_display()
        return f"{self.interviewee}, {role}"


class Champion(Revisioned):
    """Someone outside enablement whose support the charter needs, and where they stand."""

    class Influence(models.TextChoices):
        HIGH = "high", _("High")
        MEDIUM = "medium", _("Medium")
        LOW = "low", _("Low")

    class Stance(models.TextChoices):
        ADVOCATE = "advocate", _("Advocate")
        SUPPORTER = "supporter", _("Supporter")
        NEUTRAL = "neutral", _("Neutral")
        SKEPTIC = "skeptic", _("Skeptic")

    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="champions")
    name = models.CharField(_("name"), max_length=120)
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    function = models.CharField(_("function"), max_length=30, choices=Function.choices)
    influence = models.CharField(
        _("influence"),
        max_length=10,
        choices=Influence.choices,
        default=Influence.MEDIUM,
        help_text=_("How much their word moves decisions about sales and enablement."),
    )
    stance = models.CharField(
        _("stance"),
        max_length=10,
        choices=Stance.choices,
        default=Stance.SUPPORTER,
        help_text=_("How they see enablement today."),
    )
    notes = models.TextField(
        _("notes"),
        max_length=TEXT_LIMIT,
        blank=True,
        help_text=_("Markdown. What they care about and how they can help."),
    )

    workspace_path = "charter__workspace"

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("research:champions", args=[self.charter.workspace.slug, self.charter_id])
