"""Issue 16 in the player: the goal before the first step, Nu zelf steps that show the way
only after two tries, glossary words that open their explanation, and the recap at the end.

Played on a small lesson written here, so the shipped lessons may change freely; each test
runs in the normal look and in black and yellow, and leaves a picture of what the learner
saw in /work/notes/shots/ (when that folder is there) for a person to look at.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from oefenplek.app import Running
from oefenplek.gui import theme

from ..conftest import FIXTURES
from .people import (
    add_new_learner,
    answer_step_right,
    click,
    count_rows,
    open_lesson,
    press_next,
    tap_beside_target,
    type_text,
    visible_text,
)

SHOTS = Path("/work/notes/shots")

LESSON = """\
schema_version = 1
id = "app-openen"
icon = "../_screens/tablet.svg"
version = 1
theme = "tablet"
title = "Een app openen"
summary = "Je opent een app op de tablet."
minutes = 5
level = 1
can_do = ["Ik kan een app openen.", "Ik kan een wachtwoord typen."]
sources = [
  {{ title = "Uitleg", organisation = "Bieb", url = "https://example.org", checked = {today} }},
]
recap = ["Een app open je met een tik.", "Een wachtwoord typ je precies over."]

[[steps]]
kind = "explain"
text = "Op een tablet staan [apps]."
screen = "../_screens/tablet.svg"

[[steps]]
kind = "tap"
text = "Tik op de [app] Instellingen."
screen = "../_screens/tablet.svg"
target = "app-instellingen"
hint = "Instellingen is het grijze rondje."

[[steps]]
kind = "type"
text = "Typ het wachtwoord: Bieb2024"
answer = "Bieb2024"
match_case = true
hint = "Let op de hoofdletter B."
guided = false

[[steps]]
kind = "choose"
text = "Welke [app] maakt foto's?"
hint = "Een foto maak je met de camera."
guided = false
options = [
  {{ text = "Instellingen" }},
  {{ text = "Camera", correct = true }},
]

[[steps]]
kind = "tap"
text = "Open de camera."
screen = "../_screens/tablet.svg"
target = "app-camera"
hint = "De camera is het donkere vierkant."
guided = false
"""

GLOSSARY = """\
[[word]]
word = "app"
forms = ["apps"]
explain = "Een app is een programma op je tablet of telefoon."
picture = "_pictures/woord-app.svg"
"""

PICTURE = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 80">
  <rect x="10" y="10" width="40" height="40" rx="8" fill="#124A99"/>
  <rect x="70" y="10" width="40" height="40" rx="8" fill="#1E7A3C"/>
</svg>
"""


@pytest.fixture
def lessons(tmp_path: Path) -> Path:
    """A folder with one lesson, a glossary with one word and its picture."""
    root = tmp_path / "lessons"
    (root / "app-openen").mkdir(parents=True)
    (root / "_pictures").mkdir()
    shutil.copytree(FIXTURES / "lessons" / "_screens", root / "_screens")
    (root / "themes.toml").write_text(
        '[[themes]]\nid = "tablet"\ntitle = "Tablet en telefoon"\n', encoding="utf-8")
    (root / "app-openen" / "lesson.toml").write_text(
        LESSON.format(today=datetime.date.today().isoformat()), encoding="utf-8")
    (root / "_woordenlijst.toml").write_text(GLOSSARY, encoding="utf-8")
    (root / "_pictures" / "woord-app.svg").write_text(PICTURE, encoding="utf-8")
    return root


@pytest.fixture(params=["normal", "zwart-geel"])
def look(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def start(qtbot, start_app, lessons: Path, look: str, read_by_itself: bool = False
          ) -> Running:
    """Fatima is new; she picks her colours (and maybe "read every step") first."""
    app = start_app([lessons])
    assert "app-openen" in app.catalog.lessons, [str(p) for p in app.catalog.errors]
    add_new_learner(qtbot, app, "Fatima", "kat")
    window = app.window
    if look != "normal" or read_by_itself:
        click(qtbot, window.lessons.look)
        if look != "normal":
            click(qtbot, window.preferences.strong)
        if read_by_itself:
            click(qtbot, window.preferences.read_auto)
        click(qtbot, window.preferences.ready)
    return app


def shot(widget: QWidget, name: str, look: str) -> None:
    """A picture of what the learner sees, for a person to check (not compared here)."""
    if SHOTS.is_dir():
        QApplication.processEvents()
        assert widget.grab().save(str(SHOTS / f"{name}-{look}.png"))


def tap_lesson_tile(qtbot, app: Running) -> None:
    lessons = app.window.lessons
    click(qtbot, lessons.theme_buttons["tablet"])
    click(qtbot, lessons.lesson_tiles["app-openen"])


def go_to_step(qtbot, app: Running, number: int) -> None:
    """From step 1, answer right and go on until step `number` is on screen."""
    player = app.window.player
    while player.dots.label.text() != f"stap {number} van 5":
        if player.view.step.kind != "explain":
            answer_step_right(qtbot, app)
        press_next(qtbot, app)


def test_the_lesson_starts_with_what_you_can_do_after_it(qtbot, start_app, lessons,
                                                         look) -> None:
    app = start(qtbot, start_app, lessons, look)
    window = app.window
    tap_lesson_tile(qtbot, app)
    start_screen = window.lesson_start
    assert window.current_screen() is start_screen
    seen = visible_text(start_screen)
    assert start_screen.title.text() == "Een app openen"
    assert "Dit kun je straks:" in seen
    assert "Ik kan een app openen." in seen and "Ik kan een wachtwoord typen." in seen
    assert "Deze les heeft 5 stappen." in seen
    assert count_rows(app, "lesson_run") == 0  # looking at the goal is not starting
    shot(window, "start", look)
    click(qtbot, start_screen.listen)
    assert app.services.speaker.last_text == (
        "Een app openen Dit kun je straks: Ik kan een app openen. "
        "Ik kan een wachtwoord typen. Deze les heeft 5 stappen.")
    # Back to the lessons leaves nothing behind; Enter on the start screen begins.
    click(qtbot, start_screen.to_lessons)
    assert window.current_screen() is window.lessons and count_rows(app, "lesson_run") == 0
    click(qtbot, window.lessons.lesson_tiles["app-openen"])
    assert start_screen.begin.hasFocus()
    qtbot.keyClick(start_screen.begin, Qt.Key.Key_Return)
    assert window.current_screen() is window.player
    assert window.player.dots.label.text() == "stap 1 van 5"
    assert count_rows(app, "lesson_run") == 1
    # Stopped half way, the lesson opens again at its step: the goal was seen already.
    click(qtbot, window.player.stop)
    click(qtbot, window.lessons.lesson_tiles["app-openen"])
    assert window.current_screen() is window.player


def test_a_goal_is_read_by_itself_for_who_chose_that(qtbot, start_app, lessons) -> None:
    app = start(qtbot, start_app, lessons, "normal", read_by_itself=True)
    tap_lesson_tile(qtbot, app)
    assert app.window.current_screen() is app.window.lesson_start
    assert app.services.speaker.last_text.startswith("Een app openen Dit kun je straks:")


def test_nu_zelf_shows_the_hint_first_and_the_place_after_two_tries(qtbot, start_app,
                                                                     lessons, look) -> None:
    app = start(qtbot, start_app, lessons, look)
    open_lesson(qtbot, app, "Een app openen")
    player = app.window.player
    go_to_step(qtbot, app, 2)
    # A guided step: no sign; two wrong taps give the hint, then the orange frame (as ever).
    assert not player.own.isVisible()
    tap_beside_target(qtbot, app)
    assert "Instellingen is het grijze rondje." in player.feedback_text.plain_text()
    tap_beside_target(qtbot, app)
    assert player.view.screen.highlight == "reveal"
    answer_step_right(qtbot, app)
    press_next(qtbot, app)

    # Nu zelf, typing: the hint after one wrong try, the answer under the field after two.
    assert player.own.isVisible() and "Nu zelf" in visible_text(player)
    view = player.view
    type_text(qtbot, view.field, "bieb")
    qtbot.keyClick(view.field, Qt.Key.Key_Return)
    assert "Let op de hoofdletter B." in player.feedback_text.plain_text()
    assert not view.shown_answer.isVisible()
    qtbot.keyClick(view.field, Qt.Key.Key_Return)  # the same wrong word once more
    assert view.shown_answer.isVisible() and "Bieb2024" in view.shown_answer.text()
    assert "onder het vak" in player.feedback_text.plain_text()
    answer_step_right(qtbot, app)
    press_next(qtbot, app)

    # Nu zelf, choosing: after two wrong answers the right one is marked.
    click(qtbot, player.view.buttons[0])
    assert "Een foto maak je met de camera." in player.feedback_text.plain_text()
    click(qtbot, player.view.buttons[0])
    assert player.view.buttons[1].property("state") == "right"
    assert player.next.isEnabled()
    press_next(qtbot, app)

    # Nu zelf, tapping: no frame after one wrong tap, only the hint; a thick frame and
    # "Hier is het." after the second.
    assert player.own.isVisible()
    screen = player.view.screen
    tap_beside_target(qtbot, app)
    assert screen.highlight is None
    assert "De camera is het donkere vierkant." in player.feedback_text.plain_text()
    assert not player.next.isEnabled()
    tap_beside_target(qtbot, app)
    assert screen.highlight == "show" and "Hier is het." in screen.accessibleDescription()
    assert "hier is het" in player.feedback_text.plain_text()
    assert player.next.isEnabled()
    shot(app.window, "nu-zelf-twee-keer-mis", look)
    # Every answer is kept with whether its step was guided.
    assert count_rows(app, "attempt", "guided") == 3  # step 2: two wrong taps, one right
    assert count_rows(app, "attempt", "NOT guided") == 7
    # The frame is drawn where the camera is: a pixel on the frame has the frame's colour.
    image = screen.grab().toImage()
    ring = screen.to_widget(screen.element_rect("app-camera")).adjusted(-12, -12, 12, 12)
    edge = QPoint(round(ring.center().x()), round(ring.top()))
    assert image.pixelColor(edge).name().lower() == theme.current.palette.primary.lower()


def test_a_glossary_word_opens_by_tap_and_by_keyboard(qtbot, start_app, lessons,
                                                       look) -> None:
    app = start(qtbot, start_app, lessons, look)
    open_lesson(qtbot, app, "Een app openen")
    window, player = app.window, app.window.player
    instruction = player.instruction
    assert instruction.plain_text() == "Op een tablet staan apps."
    assert "apps" in instruction.text() and "<a " in instruction.text()  # marked
    shot(window, "woord-in-stap", look)
    click(qtbot, player.listen)  # read aloud without the brackets
    assert app.services.speaker.last_text == "Op een tablet staan apps."

    # With the keyboard: Tab until the word has the focus, then Enter.
    for _press in range(12):
        if instruction.hasFocus() and instruction.selectedText() == "apps":
            break
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
    assert instruction.hasFocus() and instruction.selectedText() == "apps"
    qtbot.keyClick(instruction, Qt.Key.Key_Return)
    dialog = window.word_dialog
    assert dialog.isVisible() and dialog.word.text() == "app"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()

    # A tap on the word opens its window: the word, its picture, the sentence.
    [(key, place)] = instruction.word_rects()
    assert key == "apps"
    qtbot.mouseClick(instruction, Qt.MouseButton.LeftButton, pos=place.center().toPoint())
    assert dialog.isVisible()
    assert dialog.word.text() == "app"
    assert dialog.explain.text() == "Een app is een programma op je tablet of telefoon."
    assert dialog.picture.isVisible() and not dialog.picture.pixmap().isNull()
    shot(dialog, "woord", look)
    click(qtbot, dialog.listen)
    assert app.services.speaker.last_text == (
        "app. Een app is een programma op je tablet of telefoon.")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and window.current_screen() is player

    # A short word is easy to hit: a tap just under it counts too.
    below = place.center().toPoint() + QPoint(0, round(place.height() / 2) + 6)
    qtbot.mouseClick(instruction, Qt.MouseButton.LeftButton, pos=below)
    assert dialog.isVisible()
    click(qtbot, dialog.close_button)
    assert not dialog.isVisible()


def test_the_word_being_read_is_marked_also_inside_a_glossary_word(qtbot, start_app,
                                                                    lessons) -> None:
    app = start(qtbot, start_app, lessons, "normal")
    open_lesson(qtbot, app, "Een app openen")
    player, speaker = app.window.player, app.services.speaker
    go_to_step(qtbot, app, 2)
    said: list[tuple[str, str]] = []
    speaker.word_spoken.connect(lambda start, length: said.append(
        (speaker.last_text[start:start + length], player.instruction.text())))
    with qtbot.waitSignal(speaker.finished, timeout=10_000):
        click(qtbot, player.listen)
    assert [word for word, _shown in said] == ["Tik", "op", "de", "app", "Instellingen"]
    shown = dict(said)["app"]  # the glossary word stays a link, with the mark inside it
    assert '<a href="app"' in shown and '<span style="background-color' in shown
    assert shown.split("<span")[1].split("</span>")[0].endswith(">app")
    assert player.instruction.plain_text() == "Tik op de app Instellingen."
    assert "<span" not in player.instruction.text()  # unmarked at the end


def test_the_recap_comes_after_the_last_step_and_before_the_praise(qtbot, start_app, lessons,
                                                                    look) -> None:
    app = start(qtbot, start_app, lessons, look, read_by_itself=True)
    open_lesson(qtbot, app, "Een app openen")
    window = app.window
    player = window.player
    while window.current_screen() is player:
        if player.view.step.kind != "explain":
            answer_step_right(qtbot, app)
        press_next(qtbot, app)
    recap = window.recap
    assert window.current_screen() is recap
    seen = visible_text(recap)
    assert "Dit weet je nu:" in seen
    assert "Een app open je met een tik." in seen
    assert "Een wachtwoord typ je precies over." in seen
    assert app.services.speaker.last_text == (
        "Dit weet je nu: Een app open je met een tik. Een wachtwoord typ je precies over.")
    shot(window, "samenvatting", look)
    assert recap.next.hasFocus()
    qtbot.keyClick(recap.next, Qt.Key.Key_Return)
    assert window.current_screen() is window.end
    assert "Goed gedaan, Fatima!" in window.end.title.text()
