"""Reading lessons: good ones load, broken ones report every problem with file, step and key."""

from __future__ import annotations

from pathlib import Path

from oefenplek.core.lessons import load_catalog, load_lesson
from oefenplek.core.lessons.model import Catalog, Lesson
from oefenplek.core.lessons.readability import readability_problems

from ..conftest import FIXTURES


def test_a_good_lesson_loads_with_all_its_steps(fixture_lessons: Path) -> None:
    lesson, problems = load_lesson(fixture_lessons / "proef-les", fixture_lessons)
    assert [p for p in problems if not p.warning] == []
    assert lesson is not None
    assert [s.kind for s in lesson.steps] == [
        "explain", "tap", "type", "choose", "order", "practise"]
    assert lesson.version == 2
    assert lesson.steps[1].target == "app-instellingen"
    assert lesson.steps[1].screen == (fixture_lessons / "_screens" / "tablet.svg").resolve()
    assert lesson.steps[3].options[1].correct
    assert lesson.steps[5].show == ("vinkje",)
    assert lesson.can_do == ("Ik kan op een app tikken.",)


def test_a_broken_lesson_reports_every_problem_at_once() -> None:
    folder = FIXTURES / "broken" / "kapotte-les"
    lesson, problems = load_lesson(folder, FIXTURES / "broken")
    assert lesson is None
    found = {(p.step, p.kind, p.key) for p in problems if not p.warning}
    assert (None, None, "id") in found  # id is not the folder name
    assert (None, None, "summary") in found  # missing
    assert (None, None, "minutes") in found  # "tien" is not a number
    assert (None, None, "kleur") in found  # unknown key
    assert (1, "tap", "target") in found  # app-wifi is not in the SVG
    assert (2, "choose", "options") in found  # no correct option
    assert (2, "choose", "picture") in found  # missing picture
    assert (3, "explain", "answer") in found  # explain takes no answer
    assert all(p.file == folder / "lesson.toml" for p in problems)
    text = "\n".join(str(p) for p in problems)
    assert "kapotte-les/lesson.toml: step 1 (tap): 'target'" in text
    assert "app-wifi" in text


def test_an_unknown_step_kind_names_file_step_and_key() -> None:
    folder = FIXTURES / "broken" / "onbekend-soort"
    lesson, problems = load_lesson(folder, FIXTURES / "broken")
    assert lesson is None
    [problem] = problems
    assert (problem.step, problem.key) == (1, "kind")
    assert "swipe" in problem.message
    assert str(problem).startswith(str(folder / "lesson.toml") + ": step 1: 'kind'")


def test_a_file_that_is_not_toml_is_one_clear_problem() -> None:
    lesson, problems = load_lesson(FIXTURES / "broken" / "geen-toml", FIXTURES / "broken")
    assert lesson is None
    assert len(problems) == 1
    assert "TOML" in problems[0].message


def test_the_catalog_keeps_the_good_lessons_and_lists_the_bad(fixture_lessons: Path) -> None:
    catalog = load_catalog([fixture_lessons, FIXTURES / "broken"])
    assert set(catalog.lessons) == {"proef-les", "tweede-les"}
    bad_files = {p.file.parent.name for p in catalog.errors}
    assert bad_files == {"kapotte-les", "onbekend-soort", "geen-toml"}
    assert [t.id for t in catalog.themes] == ["tablet", "internet"]
    assert [lesson.id for lesson in catalog.lessons_of("tablet")] == ["proef-les"]


def test_a_requires_that_names_no_lesson_is_reported(tmp_path: Path,
                                                     fixture_lessons: Path) -> None:
    import shutil

    root = tmp_path / "lessen"
    shutil.copytree(fixture_lessons, root)
    toml = root / "tweede-les" / "lesson.toml"
    toml.write_text(toml.read_text().replace('["proef-les"]', '["bestaat-niet"]'))
    (root / "kopie").mkdir()
    (root / "kopie" / "lesson.toml").write_text(
        (root / "proef-les" / "lesson.toml").read_text().replace('id = "proef-les"', 'id = "kopie"')
        .replace('"../_screens', '"../_screens'))
    catalog = load_catalog([root])
    messages = [(p.file.parent.name, p.key) for p in catalog.errors]
    assert ("tweede-les", "requires") in messages


def test_long_sentences_and_many_sentences_are_warnings() -> None:
    assert readability_problems("Tik op de knop. Goed zo.") == []
    long = "Dit is een hele lange zin met veel te veel woorden erin voor iemand die slecht leest."
    assert "17 woorden" in readability_problems(long)[0]
    assert "4 zinnen" in readability_problems("Een. Twee. Drie. Vier.")[0]
    _lesson, problems = load_lesson(FIXTURES / "broken" / "kapotte-les", FIXTURES / "broken")
    warnings = [p for p in problems if p.warning]
    assert [(p.step, p.key) for p in warnings] == [(3, "text")]


def _lesson(lesson_id: str, title: str, level: int = 1, next_id: str | None = None,
            theme: str = "digid") -> Lesson:
    return Lesson(id=lesson_id, version=1, theme=theme, title=title, summary="", minutes=5,
                  level=level, can_do=("Ik kan het.",), steps=(), folder=Path("."),
                  next=next_id)


def test_a_theme_lists_its_lessons_in_the_order_their_next_links_make() -> None:
    lessons = [
        _lesson("aanvragen", "DigiD aanvragen", next_id="app"),
        _lesson("wat", "Wat is DigiD?", next_id="aanvragen"),
        _lesson("app", "Inloggen met de app", level=2, next_id="elders"),
        _lesson("elders", "Een les elders", theme="buurt"),
        _lesson("los", "Alleen", level=3),
        _lesson("kring-b", "B in een kring", level=2, next_id="kring-a"),
        _lesson("kring-a", "A in een kring", level=2, next_id="kring-b"),
    ]
    catalog = Catalog(lessons={lesson.id: lesson for lesson in lessons})

    assert [lesson.id for lesson in catalog.lessons_of("digid")] == [
        "wat", "aanvragen", "app", "los", "kring-a", "kring-b"]
