"""Benchmarks from peers and competitors, and the insights the research adds up to."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from charter.errors import NotAllowed
from charter.models import AuditEvent, Charter, Revisioned
from charter.models.current_state import TEXT_LIMIT
from charter.registry import registry

from .enablement_audit import AuditActivity
from .interviews import Interview
from .survey import SurveyQuestion


class Benchmark(Revisioned):
    class Kind(models.TextChoices):
        PEER = "peer", _("Peer")
        COMPETITOR = "competitor", _("Competitor")

    class Relevance(models.TextChoices):
        HIGH = "high", _("High")
        MEDIUM = "medium", _("Medium")
        LOW = "low", _("Low")

    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="benchmarks")
    company = models.CharField(_("company"), max_length=120)
    kind = models.CharField(_("peer or competitor"), max_length=12, choices=Kind.choices)
    practice = models.TextField(
        _("practice"),
        max_length=5000,
        help_text=_("Markdown. What they do in enablement and what it achieves for them."),
    )
    source = models.CharField(
        _("source"),
        max_length=300,
        help_text=_("Where this comes from: a report, a conference talk, a conversation."),
    )
    source_url = models.URLField(_("source link"), blank=True)
    relevance = models.CharField(
        _("relevance"),
        max_length=10,
        choices=Relevance.choices,
        default=Relevance.MEDIUM,
        help_text=_("How much this applies to your company's situation."),
    )

    workspace_path = "charter__workspace"

    class Meta:
        ordering = ["company", "pk"]

    def __str__(self):
        return self.company

    def get_absolute_url(self):
        return reverse("research:benchmarks", args=[self.charter.workspace.slug, self.charter_id])


class Insight(Revisioned):
    """A finding, tagged with the charter section it informs and linked to its evidence."""

    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="insights")
    statement = models.CharField(
        _("statement"),
        max_length=300,
        help_text=_("One sentence a board member can take in at a glance."),
    )
    detail = models.TextField(
        _("detail"),
        max_length=TEXT_LIMIT,
        blank=True,
        help_text=_("Markdown. What it means for the charter."),
    )
    section_key = models.CharField(_("charter section"), max_length=40)
    interviews = models.ManyToManyField(
        Interview, blank=True, related_name="insights", verbose_name=_("interviews")
    )
    audit_activities = models.ManyToManyField(
        AuditActivity, blank=True, related_name="insights", verbose_name=_("audit activities")
    )
    survey_questions = models.ManyToManyField(
        SurveyQuestion, blank=True, related_name="insights", verbose_name=_("survey questions")
    )
    benchmarks = models.ManyToManyField(
        Benchmark, blank=True, related_name="insights", verbose_name=_("benchmarks")
    )
    # Set while an editor has pulled the insight into the current state section.
    pulled_at = models.DateTimeField(null=True, blank=True, editable=False)
    pulled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    workspace_path = "charter__workspace"

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["charter", "section_key"]),
            models.Index(fields=["charter", "pulled_at"]),
        ]

    def __str__(self):
        return self.statement

    def get_absolute_url(self):
        return reverse("research:insights", args=[self.charter.workspace.slug, self.charter_id])

    def clean(self):
        if self.section_key and self.section_key not in registry:
            raise ValidationError({"section_key": _("Choose a section of the charter.")})

    @property
    def section_title(self) -> str:
        if self.section_key in registry:
            return str(registry.get(self.section_key).title)
        return self.section_key

    @property
    def is_pulled(self) -> bool:
        return self.pulled_at is not None

    def pull(self, by, membership) -> None:
        """Show this insight, with its evidence, in the charter's current state section."""
        self._check_editor(membership)
        if self.is_pulled:
            return
        self.pulled_at, self.pulled_by = timezone.now(), by
        self.save(update_fields=["pulled_at", "pulled_by"])
        AuditEvent.record(self.charter.workspace, by, "insight.pulled", self)

    def unpull(self, by, membership) -> None:
        self._check_editor(membership)
        if not self.is_pulled:
            return
        self.pulled_at, self.pulled_by = None, None
        self.save(update_fields=["pulled_at", "pulled_by"])
        AuditEvent.record(self.charter.workspace, by, "insight.unpulled", self)

    def _check_editor(self, membership) -> None:
        if not membership.can("edit"):
            raise NotAllowed(_t("Only editors can change what the current state shows."))
