"""The DRAFT mark's outlines: drawn from the charter's regional face, no font kept after."""

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
    # cache by fontconfig pattern did) left a Chinese worker hundreds of MB heavier.
    marks.outline_path.cache_clear()
    before = len(open_fonts())
    path, width = marks.outline_path("草稿 DRAFT Черновик", language)
    assert path and width > 0
    assert len(open_fonts()) == before


@pytest.mark.parametrize(("language", "face"), [("zh-Hans", "SC"), ("zh-Hant", "TC")])
def test_a_chinese_mark_is_drawn_with_its_regional_face(language, face):
    marks.outline_path.cache_clear()
    opened = []
    original = TTFont.__init__

    def remember(self, *args, **kwargs):
        original(self, *args, **kwargs)
        opened.append(self["name"].getDebugName(1))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(TTFont, "__init__", remember)
        marks.outline_path("草稿", language)
    assert opened
    assert all(family.startswith(f"Noto Sans CJK {face}") for family in opened), opened
