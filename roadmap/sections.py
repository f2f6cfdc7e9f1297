from django.utils.translation import gettext_lazy as _

from charter.registry import Section, register

register(
    Section(
        key="roadmap",
        title=_("Roadmap"),
        order=40,
        snapshot=lambda charter: {},
        template="roadmap/sections/roadmap.html",
    )
)
