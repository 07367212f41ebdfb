"""Lessons in the learner's language: a translated text is used, a missing or outdated one
falls back to Dutch for that text alone, and the extractor gives translators every text."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from oefenplek import i18n, paths
from oefenplek.core.lessons import load_catalog, marks
from oefenplek.core.lessons.model import GlossaryWord
from oefenplek.core.lessons.translations import (
    extract_lesson,
    in_language,
    is_whole,
    lesson_texts,
    missing_steps,
    translated_lesson,
)

from ..conftest import FIXTURES, REPO

ARABIC = {
    "Proefles": "درس تجريبي",
    "Een les om te testen.": "درس للتجربة.",
    "Ik kan op een app tikken.": "أستطيع أن أضغط على تطبيق.",
    "Dit is een tablet.": "هذا جهاز لوحي.",
    "Tik op Instellingen.": "اضغط على [تطبيق|app] Instellingen.",
    "Instellingen is het grijze rondje.": "Instellingen هي الدائرة الرمادية.",
}


def po(entries: dict[str, str], language: str) -> str:
    lines = ['msgid ""', 'msgstr ""', f'"Language: {language}\\n"',
             '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    for msgid, msgstr in entries.items():
        lines += ["#, fuzzy", f'msgid "{msgid}"', f'msgstr "{msgstr}"', ""]
    return "\n".join(lines)


@pytest.fixture
def arabic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "locales"
    shutil.copytree(REPO / "locales", folder)
    catalog = folder / "ar" / "LC_MESSAGES" / "lessons.po"
    catalog.parent.mkdir(parents=True, exist_ok=True)
    catalog.write_text(po(ARABIC, "ar"), encoding="utf-8")
    monkeypatch.setattr(paths, "locales_dir", lambda: folder)
    i18n.forget_catalogs()
    yield catalog
    i18n.forget_catalogs()


def proefles():
    return load_catalog([FIXTURES / "lessons"]).lessons["proef-les"]


def test_a_translated_text_is_used_and_a_missing_one_stays_dutch(arabic: Path) -> None:
    lesson = proefles()
    assert in_language("Tik op Instellingen.", "ar") == "اضغط على [تطبيق|app] Instellingen."
    assert in_language("Typ het wachtwoord: Bieb2024", "ar") == "Typ het wachtwoord: Bieb2024"
    mine = translated_lesson(lesson, "ar")
    assert mine.title == "درس تجريبي"
    assert mine.steps[1].text == "اضغط على [تطبيق|app] Instellingen."
    assert mine.steps[1].hint == "Instellingen هي الدائرة الرمادية."
    assert mine.steps[2].text == lesson.steps[2].text  # no translation yet: Dutch, alone
    assert mine.steps[2].answer == "Bieb2024"  # what is typed stays what the form wants
    # The translated mark shows the Arabic word and opens the Dutch glossary word "app".
    assert marks.segments(mine.steps[1].text)[1] == ("تطبيق", "app")
    assert missing_steps(lesson, "ar") == [3, 4, 5, 6]
    assert not is_whole(lesson, "ar") and is_whole(lesson, "nl")
    assert translated_lesson(lesson, "nl") is lesson


def test_a_changed_dutch_text_loses_its_old_translation(arabic: Path) -> None:
    arabic.write_text(po({"Tik op Instellingen (oud).": "نص قديم"}, "ar"), encoding="utf-8")
    i18n.forget_catalogs()
    assert in_language("Tik op Instellingen.", "ar") == "Tik op Instellingen."


def test_a_name_kept_as_the_screen_shows_it_is_a_translation(arabic: Path) -> None:
    step = proefles().steps[3]
    kept = {"Welk netwerk is van de bibliotheek?": "أي شبكة هي شبكة المكتبة؟",
            "Kijk naar de naam.": "انظر إلى الاسم.",
            "Dit netwerk ken je niet.": "لا تعرف هذه الشبكة.",
            "Bibliotheek-Gast": "Bibliotheek-Gast"}
    arabic.write_text(po({**ARABIC, **kept, "Gratis-Wifi-123": ""}, "ar"), encoding="utf-8")
    i18n.forget_catalogs()
    assert in_language("Bibliotheek-Gast", "ar") == "Bibliotheek-Gast"
    assert step.number in missing_steps(proefles(), "ar")  # Gratis-Wifi-123 is still empty
    arabic.write_text(po({**ARABIC, **kept, "Gratis-Wifi-123": "Gratis-Wifi-123"}, "ar"),
                      encoding="utf-8")
    i18n.forget_catalogs()
    assert step.number not in missing_steps(proefles(), "ar")


def test_the_extractor_gives_every_text_a_learner_reads_and_nothing_to_type() -> None:
    lesson = proefles()
    with (FIXTURES / "lessons" / "proef-les" / "lesson.toml").open("rb") as handle:
        texts = [(message, comments[0]) for _line, _f, message, comments
                 in extract_lesson(handle, {}, [], {})]
    assert [text for text, _where in texts] == [text for _where, text in lesson_texts(lesson)]
    assert ("Tik op Instellingen.", "proef-les: step 2 (tap)") in texts
    assert ("Bibliotheek-Gast", "proef-les: step 4 (choose)") in texts
    assert "Bieb2024" not in [text for text, _where in texts]
    assert "Morgen oefen je verder." in [text for text, _where in texts]


def test_the_check_says_what_is_translated_and_refuses_broken_marks(arabic: Path) -> None:
    from oefenplek.core.lessons.translations import coverage_lines, translation_problems

    catalog = load_catalog([FIXTURES / "lessons"])
    catalog.glossary["app"] = GlossaryWord("app", (), "Een app is een programma.", None, None)
    lines = coverage_lines(catalog, "ar")
    assert lines[0].startswith("ar: 0 van 2 lessen vertaald, 1 deels, 1 nog niet")
    assert lines[1].strip() == "proef-les: stappen zonder vertaling: 3, 4, 5, 6"
    assert translation_problems(catalog, "ar") == []
    arabic.write_text(po({**ARABIC, "Dit is een tablet.": "هذا [جهاز|tablett] {naam}."}, "ar"),
                      encoding="utf-8")
    i18n.forget_catalogs()
    found = [problem.message for problem in translation_problems(catalog, "ar")]
    assert found == ["proef-les, step 1 (explain): 'tablett' staat niet in de woordenlijst",
                     "proef-les, step 1 (explain): de vertaling heeft andere plaatshouders "
                     "dan het Nederlands"]


def test_the_lessons_template_holds_every_lesson_text_and_no_other() -> None:
    """A changed lesson fails here until `pybabel extract -F babel-lessons.cfg` (README) ran;
    its translators then see which texts are new."""
    from babel.messages.extract import extract_from_file
    from babel.messages.pofile import read_po

    module = "oefenplek.core.lessons.translations"
    files = [(f"{module}:extract_lesson", path)
             for path in sorted((REPO / "lessons").glob("*/lesson.toml"))]
    files += [(f"{module}:extract_glossary", REPO / "lessons" / "_woordenlijst.toml"),
              (f"{module}:extract_themes", REPO / "lessons" / "themes.toml")]
    found = {message for method, path in files
             for _line, message, _comments, _context in extract_from_file(method, str(path))}
    with (REPO / "locales" / "lessons.pot").open("rb") as handle:
        template = {message.id for message in read_po(handle) if message.id}
    assert sorted(found - template) == [], "run pybabel extract: lesson texts not in it"
    assert sorted(template - found) == [], "run pybabel extract: texts no lesson has"
