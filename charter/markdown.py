"""Markdown for long text, rendered safely: no script or event handler survives."""

import threading
from functools import lru_cache

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "s",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}


# Building a Markdown converter registers its extensions, which costs more than converting a
# paragraph; a converter is not thread-safe, so each thread keeps one and resets it per text.
_converters = threading.local()


def _converter() -> markdown_lib.Markdown:
    converter = getattr(_converters, "markdown", None)
    if converter is None:
        converter = markdown_lib.Markdown(extensions=["tables", "sane_lists"], output_format="html")
        _converters.markdown = converter
    return converter


def render_markdown(text: str) -> SafeString:
    return _render(text or "")


# The HTML is a pure function of the text, and pages show the same texts request after request.
@lru_cache(maxsize=2048)
def _render(text: str) -> SafeString:
    html = _converter().reset().convert(text)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(clean)  # noqa: S308  sanitized by nh3 just above
