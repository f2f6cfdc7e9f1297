from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .workspace import Workspace


class Charter(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="charters")
    title = models.CharField(_("title"), max_length=200)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    language = models.CharField(
        _("language of the content"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("Sets the language of the PDF so that the right fonts and glyphs are used."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    workspace_path = "workspace"

    class Meta:
        ordering = ["-updated_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="charter_period_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})
