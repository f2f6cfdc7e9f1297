from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResearchConfig(AppConfig):
    name = "research"
    verbose_name = _("Research")

    def ready(self):
        from . import demo, portable, sections  # noqa: F401  sections, navigation, JSON part, demo
