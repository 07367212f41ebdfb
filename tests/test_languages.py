"""The languages on offer come from the folders of locales/: a new language is a folder."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from oefenplek import i18n, paths

from .conftest import REPO


@pytest.fixture
def locales(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "locales"
    shutil.copytree(REPO / "locales", folder)
    monkeypatch.setattr(paths, "locales_dir", lambda: folder)
    i18n.forget_catalogs()
    yield folder
    i18n.forget_catalogs()
    i18n.set_language("nl")


def test_the_five_languages_are_offered_dutch_first_each_by_its_own_name() -> None:
    offered = i18n.languages()
    assert next(iter(offered)) == "nl"
    assert {code: language.name for code, language in offered.items()} == {
        "nl": "Nederlands", "en": "English", "ar": "العربية", "tr": "Türkçe",
        "uk": "Українська"}
    assert [code for code, language in offered.items() if language.right_to_left] == ["ar"]
    for language in offered.values():
        assert language.flag is not None and language.flag.read_text().startswith("<svg")


def test_a_sixth_language_is_one_new_folder_and_no_code(locales: Path) -> None:
    folder = locales / "pl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (locales / "pl" / "language.toml").write_text(
        'name = "Polski"\nenglish = "Polish"\ndirection = "ltr"\nvoice = "pl"\n',
        encoding="utf-8")
    (folder / "oefenplek.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: pl\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && '
        '(n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
        'msgid "Listen"\nmsgstr "Słuchaj"\n\n'
        'msgid "{n} step"\nmsgid_plural "{n} steps"\n'
        'msgstr[0] "{n} krok"\nmsgstr[1] "{n} kroki"\nmsgstr[2] "{n} kroków"\n',
        encoding="utf-8")
    i18n.forget_catalogs()
    assert i18n.language("pl").name == "Polski"
    assert i18n.gettext_in("pl", "Listen") == "Słuchaj"
    # Plurals come from the catalog's own rule, never from gluing an "s" on.
    assert [i18n.ngettext_in("pl", "{n} step", "{n} steps", n).format(n=n)
            for n in (1, 3, 5)] == ["1 krok", "3 kroki", "5 kroków"]
    i18n.set_language("pl")
    assert i18n.current_language() == "pl" and i18n._("Listen") == "Słuchaj"


def test_a_broken_or_unknown_language_falls_back_to_dutch(locales: Path) -> None:
    (locales / "xx").mkdir()
    (locales / "xx" / "language.toml").write_text("name = [broken", encoding="utf-8")
    i18n.forget_catalogs()
    assert "xx" not in i18n.languages()
    i18n.set_language("xx")
    assert i18n.current_language() == "nl" and i18n.language("xx").code == "nl"


def test_two_languages_can_be_read_at_once_with_their_own_dates() -> None:
    from datetime import date

    i18n.set_language("nl")
    assert i18n.gettext_in("en", "Listen") == "Listen"
    assert i18n._("Listen") == i18n.gettext_in("nl", "Listen") != "Listen"
    day = date(2026, 12, 2)
    assert i18n.format_date(day) == "2 december 2026"
    assert i18n.format_date(day, language="tr") == "2 Aralık 2026"
    assert "2026" in i18n.format_date(day, language="ar")
