import uuid

from django.db import models


def new_task_id() -> str:
    return str(uuid.uuid4())


class OutboxMessage(models.Model):
    """A task message written in the transaction of the work it belongs to, relayed to the
    broker after commit, and kept unsent until the broker has taken it (``charter.outbox``)."""

    task_name = models.CharField(max_length=200)
    args = models.JSONField(default=list, blank=True)
    kwargs = models.JSONField(default=dict, blank=True)
    queue = models.CharField(max_length=100, blank=True)
    # The Celery task id: a message published twice is one task to its consumer.
    task_id = models.CharField(max_length=64, unique=True, default=new_task_id)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    # Set by a consumer that must act once (an email), in the transaction that acted.
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=models.Q(sent_at__isnull=True),
                name="outbox_unsent",
            ),
            models.Index(fields=["sent_at"], name="outbox_sent"),
        ]

    def __str__(self):
        return f"{self.task_name} {self.task_id}"

    @classmethod
    def refused(cls) -> models.QuerySet:
        """Unsent messages the broker could not take when they were tried."""
        return cls.objects.filter(sent_at__isnull=True).exclude(last_error="")

    @property
    def is_sent(self) -> bool:
        return self.sent_at is not None
