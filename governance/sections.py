from django.utils.translation import gettext_lazy as _

from charter.registry import Section, register

register(
    Section(
        key="governance",
        title=_("Governance"),
        order=50,
        snapshot=lambda charter: {},
        template="governance/sections/governance.html",
    )
)
