from django.db import models

from .future_success import Metric


class ActualReminder(models.Model):
    """That the owner of a metric was reminded of one missing actual. One row per period."""

    metric = models.ForeignKey(Metric, on_delete=models.CASCADE, related_name="reminders")
    period_start = models.DateField()
    sent_to = models.EmailField()
    sent_at = models.DateTimeField(auto_now_add=True)

    workspace_path = "metric__charter__workspace"

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["metric", "period_start"], name="one_reminder_per_actual"
            ),
        ]

    def __str__(self):
        return f"Reminder for {self.metric} {self.period_start}"
