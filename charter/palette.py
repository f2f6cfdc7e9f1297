"""Charterboard's colours, by role: the one list every drawing and stylesheet takes them from.

Python is the single source, because the drawings are made in Python (for the web page and the
PDF alike) and need literal values. The stylesheets receive the same list by name:
``/palette.css`` serves it as CSS custom properties (``--ink``, ``--bad`` …), linked from the
page head (a style sheet of our own: the Content-Security-Policy refuses inline styles), so ``static/css/app.css`` writes ``var(--bad)`` and never a colour; the print stylesheet,
itself a template, writes ``{% colour "bad" %}``, a literal value, so that laying out a document
of thousands of table cells resolves no variables. A name here is the custom property's name.
"""

import hashlib
from types import MappingProxyType

COLOURS = MappingProxyType(
    {
        # Text, rules and surfaces.
        "ink": "#1d2433",
        "ink-soft": "#3b4458",
        "muted": "#5b6478",
        "faint": "#8a93a6",
        "dropped-ink": "#6b7385",
        "line": "#d9dee8",
        "line-strong": "#b8c2d6",
        "line-light": "#e1e5ee",
        "rule": "#e6e9f0",
        "grid": "#eceef3",
        "bg": "#f6f7fa",
        "card": "#fff",
        "band": "#eef1f7",
        "band-light": "#fafbfd",
        "row-form": "#f9fafc",
        "dropped": "#eceef2",
        "outside": "#f3f4f7",
        "outside-stripe": "#d4d8e1",
        # The accent, and the blues of a scale that runs from disagree to agree.
        "accent": "#2f5bd3",
        "accent-ink": "#fff",
        "accent-light": "#9db8ee",
        "accent-tint": "#dbe4fb",
        # Print headings and the cover band.
        "heading": "#1f3a68",
        "heading-soft": "#8a9bc1",
        "heading-tint": "#c9d5ee",
        # Status: good, needs attention, bad; each with the tints behind it.
        "ok": "#1f7a4d",
        "ok-ink": "#14532d",
        "ok-tint": "#e3f4ea",
        "ok-tint-light": "#e7f4ec",
        "ok-wash": "#f3faf6",
        "warn": "#9a6100",
        "warn-wash": "#fffaf0",
        "risk": "#b45309",
        "risk-ink": "#9a4a00",
        "risk-tint": "#fde7c7",
        "bad": "#b42318",
        "bad-ink": "#8a1c12",
        "bad-light": "#f0a08f",
        "bad-tint": "#fde7e5",
        "bad-wash": "#fff5f4",
        "bad-wash-light": "#fff8f7",
        "bad-mark": "rgba(180, 35, 24, .13)",  # the DRAFT mark across unapproved pages
    }
)

INK = COLOURS["ink"]
MUTED = COLOURS["muted"]
LINE = COLOURS["line"]
WHITE = COLOURS["card"]
ACCENT = COLOURS["accent"]
OK = COLOURS["ok"]
WARN = COLOURS["warn"]
BAD = COLOURS["bad"]


def colour(name: str) -> str:
    """The colour of a role; an unknown name is a mistake in a template, so it raises."""
    try:
        return COLOURS[name]
    except KeyError:
        raise KeyError(f"no colour named {name!r} in charter/palette.py") from None


def css_variables() -> str:
    """``:root{--ink:#1d2433;…}``: the palette as CSS custom properties."""
    return ":root{" + "".join(f"--{name}:{value};" for name, value in COLOURS.items()) + "}"


# Changes whenever a colour does, so the page's link to the palette never meets a stale copy.
VERSION = hashlib.sha256(css_variables().encode()).hexdigest()[:12]
