"""The DRAFT mark's outlines: drawn from the charter's regional face, no font kept in the worker."""

import gc

import pytest
from fontTools.ttLib import TTFont

from charter.documents import marks


def open_fonts() -> list[TTFont]:
    gc.collect()
    return [thing for thing in gc.get_objects() if isinstance(thing, TTFont)]


@pytest.mark.parametrize("language", ["en", "zh-Hans", "zh-Hant", "ru"])
def test_drawing_the_mark_keeps_no_font_in_the_worker(language):
    # A CJK collection's tables are some 70 MB in fontTools: one kept per character (as the
    # cache by fontconfig pattern did) left a Chinese worker hundreds of MB heavier, and even
    # freed they stayed in its heap under the layout (charter/documents/outlines.py).
    marks.outline_path.cache_clear()
    before = len(open_fonts())
    path, width = marks.outline_path("草稿 DRAFT Черновик", language)
    assert path and width > 0
    assert len(open_fonts()) == before


def test_a_chinese_mark_is_drawn_with_its_regional_face():
    # 骨 is drawn differently in Simplified and Traditional Chinese (and in Japanese, the
    # face a fallback by code point picked for both).
    marks.outline_path.cache_clear()
    simplified, _width = marks.outline_path("骨", "zh-Hans")
    traditional, _width = marks.outline_path("骨", "zh-Hant")
    assert simplified and traditional
    assert simplified != traditional
