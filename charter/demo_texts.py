"""The demo charter's texts are chosen per language; every demo seeder asks this one helper."""

from typing import TypeVar

T = TypeVar("T")


def in_language(texts: dict[str, T], language: str) -> T:
    """The texts written for ``language``; English where a language has none."""
    return texts.get(language, texts["en"])
