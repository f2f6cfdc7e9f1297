from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .charter import Charter


class Comment(models.Model):
    """A threaded, resolvable comment on one section of a charter."""

    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="comments")
    section_key = models.SlugField(max_length=60)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("comment"), max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    workspace_path = "charter__workspace"

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["charter", "section_key"])]

    def __str__(self):
        return self.body[:60]
