"""Remembered drawings are made again whenever their data or the language changes."""

from datetime import date
from decimal import Decimal

from django.utils import translation

from charter.memo import remember_drawings


def counting_drawing():
    calls = []

    @remember_drawings(maxsize=2)
    def draw(data, day=None):
        calls.append(data)
        return [f"{data['value']} {translation.get_language()} {day}"]

    return draw, calls


def test_same_data_is_drawn_once():
    draw, calls = counting_drawing()
    assert draw({"value": 1}) == draw({"value": 1}) == [f"1 {translation.get_language()} None"]
    assert len(calls) == 1


def test_changed_data_is_drawn_again():
    draw, calls = counting_drawing()
    draw({"value": 1})
    assert draw({"value": 2}) == [f"2 {translation.get_language()} None"]
    assert draw({"value": 1}, day=date(2026, 1, 1)) == [
        f"1 {translation.get_language()} 2026-01-01"
    ]
    assert len(calls) == 3


def test_values_of_another_type_are_another_drawing():
    draw, calls = counting_drawing()
    draw({"value": Decimal("1.50")})
    draw({"value": "1.50"})
    assert len(calls) == 2


def test_each_language_gets_its_own_drawing():
    draw, _calls = counting_drawing()
    draw({"value": 1})
    with translation.override("ru"):
        assert draw({"value": 1}) == ["1 ru None"]


def test_a_caller_changing_its_result_leaves_the_next_one_alone():
    draw, _calls = counting_drawing()
    draw({"value": 1}).append("changed")
    assert draw({"value": 1}) == [f"1 {translation.get_language()} None"]


def test_only_the_latest_drawings_are_kept():
    draw, calls = counting_drawing()
    for value in (1, 2, 3, 1):
        draw({"value": value})
    assert len(calls) == 4
