"""The catalogs are whole: every interface text in the code is in the template and has a
translation in every language (Dutch checked, the others at least machine-made)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from oefenplek import i18n, paths

from .conftest import REPO

KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "ngettext_in": (2, 3)}
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def code_messages() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        REPO / "oefenplek", method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_every_interface_text_has_a_dutch_translation() -> None:
    with (paths.locales_dir() / "nl" / "LC_MESSAGES" / "oefenplek.po").open("rb") as handle:
        catalog = read_po(handle)
    missing, broken = [], []
    for msgid in sorted(code_messages()):
        entry = catalog.get(msgid)
        if entry is None:
            entry = next((m for m in catalog if isinstance(m.id, tuple) and m.id[0] == msgid),
                         None)
        strings = [] if entry is None else (
            [entry.string] if isinstance(entry.string, str) else list(entry.string))
        if entry is None or not all(strings) or entry.fuzzy:
            missing.append(msgid)
            continue
        if any(set(PLACEHOLDER.findall(s)) != set(PLACEHOLDER.findall(msgid)) for s in strings):
            broken.append(msgid)
    assert missing == [], "no Dutch translation for these texts"
    assert broken == [], "the Dutch text lost or added a {placeholder}"


def test_dutch_is_the_default_and_english_is_the_msgid() -> None:
    assert i18n.current_language() == "nl"
    assert i18n._("Next") == "Verder"
    assert i18n.ngettext("{n} minute", "{n} minutes", 1) == "{n} minuut"
    assert i18n.format_date(date(2026, 11, 22)) == "22 november 2026"
    i18n.set_language("en")
    try:
        assert i18n._("Next") == "Next"
    finally:
        i18n.set_language("nl")


def catalog_of(path) -> dict[str, object]:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    return {(m.id if isinstance(m.id, str) else m.id[0]): m for m in catalog if m.id}


def test_the_template_holds_every_text_of_the_code_and_no_other() -> None:
    """A new text in the code fails here until `pybabel extract` (README) has run."""
    template = set(catalog_of(paths.locales_dir() / "oefenplek.pot"))
    code = code_messages()
    assert sorted(code - template) == [], "run pybabel extract: texts not in the template"
    assert sorted(template - code) == [], "run pybabel extract: texts no longer in the code"


@pytest.mark.parametrize("code", sorted(set(i18n.languages()) - {"nl", "en"}))
def test_every_language_translates_every_text_and_keeps_its_placeholders(code: str) -> None:
    catalog = catalog_of(paths.locales_dir() / code / "LC_MESSAGES" / "oefenplek.po")
    missing, broken = [], []
    for msgid in sorted(code_messages()):
        entry: Any = catalog.get(msgid)
        strings = [] if entry is None else (
            [entry.string] if isinstance(entry.string, str) else list(entry.string))
        if not strings or not all(strings):
            missing.append(msgid)
        elif any(set(PLACEHOLDER.findall(s)) != set(PLACEHOLDER.findall(msgid))
                 for s in strings):
            broken.append(msgid)
    assert missing == [], f"no {code} translation for these texts"
    assert broken == [], f"the {code} text lost or added a {{placeholder}}"
    i18n.compile_po(paths.locales_dir() / code / "LC_MESSAGES" / "oefenplek.po")
