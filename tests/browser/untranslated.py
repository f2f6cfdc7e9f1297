"""Finding the English a translated page still shows.

Two nets: a text that is exactly one of our catalogue's English msgids (whose translation
differs), and, for text the catalogue cannot know (strings built in Python or JS without
gettext, third-party widgets), any Latin-letter word on a page in a non-Latin script.
"""

import re
from functools import cache
from pathlib import Path

import django
from babel.messages.pofile import read_po
from babel.numbers import list_currencies
from django.conf import settings
from django.utils.translation import to_locale

# What a person reads or hears: text nodes (the hidden ones too, since JS or a screen reader
# may reveal them), the names and hints in attributes, and the words behind JS-written text.
VISIBLE_TEXTS = """() => {
  const texts = [];
  const skip = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"]);
  // Text marked as another language (a charter written in English, each language's own name
  // in the switcher) is meant to be read in it.
  const pageLanguage = document.documentElement.lang.split("-")[0];
  const foreign = (element) => element.closest("[lang]").lang.split("-")[0] !== pageLanguage;
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (skip.has(node.parentElement.tagName) || foreign(node.parentElement)) continue;
    texts.push({where: node.parentElement.tagName.toLowerCase(), text: node.textContent});
  }
  const attributes = ["title", "aria-label", "aria-description", "aria-roledescription",
                      "placeholder", "alt", "hx-confirm", "data-unsaved", "data-saving",
                      "data-failed", "data-saved"];
  for (const element of document.querySelectorAll("*")) {
    if (foreign(element)) continue;
    for (const name of attributes) {
      if (element.hasAttribute(name)) {
        texts.push({where: `${element.tagName.toLowerCase()}[${name}]`,
                    text: element.getAttribute(name)});
      }
    }
    if (element.matches("input[type=submit], input[type=button], input[type=reset]")) {
      texts.push({where: "input[value]", text: element.value});
    }
  }
  return texts;
}"""

# Names and notations that are the same in every language; the translators' own choices
# (the Latin words their translations keep, such as FTE or Excel) are added per catalogue.
ALLOWED_WORDS = frozenset(
    {"Charterboard", "RACI", "PDF", "CSV", "XLSX", "JSON", "Slack", "Microsoft", "Teams", "SHA"}
)
CURRENCY_CODES = frozenset(list_currencies())
DJANGO_LOCALE = Path(django.__file__).parent / "conf" / "locale"
# Addresses, links, file names and fingerprints are data, not words.
NOT_WORDS = re.compile(
    r"[\w.+-]+@[\w-]+(\.[\w-]+)+"  # e-mail
    r"|(https?://|/)[^\s]*"  # URL or path
    r"|[\w-]*\.(pdf|csv|xlsx|json|ics|png|svg)\b"  # file name or extension
    r"|#[\w-]+"  # chat channel
    r"|\b[0-9a-f]{8,}\b",  # hash
    re.IGNORECASE,
)
# Placeholders, tags and entities in a translation are not words of it.
MARKUP = re.compile(r"%\(\w+\)[sd]|\{\{?[^}]*\}\}?|<[^>]*>|&\w+;")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
LANGUAGES_IN_LATIN_SCRIPT = frozenset({"en"})


def normalised(text: str) -> str:
    return " ".join(text.split())


@cache
def _catalogue(language: str, locale_path: Path | None = None):
    locale_path = locale_path or Path(settings.BASE_DIR) / "locale"
    po = locale_path / to_locale(language) / "LC_MESSAGES" / "django.po"
    with po.open("rb") as file:
        return read_po(file)


@cache
def kept_latin_words(language: str) -> frozenset[str]:
    """Latin-letter words the translations of ``language`` keep on purpose: any in our
    catalogue, the abbreviations in Django's (file sizes say "KB" in Chinese too)."""
    ours = _latin_words(_catalogue(language))
    djangos = _latin_words(_catalogue(language, DJANGO_LOCALE))
    return frozenset(ours | {word for word in djangos if word.isupper()})


def _latin_words(catalogue) -> set[str]:
    words = set()
    for message in catalogue:
        if not message.id:
            continue  # the header
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            words.update(LATIN_WORD.findall(NOT_WORDS.sub(" ", MARKUP.sub(" ", string))))
    return words


@cache
def english_msgids(language: str) -> frozenset[str]:
    """Our catalogue's English texts that read differently in ``language``."""
    english = set()
    for message in _catalogue(language):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for msgid in ids:
            if "%" in msgid or "{" in msgid:
                continue  # a template: the Latin-word net catches what fills it
            if msgid not in strings:
                english.add(normalised(msgid))
    return frozenset(english)


def untranslated(language: str, texts: list[dict], allowed: frozenset[str] = frozenset()) -> set:
    """(where, text) of every text in ``texts`` that is still English in ``language``.

    ``allowed`` are further words people typed (names, products) that the page may show.
    """
    found = set()
    msgids = english_msgids(language)
    check_latin = language not in LANGUAGES_IN_LATIN_SCRIPT
    allowed = ALLOWED_WORDS | CURRENCY_CODES | kept_latin_words(language) | allowed
    for item in texts:
        text = normalised(item["text"])
        if not text:
            continue
        if text in msgids:
            found.add((item["where"], text))
            continue
        if check_latin:
            words = set(LATIN_WORD.findall(NOT_WORDS.sub(" ", text)))
            if words - allowed:
                found.add((item["where"], text))
    return found
