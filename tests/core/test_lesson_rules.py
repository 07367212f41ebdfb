"""The lesson rules of issue 16: sources with dates, a recap, facts, a Nu zelf part at the
end, the glossary and the words lessons use. Each rule is broken once in a small lesson under
tmp_path, and the check must say so with file, step and key."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from oefenplek.core.lessons import load_catalog, load_lesson
from oefenplek.core.lessons.model import Lesson, Problem, Source
from oefenplek.core.lessons.schema import json_schema

from ..conftest import FIXTURES

GLOSSARY = """
[[word]]
word = "wachtwoord"
forms = ["wachtwoorden"]
explain = "Een wachtwoord is een geheim woord."
picture = "_pictures/woord-wachtwoord.svg"

[[word]]
word = "QR-code"
explain = "Een QR-code is een vierkantje met blokjes."
say = "Een kuu-er-code is een vierkantje met blokjes."
"""
LANGUAGE = """
[[avoid]]
word = "begeleider"
forms = ["begeleiders"]
use = "vrijwilliger"
"""
LESSON = """schema_version = 1
id = "les"
version = 1
theme = "tablet"
title = "Een les"
summary = "Een les om te testen."
minutes = 5
level = 1
can_do = ["Ik kan het."]
recap = ["Je opent Instellingen.", "Een wachtwoord typ je precies over."]
sources = [
  { title = "Tablet", organisation = "Wie", url = "https://example.org", checked = 2026-11-01 },
]

[[steps]]
kind = "explain"
text = "Kijk naar de tablet."

[[steps]]
kind = "tap"
text = "Tik op Instellingen."
screen = "../_screens/tablet.svg"
target = "app-instellingen"

[[steps]]
kind = "type"
text = "Typ je [wachtwoord]."
answer = "geheim"
hint = "Het is geheim."
guided = false

[[steps]]
kind = "tap"
text = "Open de camera."
screen = "../_screens/tablet.svg"
target = "app-camera"
hint = "De camera is het donkere vierkant."
guided = false
"""
TODAY = date(2026, 12, 2)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A lessons folder with themes, a screen, a glossary with a picture and a words list."""
    folder = tmp_path / "lessen"
    shutil.copytree(FIXTURES / "lessons" / "_screens", folder / "_screens")
    shutil.copy(FIXTURES / "lessons" / "themes.toml", folder / "themes.toml")
    (folder / "_pictures").mkdir()
    shutil.copy(FIXTURES / "lessons" / "_screens" / "tablet.svg",
                folder / "_pictures" / "woord-wachtwoord.svg")
    (folder / "_woordenlijst.toml").write_text(GLOSSARY, encoding="utf-8")
    (folder / "_taal.toml").write_text(LANGUAGE, encoding="utf-8")
    return folder


def write(root: Path, *changes: tuple[str, str], text: str = LESSON,
          lesson_id: str = "les") -> Path:
    """The good lesson with each (old, new) change made; each old text must be there."""
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    folder = root / lesson_id
    folder.mkdir(exist_ok=True)
    (folder / "lesson.toml").write_text(text.replace('id = "les"', f'id = "{lesson_id}"'),
                                        encoding="utf-8")
    return folder


def check(root: Path, *changes: tuple[str, str], text: str = LESSON
          ) -> tuple[Lesson | None, list[Problem]]:
    return load_lesson(write(root, *changes, text=text), root)


def found(problems: list[Problem], warning: bool = False) -> list[tuple[int | None, str | None,
                                                                         str]]:
    return [(p.step, p.key, p.message) for p in problems if p.warning == warning]


def test_the_good_lesson_loads_with_its_sources_recap_and_nu_zelf_steps(root: Path) -> None:
    lesson, problems = check(root)
    assert problems == []
    assert lesson is not None
    assert lesson.sources == (Source("Tablet", "Wie", "https://example.org", date(2026, 11, 1)),)
    assert str(lesson.sources[0]) == "Tablet (Wie), https://example.org, 2026-11-01"
    assert lesson.recap == ("Je opent Instellingen.", "Een wachtwoord typ je precies over.")
    assert lesson.device == "tablet"
    assert [step.guided for step in lesson.steps] == [True, True, False, False]
    assert lesson.steps[2].text == "Typ je [wachtwoord]."
    assert lesson.steps[2].spoken == "Typ je wachtwoord."


# --- sources ---------------------------------------------------------------------------

def test_an_old_style_source_is_an_error(root: Path) -> None:
    lesson, problems = check(root, ('sources = [\n  { title = "Tablet", '
                                    'organisation = "Wie", url = "https://example.org", '
                                    'checked = 2026-11-01 },\n]',
                                    'sources = ["https://example.org (Hulp)"]'))
    assert lesson is None
    assert found(problems) == [
        (None, "sources[1]", "een bron heeft title, organisation, url en checked nodig")]


def test_a_lesson_without_sources_is_an_error(root: Path) -> None:
    text = LESSON.replace(LESSON[LESSON.index("sources = ["):LESSON.index("[[steps]]")], "")
    lesson, problems = check(root, text=text)
    assert lesson is None
    assert found(problems) == [(None, "sources", "deze sleutel ontbreekt")]
    _lesson, problems = check(root, text=text.replace("[[steps]]", "sources = []\n\n[[steps]]",
                                                      1))
    assert found(problems) == [(None, "sources", "noem minstens één bron")]


def test_a_source_date_must_be_a_toml_date(root: Path) -> None:
    _lesson, problems = check(root, ("checked = 2026-11-01", 'checked = "2026-11-01"'))
    assert found(problems) == [(None, "sources[1]", "'checked' moet een datum zijn zoals "
                                                    "2026-12-02 (zonder aanhalingstekens)")]
    _lesson, problems = check(root, ('url = "https://example.org"', 'url = "example.org"'))
    assert found(problems) == [(None, "sources[1]", "de url moet beginnen met https://")]


def test_a_source_checked_over_a_year_ago_is_a_warning(root: Path) -> None:
    write(root, ("checked = 2026-11-01", "checked = 2025-12-02"))
    a_year = load_catalog([root], today=TODAY)
    assert a_year.problems == [] and "les" in a_year.lessons
    catalog = load_catalog([root], today=date(2026, 12, 3))
    assert "les" in catalog.lessons  # a warning: the lesson is still offered
    [problem] = catalog.problems
    assert (problem.warning, problem.file, problem.key) == (
        True, root / "les" / "lesson.toml", "sources[1]")
    assert problem.message == ("deze bron is voor het laatst nagekeken op 2025-12-02, meer dan "
                               "een jaar geleden: kijk hem opnieuw na")


# --- recap -------------------------------------------------------------------------------

def test_the_recap_has_one_to_three_lines(root: Path) -> None:
    recap = 'recap = ["Je opent Instellingen.", "Een wachtwoord typ je precies over."]\n'
    lesson, problems = check(root, (recap, ""))
    assert lesson is None
    assert found(problems) == [(None, "recap", "deze sleutel ontbreekt")]
    _lesson, problems = check(root, (recap, 'recap = ["Een.", "Twee.", "Drie.", "Vier."]\n'))
    assert found(problems) == [(None, "recap", "geef 1 tot 3 korte zinnen")]
    _lesson, problems = check(root, (recap, "recap = []\n"))
    assert found(problems) == [(None, "recap", "geef 1 tot 3 korte zinnen")]


# --- Nu zelf -----------------------------------------------------------------------------

def test_the_lesson_must_end_with_an_unguided_step(root: Path) -> None:
    lesson, problems = check(root, ('hint = "De camera is het donkere vierkant."\nguided = false',
                                    'hint = "De camera is het donkere vierkant."'))
    assert lesson is None
    assert found(problems) == [(4, "guided", (
        "de les moet eindigen met een Nu zelf-deel: maak de laatste tap-, type-, choose- of "
        "order-stap zonder begeleiding (guided = false)"))]
    assert str(problems[0]).startswith(f"{root / 'les' / 'lesson.toml'}: step 4 (tap): "
                                       "'guided': error:")


def test_closing_practise_and_explain_steps_may_follow_the_nu_zelf_part(root: Path) -> None:
    closing = ('\n[[steps]]\nkind = "practise"\ntext = "Doe het nu op je eigen tablet."\n'
               '\n[[steps]]\nkind = "explain"\ntext = "Goed gedaan."\n')
    lesson, problems = check(root, text=LESSON + closing)
    assert problems == [] and lesson is not None


def test_a_third_of_the_tap_and_type_steps_are_unguided(root: Path) -> None:
    more = ('\n[[steps]]\nkind = "tap"\ntext = "Tik op Instellingen."\n'
            'screen = "../_screens/tablet.svg"\ntarget = "app-instellingen"\n') * 3
    guided_type = ('hint = "Het is geheim."\nguided = false', 'hint = "Het is geheim."')
    text = LESSON.replace("\n[[steps]]\nkind = \"tap\"\ntext = \"Open de camera.\"",
                          more + "\n[[steps]]\nkind = \"tap\"\ntext = \"Open de camera.\"")
    lesson, problems = check(root, guided_type, text=text)  # 6 tap and type steps, 1 alone
    assert lesson is None
    assert found(problems) == [(None, "steps", (
        "1 van de 6 tap- en type-stappen zijn zonder begeleiding; maak er minstens 2 een "
        "Nu zelf-stap (guided = false)"))]
    lesson, problems = check(root, text=text)  # 2 of 6: a third exactly
    assert problems == [] and lesson is not None


def test_an_unguided_step_needs_a_hint(root: Path) -> None:
    lesson, problems = check(root, ('text = "Open de camera."\nscreen = "../_screens/tablet.svg"'
                                    '\ntarget = "app-camera"\nhint = "De camera is het donkere '
                                    'vierkant."\n', 'text = "Open de camera."\nscreen = '
                                    '"../_screens/tablet.svg"\ntarget = "app-camera"\n'))
    assert lesson is None
    assert found(problems) == [
        (4, "hint", "een Nu zelf-stap (guided = false) heeft een hint nodig")]


def test_a_lesson_without_tap_or_type_ends_with_an_unguided_choose_step(root: Path) -> None:
    head = LESSON[:LESSON.index("[[steps]]")]
    choose = ('[[steps]]\nkind = "choose"\ntext = "Welk woord is geheim?"\nhint = "Denk na."\n'
              'options = [{ text = "Een [wachtwoord]", correct = true }, { text = "Je naam" }]\n')
    lesson, problems = check(root, text=head + choose)
    assert lesson is None
    assert found(problems) == [(1, "guided", (
        "de les moet eindigen met een Nu zelf-deel: maak de laatste tap-, type-, choose- of "
        "order-stap zonder begeleiding (guided = false)"))]
    lesson, problems = check(root, text=head + choose + "guided = false\n")
    assert problems == [] and lesson is not None
    _lesson, problems = check(root, text=head + '[[steps]]\nkind = "explain"\ntext = "Kijk."\n')
    assert found(problems) == [(None, "steps", (
        "een les heeft een Nu zelf-deel nodig: eindig met een choose- of order-stap die de "
        "deelnemer alleen doet (guided = false)"))]


def test_only_steps_with_an_answer_can_be_unguided(root: Path) -> None:
    _lesson, problems = check(root, ('kind = "explain"\ntext = "Kijk naar de tablet."',
                                     'kind = "explain"\ntext = "Kijk naar de tablet."\n'
                                     'guided = false'))
    assert found(problems) == [
        (1, "guided", "een stap van de soort 'explain' kan deze sleutel niet hebben")]


# --- glossary ----------------------------------------------------------------------------

def test_a_mark_of_an_unknown_word_is_an_error(root: Path) -> None:
    lesson, problems = check(root, ('text = "Kijk naar de tablet."',
                                    'text = "Kijk naar de [tablet]."'))
    assert lesson is None
    assert found(problems) == [
        (1, "text", "'[tablet]' staat niet in de woordenlijst (lessons/_woordenlijst.toml)")]


def test_a_glossary_word_used_without_a_mark_is_a_warning(root: Path) -> None:
    lesson, problems = check(root, ('text = "Kijk naar de tablet."',
                                    'text = "Je wachtwoord is geheim. Scan de qr-code."'))
    assert lesson is not None
    assert found(problems, warning=True) == [
        (1, "text", "'wachtwoord' staat in de woordenlijst: markeer het één keer in deze stap, "
                    "als [wachtwoord]"),
        (1, "text", "'qr-code' staat in de woordenlijst: markeer het één keer in deze stap, "
                    "als [qr-code]")]


def test_one_mark_per_step_is_enough_and_forms_and_whole_words_count(root: Path) -> None:
    marked_once = ('text = "Typ je [wachtwoord]."\nanswer = "geheim"\nhint = "Het is geheim."',
                   'text = "Typ je [wachtwoorden]."\nanswer = "geheim"\nhint = "Een '
                   'wachtwoord is geheim. Geen wachtwoordmanager."')
    _lesson, problems = check(root, marked_once)
    assert found(problems, warning=True) == []
    unmarked_form = ('text = "Kijk naar de tablet."',
                     'text = "Kijk naar de wachtwoorden. Er staat \\"wachtwoord\\" op."')
    _lesson, problems = check(root, unmarked_form)
    assert found(problems, warning=True) == [
        (1, "text", "'wachtwoorden' staat in de woordenlijst: markeer het één keer in deze "
                    "stap, als [wachtwoorden]")]


def test_marks_belong_in_step_text_and_hint_not_on_tiles_or_in_say(root: Path) -> None:
    _lesson, problems = check(root, ('title = "Een les"', 'title = "Een [wachtwoord]"'),
                              ('text = "Kijk naar de tablet."',
                               'text = "Kijk naar de tablet."\nsay = "Kijk [wachtwoord]."'))
    assert found(problems) == [
        (None, "title", "markeer woorden uit de woordenlijst alleen in de text of hint van "
                        "een stap, niet hier: '[wachtwoord]'"),
        (1, "say", "markeer woorden uit de woordenlijst alleen in de text of hint van een "
                   "stap, niet hier: '[wachtwoord]'")]


def test_the_catalog_holds_the_glossary_by_every_form(root: Path) -> None:
    write(root)
    catalog = load_catalog([root], today=TODAY)
    assert catalog.problems == []
    word = catalog.glossary["wachtwoorden"]
    assert catalog.glossary["wachtwoord"] is word
    assert word.picture == (root / "_pictures" / "woord-wachtwoord.svg").resolve()
    assert word.spoken == "Een wachtwoord is een geheim woord."
    assert catalog.glossary["qr-code"].word == "QR-code"
    assert catalog.glossary["qr-code"].spoken.startswith("Een kuu-er-code")
    assert catalog.glossary["qr-code"].picture is None


def test_problems_in_the_glossary_file_are_reported(root: Path) -> None:
    (root / "_woordenlijst.toml").write_text(GLOSSARY + """
[[word]]
word = "Wachtwoorden"
explain = "Dubbel."

[[word]]
word = "link"
explain = "Een link brengt je verder."
picture = "_pictures/bestaat-niet.svg"
kleur = "blauw"
""", encoding="utf-8")
    write(root)
    catalog = load_catalog([root], today=TODAY)
    glossary = root / "_woordenlijst.toml"
    assert [(p.file, p.key, p.message) for p in catalog.errors] == [
        (glossary, "word[3]", "'Wachtwoorden' staat al in de woordenlijst"),
        (glossary, "word[4]", "onbekende sleutel 'kleur' bij een woord"),
        (glossary, "word[4]", "het bestand '_pictures/bestaat-niet.svg' bestaat niet")]
    assert "les" in catalog.lessons and "link" in catalog.glossary


# --- words -------------------------------------------------------------------------------

def test_an_avoided_word_is_an_error_wherever_a_learner_reads_it(root: Path) -> None:
    lesson, problems = check(root, ('hint = "Het is geheim."',
                                    'hint = "Vraag het de begeleiders."'),
                             ('summary = "Een les om te testen."',
                              'summary = "Een les met een Begeleider."'))
    assert lesson is None
    assert found(problems) == [
        (None, "summary", "gebruik het woord 'Begeleider' niet: schrijf 'vrijwilliger'"),
        (3, "hint", "gebruik het woord 'begeleiders' niet: schrijf 'vrijwilliger'")]


def test_quoted_screen_text_is_not_held_to_the_word_rules(root: Path) -> None:
    lesson, problems = check(root, ('text = "Kijk naar de tablet."',
                                    'text = "Het bericht zegt: “Klik hier, begeleider.”"'))
    assert problems == [] and lesson is not None


def test_a_tablet_lesson_says_tik_and_never_klik(root: Path) -> None:
    lesson, problems = check(root, ('hint = "Het is geheim."',
                                    'hint = "Klik eerst op het veld."'))
    assert lesson is None
    assert found(problems) == [(3, "hint", (
        "deze les gaat over een tablet of telefoon: schrijf tik, niet 'Klik' (een les over een "
        "computer heeft device = \"computer\")"))]


def test_a_computer_lesson_says_klik_and_never_tik(root: Path) -> None:
    computer = ('level = 1\n', 'level = 1\ndevice = "computer"\n')
    lesson, problems = check(root, computer)
    assert lesson is None
    assert found(problems) == [(2, "text", (
        "deze les gaat over een computer: schrijf klik (muis) of typ (toetsenbord), niet 'Tik'"))]
    lesson, problems = check(root, computer, ('text = "Tik op Instellingen."',
                                              'text = "Klik op Instellingen."'))
    assert problems == [] and lesson is not None and lesson.device == "computer"
    _lesson, problems = check(root, ('level = 1\n', 'level = 1\ndevice = "laptop"\n'))
    assert found(problems) == [(None, "device", "gebruik een van: tablet, phone, computer")]


def test_files_and_folders_starting_with_an_underscore_are_no_lessons(root: Path) -> None:
    write(root)
    (root / "_concept").mkdir()
    shutil.copy(root / "les" / "lesson.toml", root / "_concept" / "lesson.toml")
    catalog = load_catalog([root], today=TODAY)
    assert list(catalog.lessons) == ["les"] and catalog.problems == []


# --- facts -------------------------------------------------------------------------------

FACT = """
[facts.eigen-risico]
value = "€ 385"
checked = 2026-11-20
source = "https://www.rijksoverheid.nl/onderwerpen/zorgverzekering"
"""


def test_a_fact_is_filled_in_wherever_a_text_uses_it(root: Path) -> None:
    lesson, problems = check(root, ("[[steps]]", FACT + "\n[[steps]]"),
                             ('recap = ["Je opent Instellingen.",',
                              'recap = ["Het eigen risico is {eigen-risico}.",'),
                             ('hint = "Het is geheim."', 'hint = "Niet {eigen-risico}."'))
    assert problems == [] and lesson is not None
    assert lesson.recap[0] == "Het eigen risico is € 385."
    assert lesson.steps[2].hint == "Niet € 385."
    assert lesson.facts_checked == (("eigen-risico", date(2026, 11, 20)),)


def test_an_unknown_fact_is_an_error_and_an_unused_one_a_warning(root: Path) -> None:
    lesson, problems = check(root, ("[[steps]]", FACT + "\n[[steps]]"),
                             ('hint = "Het is geheim."', 'hint = "Niet {eigen-bijdrage}."'))
    assert lesson is None
    assert found(problems) == [(3, "hint", "'{eigen-bijdrage}' is geen feit van deze les; zet "
                                           "het onder [facts.eigen-bijdrage]")]
    assert found(problems, warning=True) == [
        (None, "facts.eigen-risico", "het feit 'eigen-risico' staat in geen enkele tekst")]


def test_a_fact_needs_its_value_date_and_source(root: Path) -> None:
    _lesson, problems = check(root, ("[[steps]]", FACT.replace(
        'checked = 2026-11-20\n', "") + "\n[[steps]]"))
    assert found(problems) == [
        (None, "facts.eigen-risico", "'checked' moet een datum zijn zoals 2026-12-02 (zonder "
                                     "aanhalingstekens)")]


def test_a_fact_checked_over_a_year_ago_is_a_warning(root: Path) -> None:
    write(root, ("[[steps]]", FACT.replace("2026-11-20", "2025-01-31") + "\n[[steps]]"),
          ('hint = "Het is geheim."', 'hint = "Niet {eigen-risico}."'))
    catalog = load_catalog([root], today=TODAY)
    assert [(p.key, p.warning, p.message) for p in catalog.problems] == [
        ("facts.eigen-risico", True, "dit feit is voor het laatst nagekeken op 2025-01-31, "
                                     "meer dan een jaar geleden: kijk het opnieuw na")]


# --- schema ------------------------------------------------------------------------------

def test_the_json_schema_knows_the_new_keys() -> None:
    schema = json_schema()
    properties = schema["properties"]
    source = properties["sources"]["items"]
    assert source["properties"]["checked"] == {"type": "string", "format": "date"}
    assert source["required"] == ["title", "organisation", "url", "checked"]
    assert {"sources", "recap"} <= set(schema["required"])
    assert properties["recap"]["maxItems"] == 3
    assert properties["device"] == {"enum": ["tablet", "phone", "computer"]}
    fact = properties["facts"]["additionalProperties"]
    assert fact["properties"]["checked"]["format"] == "date"
    variants = {v["properties"]["kind"]["const"]: v for v in properties["steps"]["items"]["oneOf"]}
    assert variants["tap"]["properties"]["guided"] == {"type": "boolean"}
    assert "guided" not in variants["explain"]["properties"]
