"""Dates, numbers and amounts as the readers of one language write them, from CLDR (Babel).

One style per document: every date is the language's long date (``1 January 2027``,
``2027年1月1日``, ``1 января 2027 г.``), every number groups thousands the way the language
does. ``language`` is a content language (``en``, ``zh-hans``, ``zh-hant``, ``ru``) or any
Django language code; ``None`` means the active one, which a document sets to its charter's.
"""

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from babel.dates import format_date as babel_date
from babel.dates import format_skeleton, format_time, get_datetime_format
from babel.numbers import format_decimal
from django.conf import settings
from django.utils import timezone, translation

from charter import periods

# The BCP 47 tag of each content language: it picks the regional glyphs of CJK fonts.
LANGUAGE_TAGS = {"en": "en", "zh-hans": "zh-Hans", "zh-hant": "zh-Hant", "ru": "ru"}
# British English writes day, month, year ("1 January 2027"), as the other three do.
BABEL_LOCALES = {"en": "en_GB", "zh-hans": "zh_Hans", "zh-hant": "zh_Hant", "ru": "ru"}
# Browser and regional codes that name one of the content languages.
_REGIONAL = {
    "zh-cn": "zh-hans",
    "zh-sg": "zh-hans",
    "zh-my": "zh-hans",
    "zh-tw": "zh-hant",
    "zh-hk": "zh-hant",
    "zh-mo": "zh-hant",
}
# Russian groups digits with a narrow no-break space; CLDR data gives a wide one.
_NO_BREAK_SPACE, _NARROW_NO_BREAK_SPACE = "\u00a0", "\u202f"
EMPTY = "—"
# CLDR formatting is a pure function of its arguments, and a page formats the same dates and
# numbers on every visit (a roadmap page spent a third of its time in Babel): each result
# is kept in the process, keyed by the whole input, so nothing is ever stale.
FORMATS_KEPT = 8192


@lru_cache(maxsize=FORMATS_KEPT)
def _long_date(day: date, locale: str) -> str:
    return babel_date(day, "long", locale=locale)


@lru_cache(maxsize=FORMATS_KEPT)
def _skeleton(skeleton: str, day: date, locale: str) -> str:
    return format_skeleton(skeleton, day, locale=locale)


@lru_cache(maxsize=FORMATS_KEPT)
def _decimal(digits: str, pattern: str, locale: str) -> str:
    """``digits`` is the number's exact text: equal Decimals such as 0 and -0 stay apart."""
    return format_decimal(Decimal(digits), format=pattern, locale=locale, decimal_quantization=True)


def content_language(language: str | None = None) -> str:
    """The content language closest to a language code (the active one by default)."""
    code = (language or translation.get_language() or settings.LANGUAGE_CODE).lower()
    code = code.replace("_", "-")
    if code in LANGUAGE_TAGS:
        return code
    if code in _REGIONAL:
        return _REGIONAL[code]
    if code.startswith("zh"):
        return "zh-hant" if "hant" in code else "zh-hans"
    base = code.split("-")[0]
    return base if base in LANGUAGE_TAGS else "en"


def language_tag(language: str | None) -> str:
    return LANGUAGE_TAGS[content_language(language or "en")]


def _locale(language: str | None) -> str:
    return BABEL_LOCALES[content_language(language)]


def _as_date(value) -> date | None:
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def format_date(value, language: str | None = None) -> str:
    """A date, a datetime or an ISO string as a long date; nothing for a missing one."""
    day = _as_date(value)
    return _long_date(day, _locale(language)) if day else ""


def format_datetime(value, language: str | None = None) -> str:
    """A moment as the long date and the local hour, e.g. ``1 January 2027, 14:05``."""
    if isinstance(value, str) and value:
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return ""
    if not isinstance(value, datetime):
        return format_date(value, language)
    moment = timezone.localtime(value) if timezone.is_aware(value) else value
    locale = _locale(language)
    return get_datetime_format("medium", locale=locale).format(
        format_time(moment.time(), "HH:mm", locale=locale),
        _long_date(moment.date(), locale),
    )


def format_month(value, language: str | None = None, with_year: bool = True) -> str:
    """A month: ``January 2027``, ``2027年1月``; without the year, its short name."""
    day = _as_date(value)
    if day is None:
        return ""
    if with_year:
        return _skeleton("yMMMM", day, _locale(language))
    # British English abbreviates September as "Sept": one letter wider than the others.
    locale = "en" if content_language(language) == "en" else _locale(language)
    return _skeleton("MMM", day, locale)


def format_period(start, end, language: str | None = None) -> str:
    """From one date to another, both in the document's one date style."""
    first, last = format_date(start, language), format_date(end, language)
    if not first or not last or first == last:
        return first or last
    return f"{first} – {last}"


def format_reporting_period(label: str, language: str | None = None) -> str:
    """A snapshot's reporting period, ``2026-Q3`` or ``2026-07``, as the language names it
    (``Q3 2026``, ``2026年第3季度``, ``3-й кв. 2026 г.``); any other label as it is."""
    text = str(label or "")
    parsed = periods.parse_label(text)
    if parsed is None:
        return text
    start, cadence = parsed
    skeleton = "yQQQ" if cadence == periods.QUARTERLY else "yMMM"
    return _skeleton(skeleton, start, _locale(language))


def _as_decimal(value) -> Decimal | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def format_number(value, language: str | None = None, decimals: int | None = None) -> str:
    """A number with the language's grouping (``1,200,000``, ``1 200 000``): with
    ``decimals`` places when it has a fraction, else without trailing zeros (23.50 → 23.5)."""
    number = _as_decimal(value)
    if number is None:
        return "" if value is None or value == "" else str(value)
    if number == number.to_integral_value():
        pattern = "#,##0"
    elif decimals is None:
        pattern = "#,##0.######"
    else:
        pattern = "#,##0." + "0" * decimals if decimals > 0 else "#,##0"
    locale = _locale(language)
    text = _decimal(str(number), pattern, locale)
    if locale == "ru":
        text = text.replace(_NO_BREAK_SPACE, _NARROW_NO_BREAK_SPACE)
    return text


def format_money(amount, currency: str, language: str | None = None) -> str:
    """An amount, cents only when there are some, then its currency code: ``1,200,000 EUR``,
    ``1 200 000,50 RUB``."""
    number = format_number(amount, language, decimals=2)
    if not number or not currency:
        return number
    return f"{number} {currency}"
