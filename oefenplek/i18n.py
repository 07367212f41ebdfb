"""Translations: English msgids in the code, Dutch by default.

`_()` marks and translates interface text, `N_()` only marks it (translated later, where
it is shown). Catalogs are read from locales/<lang>/LC_MESSAGES/oefenplek.mo when that is
up to date, otherwise compiled from the .po file in memory, so a newcomer needs no build step.
"""

from __future__ import annotations

import gettext
import io
from datetime import date, datetime
from pathlib import Path

from oefenplek import paths

DOMAIN = "oefenplek"
DEFAULT_LANGUAGE = "nl"
#: Languages the interface offers, with their own name for the picker.
LANGUAGES = {"nl": "Nederlands", "en": "English"}

_current = DEFAULT_LANGUAGE
_translations: gettext.NullTranslations | None = None


def _load(language: str, domain: str = DOMAIN) -> gettext.NullTranslations:
    folder = paths.locales_dir() / language / "LC_MESSAGES"
    po, mo = folder / f"{domain}.po", folder / f"{domain}.mo"
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if po.is_file():
        return gettext.GNUTranslations(io.BytesIO(compile_po(po)))
    return gettext.NullTranslations()


def compile_po(po: Path) -> bytes:
    """The .mo bytes for a .po file (babel), used in memory and by the bundle build."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def set_language(language: str) -> None:
    global _current, _translations
    _current = language if language in LANGUAGES else DEFAULT_LANGUAGE
    _translations = None if _current == "en" else _load(_current)


def current_language() -> str:
    return _current


def _catalog() -> gettext.NullTranslations:
    global _translations
    if _translations is None:
        _translations = gettext.NullTranslations() if _current == "en" else _load(_current)
    return _translations


def _(message: str) -> str:
    return _catalog().gettext(message)


def N_(message: str) -> str:
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _catalog().ngettext(singular, plural, n)


def format_date(value: date | datetime, style: str = "long") -> str:
    """A date in words for the current language: '22 november 2026'."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, format=style, locale=_current)


def format_number(value: float) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=_current)
