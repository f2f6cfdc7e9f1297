"""The sales-force survey: questions, responses (entered or imported from CSV) and imports."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from charter.models import Charter, Ordered, PendingUpload, Revisioned

SCALE = range(1, 6)
TEXT_ANSWER_LIMIT = 5000


class SurveyQuerySet(models.QuerySet):
    def with_counts(self):
        def count(model):
            rows = model.objects.filter(survey=OuterRef("pk")).order_by().values("survey")
            return Subquery(
                rows.annotate(n=Count("pk")).values("n"), output_field=models.IntegerField()
            )

        return self.annotate(
            question_count=Coalesce(count(SurveyQuestion), 0),
            response_count=Coalesce(count(SurveyResponse), 0),
        )


class Survey(Revisioned):
    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="surveys")
    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(
        _("description"),
        max_length=5000,
        blank=True,
        help_text=_("Markdown. Who was asked, how, and why."),
    )
    opened_on = models.DateField(_("opened on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    objects = SurveyQuerySet.as_manager()

    workspace_path = "charter__workspace"

    class Meta:
        ordering = ["-opened_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True)
                | Q(opened_on__isnull=True)
                | Q(closed_on__gte=F("opened_on")),
                name="survey_closes_after_it_opens",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("research:survey", args=[self.charter.workspace.slug, self.pk])

    def clean(self):
        if self.opened_on and self.closed_on and self.closed_on < self.opened_on:
            raise ValidationError({"closed_on": _("The survey cannot close before it opens.")})


class SurveyQuestion(Revisioned, Ordered):
    class Kind(models.TextChoices):
        SCALE = "scale", _("1–5 scale")
        CHOICE = "choice", _("Multiple choice")
        TEXT = "text", _("Free text")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=300)
    short_label = models.CharField(
        _("short label"),
        max_length=60,
        blank=True,
        help_text=_("A few words for charts, and to match the column of a CSV import."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SCALE)
    options = models.TextField(
        _("options"),
        max_length=3000,
        blank=True,
        help_text=_("Multiple choice only: one option per line."),
    )
    required = models.BooleanField(_("answer required"), default=False)

    workspace_path = "survey__charter__workspace"

    class Meta(Ordered.Meta):
        pass

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return self.survey.get_absolute_url()

    @property
    def label(self) -> str:
        return self.short_label or self.text

    def answer_count(self) -> int:
        return self.survey.responses.filter(answers__has_key=str(self.pk)).count()

    @property
    def option_list(self) -> list[str]:
        return [line.strip() for line in self.options.splitlines() if line.strip()]

    def clean(self):
        if self.kind == self.Kind.CHOICE:
            options = self.option_list
            if len(options) < 2:
                raise ValidationError({"options": _("Give at least two options, one per line.")})
            if len({option.casefold() for option in options}) < len(options):
                raise ValidationError({"options": _("Each option may appear only once.")})
        elif self.options.strip():
            raise ValidationError({"options": _("Only multiple-choice questions have options.")})

    def parse_answer(self, raw) -> int | str | None:
        """A typed or imported answer → the stored value; None when left blank."""
        text = str(raw if raw is not None else "").strip()
        if not text:
            if self.required:
                raise ValidationError(
                    _t("“%(question)s” needs an answer.") % {"question": self.label}
                )
            return None
        if self.kind == self.Kind.SCALE:
            return self._parse_scale(text)
        if self.kind == self.Kind.CHOICE:
            return self._parse_choice(text)
        if len(text) > TEXT_ANSWER_LIMIT:
            raise ValidationError(
                _t("“%(question)s” is longer than %(limit)s characters.")
                % {"question": self.label, "limit": TEXT_ANSWER_LIMIT}
            )
        return text

    def _parse_scale(self, text: str) -> int:
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            number = None
        if number is None or not number.is_integer() or int(number) not in SCALE:
            raise ValidationError(
                _t("“%(question)s” must be a whole number from 1 to 5, not “%(value)s”.")
                % {"question": self.label, "value": text[:40]}
            )
        return int(number)

    def _parse_choice(self, text: str) -> str:
        for option in self.option_list:
            if option.casefold() == text.casefold():
                return option
        raise ValidationError(
            _t("“%(value)s” is not an option of “%(question)s” (%(options)s).")
            % {"value": text[:40], "question": self.label, "options": ", ".join(self.option_list)}
        )


class SurveyResponse(models.Model):
    """One person's answers, keyed by question id, with the role and region to filter by."""

    class Source(models.TextChoices):
        FORM = "form", _("Entered")
        IMPORT = "import", _("Imported")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    role = models.CharField(
        _("role"), max_length=60, blank=True, help_text=_("e.g. Account executive, SDR.")
    )
    region = models.CharField(
        _("region"), max_length=60, blank=True, help_text=_("e.g. EMEA, North America.")
    )
    respondent = models.CharField(
        _("respondent"),
        max_length=120,
        blank=True,
        help_text=_("Leave blank for an anonymous survey."),
    )
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.FORM)
    survey_import = models.ForeignKey(
        "SurveyImport",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responses",
    )
    # Set for imported rows: the same row of the same file is never imported twice.
    fingerprint = models.CharField(max_length=64, null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    workspace_path = "survey__charter__workspace"

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "fingerprint"], name="survey_response_imported_once"
            )
        ]
        indexes = [
            models.Index(fields=["survey", "role"]),
            models.Index(fields=["survey", "region"]),
        ]

    def __str__(self):
        return self.respondent or f"{self.role or '—'} / {self.region or '—'} #{self.pk}"

    def get_absolute_url(self):
        return reverse(
            "research:responses", args=[self.survey.charter.workspace.slug, self.survey_id]
        )


class SurveyImport(PendingUpload):
    """An uploaded CSV kept between its preview and the confirmation, then the import's report."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="imports")
    file = models.FileField(upload_to="research/imports/%Y/%m/", blank=True)

    workspace_path = "survey__charter__workspace"

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["survey", "sha256"])]

    def get_absolute_url(self):
        return reverse("research:import", args=[self.survey.charter.workspace.slug, self.pk])
