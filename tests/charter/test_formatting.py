"""Dates and numbers as each content language writes them, one style per document."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation

from charter.formatting import (
    content_language,
    format_date,
    format_datetime,
    format_money,
    format_month,
    format_number,
    format_period,
    format_reporting_period,
    language_tag,
)

NEW_YEAR = date(2027, 1, 1)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "1 January 2027"),
        ("zh-hans", "2027年1月1日"),
        ("zh-hant", "2027年1月1日"),
        ("ru", "1 января 2027\u202fг."),
    ],
)
def test_a_date_is_the_languages_long_date(language, expected):
    assert format_date(NEW_YEAR, language) == expected


def test_a_snapshot_iso_string_and_a_datetime_read_as_the_same_date():
    moment = datetime(2027, 1, 1, 9, 30, tzinfo=ZoneInfo("UTC"))
    assert format_date("2027-01-01", "ru") == format_date(moment, "ru") == "1 января 2027\u202fг."


def test_a_missing_or_malformed_date_prints_nothing():
    assert format_date(None, "en") == ""
    assert format_date("", "en") == ""
    assert format_date("not a date", "en") == ""


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "1,200,000"),
        ("zh-hans", "1,200,000"),
        ("zh-hant", "1,200,000"),
        ("ru", "1\u202f200\u202f000"),
    ],
)
def test_numbers_group_thousands_as_the_language_does(language, expected):
    assert format_number(1200000, language) == expected
    assert format_number(Decimal("1200000.00"), language) == expected


def test_fractions_keep_their_digits_without_trailing_zeros():
    assert format_number(Decimal("23.50"), "en") == "23.5"
    assert format_number("23.50", "ru") == "23,5"
    assert format_number(None, "en") == ""
    assert format_number("n/a", "en") == "n/a"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "1,200,000.50 EUR"),
        ("zh-hans", "1,200,000.50 CNY"),
        ("ru", "1\u202f200\u202f000,50 RUB"),
    ],
)
def test_money_has_cents_when_there_are_some_and_its_currency_after_it(language, expected):
    currency = expected.rsplit(" ", 1)[1]
    assert format_money(Decimal("1200000.5"), currency, language) == expected
    assert format_money(Decimal("1200000"), "EUR", "en") == "1,200,000 EUR"


def test_a_period_writes_both_ends_in_the_same_style():
    assert format_period("2027-01-01", "2027-12-31", "en") == "1 January 2027 – 31 December 2027"
    assert format_period("2027-01-01", "2027-12-31", "zh-hans") == "2027年1月1日 – 2027年12月31日"
    assert format_period("2027-01-01", "2027-01-01", "en") == "1 January 2027"


def test_months_and_moments():
    assert format_month(NEW_YEAR, "en") == "January 2027"
    assert format_month(NEW_YEAR, "zh-hans") == "2027年1月"
    assert format_month(NEW_YEAR, "ru", with_year=False) == "янв."
    moment = datetime(2027, 1, 1, 14, 5, tzinfo=ZoneInfo("UTC"))
    assert format_datetime(moment, "en") == "1 January 2027, 14:05"
    assert format_datetime(moment, "zh-hant") == "2027年1月1日 14:05"


@pytest.mark.parametrize(
    ("code", "language"),
    [
        ("zh-cn", "zh-hans"),
        ("zh-Hans", "zh-hans"),
        ("zh-tw", "zh-hant"),
        ("zh-hk", "zh-hant"),
        ("zh", "zh-hans"),
        ("ru-ru", "ru"),
        ("en-us", "en"),
        ("de", "en"),
    ],
)
def test_browser_language_codes_map_to_content_languages(code, language):
    assert content_language(code) == language


def test_language_tags_are_bcp47():
    assert [language_tag(code) for code in ("en", "zh-hans", "zh-hant", "ru")] == [
        "en",
        "zh-Hans",
        "zh-Hant",
        "ru",
    ]


def test_template_filters_follow_the_active_language():
    template = Template(
        "{% load charter_tags %}{{ day|local_date }} · {{ amount|local_money:'RUB' }}"
        " · {{ start|local_period:end }}"
    )
    context = Context({"day": NEW_YEAR, "amount": 1200000, "start": NEW_YEAR, "end": NEW_YEAR})
    with translation.override("ru"):
        assert template.render(context) == (
            "1 января 2027\u202fг. · 1\u202f200\u202f000 RUB · 1 января 2027\u202fг."
        )
    with translation.override("zh-hans"):
        assert template.render(context).startswith("2027年1月1日 · 1,200,000")


@pytest.mark.parametrize(
    ("language", "quarter", "month"),
    [
        ("en", "Q3 2026", "Jul 2026"),
        ("zh-hans", "2026年第3季度", "2026年7月"),
        ("zh-hant", "2026年第3季", "2026年7月"),
        ("ru", "3-й кв. 2026\u202fг.", "июль 2026\u202fг."),
    ],
)
def test_reporting_periods_are_named_as_the_language_names_them(language, quarter, month):
    assert format_reporting_period("2026-Q3", language) == quarter
    assert format_reporting_period("2026-07", language) == month


def test_other_period_labels_stay_as_written():
    assert format_reporting_period("FY2026", "ru") == "FY2026"
    assert format_reporting_period("2026-13", "en") == "2026-13"
    assert format_reporting_period(None, "en") == ""


def test_a_remembered_date_or_number_still_follows_the_language_asked_for():
    day = date(2027, 1, 1)
    assert format_date(day, "en") == "1 January 2027"
    assert format_date(day, "ru") == "1 января 2027\u202fг."
    assert format_date(day, "en") == "1 January 2027"
    with translation.override("zh-hans"):
        assert format_date(day) == "2027年1月1日"
    assert format_number(Decimal("1200000"), "en") == "1,200,000"
    assert format_number(Decimal("1200000"), "ru") == "1\u202f200\u202f000"


def test_equal_numbers_written_differently_are_formatted_each_as_written():
    assert format_number(Decimal("23.50"), "en") == "23.5"
    assert format_number(Decimal("23.5"), "en", decimals=2) == "23.50"
    assert format_number(Decimal("-0.5"), "en") == "-0.5"
    assert format_number(Decimal("0.5"), "en") == "0.5"
