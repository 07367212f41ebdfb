"""Translations: English msgids in the code, Dutch by default.

`_()` marks and translates interface text, `N_()` only marks it (translated later, where
it is shown). Catalogs are read from locales/<lang>/LC_MESSAGES/oefenplek.mo when that is
up to date, otherwise compiled from the .po file in memory, so a newcomer needs no build step.

The languages on offer are the folders of locales/ with a `language.toml` (its own name,
writing direction, flag, voice): a sixth language is a new folder, no code.
"""

from __future__ import annotations

import gettext
import io
import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from oefenplek import paths

DOMAIN = "oefenplek"
DEFAULT_LANGUAGE = "nl"
#: The language of the msgids: it needs no catalog.
SOURCE_LANGUAGE = "en"
LANGUAGE_FILE = "language.toml"

_current = DEFAULT_LANGUAGE
_translations: gettext.NullTranslations | None = None


@dataclass(frozen=True)
class Language:
    """One language on offer, as its folder in locales/ describes it."""

    code: str  # "ar"
    name: str  # its own name, as a learner who reads it recognises it: "العربية"
    english: str  # "Arabic", for tables and logs
    right_to_left: bool = False
    flag: Path | None = None  # a picture beside the name, for learners who read little
    voice: str = ""  # the built-in voice (eSpeak NG) for it; the code when left out


@cache
def languages() -> dict[str, Language]:
    """Every language with a language.toml in locales/, Dutch first, then by code.

    A broken language.toml leaves that language out rather than stopping the app."""
    found: dict[str, Language] = {}
    folder = paths.locales_dir()
    for file in sorted(folder.glob(f"*/{LANGUAGE_FILE}")):
        code = file.parent.name
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
            flag = file.parent / str(data["flag"]) if data.get("flag") else None
            found[code] = Language(code, str(data["name"]), str(data["english"]),
                                   data.get("direction") == "rtl",
                                   flag if flag and flag.is_file() else None,
                                   str(data.get("voice") or code))
        except (OSError, ValueError, KeyError):
            continue
    if DEFAULT_LANGUAGE not in found:
        found[DEFAULT_LANGUAGE] = Language(DEFAULT_LANGUAGE, "Nederlands", "Dutch")
    return dict(sorted(found.items(), key=lambda item: (item[0] != DEFAULT_LANGUAGE, item[0])))


def language(code: str) -> Language:
    """The language `code`, or Dutch when it is not on offer (any more)."""
    offered = languages()
    return offered.get(code) or offered[DEFAULT_LANGUAGE]


def is_right_to_left(code: str | None = None) -> bool:
    return language(code or _current).right_to_left


def catalog_file(language: str, domain: str = DOMAIN) -> Path:
    """Where the .po file of a language and domain is (or would be)."""
    return paths.locales_dir() / language / "LC_MESSAGES" / f"{domain}.po"


def _load(language: str, domain: str = DOMAIN) -> gettext.NullTranslations:
    po = catalog_file(language, domain)
    mo = po.with_suffix(".mo")
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if po.is_file():
        return gettext.GNUTranslations(io.BytesIO(compile_po(po)))
    return gettext.NullTranslations()


def compile_po(po: Path) -> bytes:
    """The .mo bytes for a .po file (babel), used in memory and by the bundle build.

    Fuzzy entries are used: in our catalogs *fuzzy* means "made by a machine or not yet
    checked by a native speaker", and such a line still serves a learner better than
    English. The staff see how much of each language is checked (`completeness`)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=True)
    return buffer.getvalue()


@dataclass(frozen=True)
class Completeness:
    """How far one catalog is: texts in all, translated, and translated and checked."""

    total: int
    translated: int
    checked: int


def completeness(code: str, domain: str = DOMAIN) -> Completeness:
    """Counted against the template (locales/<domain>.pot, what the code asks for now): a
    text is translated when every form has a translation in the language's .po, checked
    when that translation is also not fuzzy. English, the language of the code, is whole."""
    from babel.messages.pofile import read_po

    def read(file: Path) -> dict[object, object]:
        if not file.is_file():
            return {}
        with file.open("rb") as handle:
            return {message.id: message for message in read_po(handle) if message.id}

    wanted = read(paths.locales_dir() / f"{domain}.pot")
    if code == SOURCE_LANGUAGE and domain == DOMAIN:
        return Completeness(len(wanted), len(wanted), len(wanted))
    have = read(paths.locales_dir() / code / "LC_MESSAGES" / f"{domain}.po")
    translated = checked = 0
    for key in wanted:
        message: Any = have.get(key)
        if message is None:
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        if all(forms):
            translated += 1
            checked += not message.fuzzy
    return Completeness(len(wanted), translated, checked)


def set_language(code: str) -> None:
    global _current, _translations
    _current = code if code in languages() else DEFAULT_LANGUAGE
    _translations = translations(_current)


def current_language() -> str:
    return _current


@cache
def translations(code: str, domain: str = DOMAIN) -> gettext.NullTranslations:
    """The catalog of one language, read once: the learner's screens may show two
    languages at once (Dutch with the learner's language under it)."""
    if code == SOURCE_LANGUAGE and domain == DOMAIN:
        return gettext.NullTranslations()
    return _load(code, domain)


def forget_catalogs() -> None:
    """Read the catalogs and languages again (after a translator changed a file)."""
    global _translations
    translations.cache_clear()
    languages.cache_clear()
    _translations = None


def _catalog() -> gettext.NullTranslations:
    global _translations
    if _translations is None:
        _translations = translations(_current)
    return _translations


class Translated(str):
    """A translated text that remembers its msgid, so a widget built with it can show it
    again in another language when the learner changes language (gui/retranslate.py).
    Anything made from it (`.format()`, joining) is a plain str: a text with data in it is
    made again where it is shown."""

    msgid: str

    def __new__(cls, text: str, msgid: str = "") -> Translated:
        made = super().__new__(cls, text)
        made.msgid = msgid
        return made


def _(message: str) -> str:
    return Translated(_catalog().gettext(message), message)


def N_(message: str) -> str:
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _catalog().ngettext(singular, plural, n)


def gettext_in(code: str, message: str) -> str:
    """`message` in language `code`, whatever the current language is."""
    return translations(code).gettext(message)


def ngettext_in(code: str, singular: str, plural: str, n: int) -> str:
    return translations(code).ngettext(singular, plural, n)


def _locale(code: str | None) -> str:
    return code or _current


def format_date(value: date | datetime, style: str = "long", language: str | None = None
                ) -> str:
    """A date in words for the current language (or `language`): '22 november 2026'."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, format=style, locale=_locale(language))


def format_number(value: float, language: str | None = None) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=_locale(language))
