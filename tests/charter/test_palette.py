"""One palette (charter/palette.py): drawings, the web stylesheets and the print stylesheet all
take their colours from it, and no colour is written anywhere else."""

import re
from pathlib import Path

import pytest
from django.template.loader import render_to_string

from charter import palette

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ["charter", "research", "roadmap", "governance", "static", "templates", "config"]
SUFFIXES = {".py", ".html", ".css", ".js"}
HEX_COLOUR = re.compile(r"(?<![\w&/])#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
FUNCTION_COLOUR = re.compile(r"\brgba?\(|\bhsla?\(")
STYLESHEETS = [
    ROOT / "static/css/app.css",
    ROOT / "research/static/research/research.css",
    ROOT / "charter/static/charter/data.css",
]


def source_files():
    for folder in SOURCES:
        for path in (ROOT / folder).rglob("*"):
            if (
                path.suffix in SUFFIXES
                and "migrations" not in path.parts
                and "vendor" not in path.parts
            ):
                yield path


def test_no_colour_is_written_outside_the_palette():
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in source_files()
        if path != ROOT / "charter/palette.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if HEX_COLOUR.search(line) or FUNCTION_COLOUR.search(line)
    ]

    assert offenders == []


def test_every_custom_property_the_stylesheets_read_is_the_palette_or_defined_there():
    defined = set(palette.COLOURS)
    used = set()
    for path in STYLESHEETS:
        css = path.read_text(encoding="utf-8")
        defined |= set(re.findall(r"(?<![\w-])--([a-z-]+)\s*:", css))
        used |= set(re.findall(r"var\(--([a-z-]+)", css))

    assert used and used <= defined, sorted(used - defined)


@pytest.mark.django_db
def test_every_page_gets_the_palette_as_custom_properties(client):
    page = client.get("/accounts/login/").content.decode()
    stylesheet = client.get("/palette.css")

    # Linked, not inline: the Content-Security-Policy refuses inline styles.
    assert f'href="/palette.css?v={palette.VERSION}"' in page
    assert page.index("/palette.css") < page.index("css/app.css")
    assert stylesheet["Content-Type"].startswith("text/css")
    assert f"--bad:{palette.BAD};" in stylesheet.content.decode()


def test_the_print_stylesheet_is_rendered_with_literal_palette_colours():
    css = render_to_string("charter/documents/print.css")

    assert "{%" not in css and "var(--" not in css
    assert f"color: {palette.colour('heading')}" in css
    assert palette.colour("bad") in css


def test_an_unknown_colour_name_is_an_error_not_a_silent_black():
    with pytest.raises(KeyError, match="no colour named 'blurple'"):
        palette.colour("blurple")


def test_the_css_variables_list_every_colour_once():
    css = palette.css_variables()

    assert css.startswith(":root{") and css.endswith("}")
    assert css.count("--") == len(palette.COLOURS)
