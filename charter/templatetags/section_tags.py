"""Filters for the current-state and future-success partials (web and PDF alike)."""

from decimal import Decimal, InvalidOperation

from django import template

from .. import maturity

register = template.Library()


@register.filter
def maturity_chart(data):
    """The maturity snapshot as an inline SVG bar chart."""
    return maturity.maturity_chart(data or {})


@register.filter
def number(value):
    """A decimal (or its snapshot string) without trailing zeros: 23.50 → 23.5, 100.00 → 100."""
    if value in (None, ""):
        return ""
    try:
        return format(Decimal(str(value)).normalize(), "f")
    except InvalidOperation:
        return value
