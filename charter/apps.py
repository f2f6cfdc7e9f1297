from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CharterConfig(AppConfig):
    name = "charter"
    verbose_name = _("Charter")

    def ready(self):
        # Importing these registers the core sections, the overview panels, the audit trail's
        # navigation link and the demo seeders.
        from . import (  # noqa: F401
            audit,
            demo,
            demo_versions,
            overview,
            sections,
            versions_panel,
        )
