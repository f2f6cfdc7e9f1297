from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CharterConfig(AppConfig):
    name = "charter"
    verbose_name = _("Charter")

    def ready(self):
        # Importing these registers the core sections, the overview panels, the audit trail's
        # navigation link, the demo seeders and the board pack's own chapters.
        from . import (  # noqa: F401
            audit,
            board_pack,
            demo,
            demo_exports,
            demo_imports,
            demo_scope,
            demo_versions,
            overview,
            portable_parts,
            sections,
            versions_panel,
        )
        from .views import exports  # noqa: F401  the PDF panel of the version page
