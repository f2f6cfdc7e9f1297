"""The optional "Open points" appendix of a draft's charter PDF.

What the editors' checklist still misses is working material, not something the board
approves: it is left out unless an editor asks for it, and only a draft's PDF may carry it.
It is read from the version's snapshot, as the rest of the document is, in the charter's
language (the document renders under it).
"""

from django.utils.translation import gettext_lazy as _

from charter.models.exports import OPEN_POINTS
from charter.registry import DocumentPart, completeness

__all__ = ["APPENDIX", "OPEN_POINTS", "open_points"]
# Not registered: the appendix is the core's own, placed after the sections' appendices.
APPENDIX = DocumentPart(
    key="open-points",
    document="charter",
    order=0,
    title=_("Open points"),
    template="charter/documents/partials/open_points.html",
    data=lambda version, params: None,
)


def open_points(snapshot: dict) -> list[dict]:
    """Each section that still misses something, with what it misses, in registry order."""
    sections = snapshot.get("sections", {})
    return [
        {"title": section.title, "missing": missing}
        for section, missing in completeness(sections)
        if missing and section.key in sections
    ]


def is_boolean_true(version, value) -> bool:
    """The only value the parameter takes: a request carries it or leaves it out."""
    return value is True
