from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from charter.models import CharterVersion, Membership

from .meetings import Meeting


class OpenedDocument(models.TextChoices):
    VERSION_PAGE = "version_page", _("Version page")
    CHARTER_PDF = "charter_pdf", _("Charter PDF")
    BOARD_PACK = "board_pack", _("Board pack")


class ReadReceipt(models.Model):
    """When a board member first opened a version (its page or its PDF) or a meeting's pack.

    One row per member and document: a version's page and PDF are keyed by the version, a
    board pack by its meeting, whichever version it was made from.
    """

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    document = models.CharField(max_length=20, choices=OpenedDocument.choices)
    version = models.ForeignKey(
        CharterVersion, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, null=True, blank=True, related_name="read_receipts"
    )
    first_opened_at = models.DateTimeField()

    workspace_path = "membership__workspace"

    class Meta:
        ordering = ["first_opened_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["membership", "document", "version"],
                condition=Q(meeting__isnull=True),
                name="one_receipt_per_member_and_version_document",
            ),
            models.UniqueConstraint(
                fields=["membership", "document", "meeting"],
                condition=Q(meeting__isnull=False),
                name="one_receipt_per_member_and_board_pack",
            ),
            models.CheckConstraint(
                condition=Q(version__isnull=False) | Q(meeting__isnull=False),
                name="receipt_names_a_document",
            ),
        ]
        indexes = [models.Index(fields=["version", "document"])]

    def __str__(self):
        return f"{self.membership} opened {self.document}"
