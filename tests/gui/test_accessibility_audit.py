"""Every learner screen, each step kind, feedback and the end, at 100 % and 200 % text size
and in high contrast, passes the generic audit of DESIGN.md §5."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from oefenplek import i18n
from oefenplek.core.learners import Preferences

from .audit import audit
from .people import (
    click,
    learner_id,
    press_next,
    retype,
    tap_beside_target,
    tap_target,
    tile_named,
    type_text,
)

LOOKS = {
    "normal": Preferences(),
    "200%": Preferences(text_scale=200),
    "high-contrast": Preferences(high_contrast=True),
}


#: Each language at normal and big letters (the looks themselves are checked in Dutch).
RUNS = [("nl", look) for look in LOOKS] + [
    (code, look) for code in sorted(set(i18n.languages()) - {"nl"}) for look in ("normal", "200%")]


@pytest.mark.parametrize(("language", "look"), RUNS, ids=[f"{c}-{lk}" for c, lk in RUNS])
def test_every_learner_screen_passes_the_audit(qtbot, start_app, language: str,
                                               look: str) -> None:
    app = start_app()
    window = app.window
    found: dict[str, list[str]] = {}
    rtl = i18n.is_right_to_left(language)

    def check(state: str, screen: QWidget) -> None:
        assert window.current_screen() is screen, state
        found[state] = audit(window, check_focus=look == "normal" and language == "nl",
                             language=language)
        if screen.isRightToLeft() != rtl:
            found[state].append("the screen does not run in the language's direction")

    if language != "nl":  # chosen on the first screen, by its flag and own name
        click(qtbot, window.picker.languages.buttons[language])
    check("picker, empty", window.picker)
    click(qtbot, window.picker.new_tile)
    check("new learner: name", window.new_learner)
    type_text(qtbot, window.new_learner.name, "Fatima")
    click(qtbot, window.new_learner.next)
    assert window.new_learner.pages.currentIndex() == 1
    check("new learner: picture", window.new_learner)
    click(qtbot, window.new_learner.back)
    click(qtbot, window.new_learner.back)
    assert window.current_screen() is window.picker
    assert app.repository.learners() == []  # going back stores nobody
    click(qtbot, window.picker.new_tile)
    type_text(qtbot, window.new_learner.name, "Fatima")
    click(qtbot, window.new_learner.next)
    click(qtbot, window.new_learner.avatar_tiles["cat"])
    click(qtbot, window.new_learner.next)
    click(qtbot, window.lessons.look)
    preferences = window.preferences
    wanted = LOOKS[look]
    click(qtbot, preferences.sizes[wanted.text_scale])
    if wanted.high_contrast:
        click(qtbot, preferences.strong)
    check("preferences", preferences)
    click(qtbot, preferences.ready)
    assert app.repository.learner(learner_id(app, "Fatima")).preferences == wanted
    check("lessons", window.lessons)
    lessons = window.lessons
    if lessons.to_themes.isVisible():
        click(qtbot, lessons.to_themes)
    click(qtbot, lessons.theme_buttons["tablet"])
    click(qtbot, tile_named(lessons.lesson_tiles, "Proefles"))
    check("lesson start: the goal", window.lesson_start)
    click(qtbot, window.lesson_start.begin)
    player = window.player
    check("step: explain", player)
    press_next(qtbot, app)
    check("step: tap", player)
    tap_beside_target(qtbot, app)
    check("tap: first wrong try, hint", player)
    tap_beside_target(qtbot, app)
    check("tap: answer shown", player)
    tap_target(qtbot, app)
    check("tap: right", player)
    press_next(qtbot, app)
    check("step: type, Nu zelf", player)
    for _try in range(2):
        retype(qtbot, player.view.field, "bieb")
        click(qtbot, player.view.ok)
    check("type, Nu zelf: the answer under the field", player)
    retype(qtbot, player.view.field, "Bieb2024")
    click(qtbot, player.view.ok)
    press_next(qtbot, app)
    check("step: choose", player)
    click(qtbot, player.view.buttons[0])
    check("choose: wrong, with the option's feedback", player)
    click(qtbot, player.view.buttons[1])
    press_next(qtbot, app)
    check("step: order", player)
    for item in range(3):
        click(qtbot, player.view.buttons[item])
    click(qtbot, player.view.ok)
    press_next(qtbot, app)
    check("step: practise", player)
    click(qtbot, player.help)
    found["help question"] = audit(window.ask_help, check_focus=False, language=language)
    click(qtbot, window.ask_help.yes)
    check("help is coming", player)
    click(qtbot, player.view.done)
    press_next(qtbot, app)
    check("recap", window.recap)
    click(qtbot, window.recap.next)
    check("end", window.end)
    problems = [f"{state}: {problem}" for state, listed in found.items() for problem in listed]
    assert not problems, "\n".join(problems)
