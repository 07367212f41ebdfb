"""Lesson files have limits: a lesson over one is left out with a clear reason, like any
broken lesson, and the others still load. Each limit is tried just over and just at it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from oefenplek import paths
from oefenplek.core.lessons import load_catalog, load_lesson
from oefenplek.core.lessons.schema import (
    MAX_FILE_BYTES,
    MAX_PICTURE_BYTES,
    MAX_STEPS,
    MAX_TEXT,
)

HEAD = """schema_version = 1
id = "{id}"
version = 1
theme = "tablet"
title = "{title}"
summary = "Een les met grenzen."
minutes = 5
level = 1
can_do = ["Ik kan het."]
recap = ["Je kent de grenzen."]
sources = [
  {{ title = "Bron", organisation = "Wie", url = "https://example.org", checked = 2026-12-01 }},
]
"""
STEP = '\n[[steps]]\nkind = "explain"\ntext = "{text}"\n'
#: Every lesson ends with a step the learner does alone (the Nu zelf part).
CLOSE = ('\n[[steps]]\nkind = "choose"\ntext = "Klaar?"\nguided = false\nhint = "Kies ja."\n'
         'options = [{ text = "Ja", correct = true }, { text = "Nee" }]\n')


@pytest.fixture
def root(tmp_path: Path, fixture_lessons: Path) -> Path:
    """A lessons folder with the fixture lessons (themes, a screen) to add a lesson to."""
    folder = tmp_path / "lessen"
    shutil.copytree(fixture_lessons, folder)
    return folder


def write_lesson(root: Path, lesson_id: str, steps: list[str], title: str = "Grenzen",
                 extra: str = "") -> Path:
    folder = root / lesson_id
    folder.mkdir()
    text = HEAD.format(id=lesson_id, title=title) + extra + "".join(steps) + CLOSE
    (folder / "lesson.toml").write_text(text, encoding="utf-8")
    return folder


def errors(folder: Path, root: Path) -> list[tuple[int | None, str | None, str]]:
    lesson, problems = load_lesson(folder, root)
    found = [(p.step, p.key, p.message) for p in problems if not p.warning]
    assert (lesson is None) == bool(found)
    return found


def test_a_lesson_file_over_256_kb_is_left_out_unread(root: Path) -> None:
    line = "# " + "b" * 1000 + "\n"
    fits = write_lesson(root, "past-net", [STEP.format(text="Kijk.")], extra=line * 200)
    assert errors(fits, root) == []
    count = MAX_FILE_BYTES // len(line) + 1
    folder = write_lesson(root, "te-groot", [STEP.format(text="Kijk.")], extra=line * count)
    assert (folder / "lesson.toml").stat().st_size > MAX_FILE_BYTES
    [(step, key, message)] = errors(folder, root)
    assert (step, key) == (None, None)
    assert message == "het bestand is groter dan 256 KB: maak er twee lessen van"


def test_a_lesson_over_60_steps_is_left_out(root: Path) -> None:
    fits = write_lesson(root, "zestig",
                        [STEP.format(text=f"Stap {n}.") for n in range(MAX_STEPS - 1)])
    assert errors(fits, root) == []
    folder = write_lesson(root, "eenenzestig",
                          [STEP.format(text=f"Stap {n}.") for n in range(MAX_STEPS)])
    [(step, key, message)] = errors(folder, root)
    assert (step, key) == (None, "steps")
    assert "hoogstens 60 stappen" in message and "61" in message


def test_a_text_over_2000_characters_is_left_out_wherever_it_is(root: Path) -> None:
    at_limit = "a" * MAX_TEXT
    fits = write_lesson(root, "lang-genoeg", [STEP.format(text=at_limit)], title=at_limit)
    assert [(s, k) for s, k, _m in errors(fits, root)] == []
    over = "a" * (MAX_TEXT + 1)
    choose = ('\n[[steps]]\nkind = "choose"\ntext = "Kies."\noptions = [\n'
              f'  {{ text = "Ja", correct = true }},\n  {{ text = "{over}" }},\n]\n')
    folder = write_lesson(root, "te-lang", [STEP.format(text="Kijk."), STEP.format(text=over),
                                            choose], title=over,
                          extra=f'ending = "{over}"\n')
    found = errors(folder, root)
    assert {(step, key) for step, key, _m in found} == {
        (None, "title"), (None, "ending"), (2, "text"), (3, "options")}
    assert all(message == "een tekst is langer dan 2000 tekens: maak hem korter"
               for _s, _k, message in found)


def test_a_picture_or_screen_over_2_mb_is_left_out(root: Path) -> None:
    folder = root / "grote-plaat"
    folder.mkdir()
    (folder / "net.png").write_bytes(b"\x89PNG" + b"\0" * (MAX_PICTURE_BYTES - 4))
    (folder / "te-groot.png").write_bytes(b"\x89PNG" + b"\0" * (MAX_PICTURE_BYTES - 3))
    svg = (root / "_screens" / "tablet.svg").read_text(encoding="utf-8")
    padding = "<!--" + "x" * MAX_PICTURE_BYTES + "-->"
    (folder / "scherm.svg").write_text(svg.replace("</svg>", padding + "</svg>"),
                                       encoding="utf-8")
    steps = ['\n[[steps]]\nkind = "explain"\ntext = "Kijk."\npicture = "net.png"\n',
             '\n[[steps]]\nkind = "explain"\ntext = "Kijk."\npicture = "te-groot.png"\n',
             '\n[[steps]]\nkind = "tap"\ntext = "Tik."\nscreen = "scherm.svg"\n'
             'target = "app-instellingen"\nguided = false\nhint = "Zoek het tandwiel."\n']
    (folder / "lesson.toml").write_text(HEAD.format(id="grote-plaat", title="Plaat")
                                        + "".join(steps) + CLOSE, encoding="utf-8")
    found = errors(folder, root)
    assert [(step, key) for step, key, _m in found] == [(2, "picture"), (3, "screen")]
    assert found[0][2] == "het bestand 'te-groot.png' is groter dan 2 MB: maak het kleiner"


def test_the_catalog_leaves_an_over_limit_lesson_out_and_keeps_the_others(
        root: Path) -> None:
    write_lesson(root, "eenenzestig", [STEP.format(text="Stap.")] * MAX_STEPS)
    catalog = load_catalog([root])
    assert set(catalog.lessons) == {"proef-les", "tweede-les"}
    [problem] = catalog.errors
    assert problem.file == root / "eenenzestig" / "lesson.toml"
    assert str(problem).startswith(f"{problem.file}: 'steps'")
    assert str(problem).endswith("een les heeft hoogstens 60 stappen; deze heeft er 61: "
                                 "maak er twee lessen van")


def test_every_shipped_lesson_is_well_within_the_limits() -> None:
    catalog = load_catalog([paths.lessons_dir()])
    assert catalog.errors == [] and len(catalog.lessons) > 30
    for lesson in catalog.lessons.values():
        assert (lesson.folder / "lesson.toml").stat().st_size < MAX_FILE_BYTES / 10
        assert len(lesson.steps) <= MAX_STEPS / 2
        for step in lesson.steps:
            for file in (step.picture, step.screen):
                assert file is None or file.stat().st_size < MAX_PICTURE_BYTES / 10
