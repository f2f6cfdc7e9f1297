from django.utils.translation import gettext_lazy as _

from charter.registry import Section, register

register(
    Section(
        key="research",
        title=_("Research summary"),
        order=90,
        appendix=True,
        snapshot=lambda charter: {},
        template="research/sections/research.html",
    )
)
