"""The real app in its own process, with a learner playing lessons as fast as she can, for
the tests that kill the app or run two copies of it (test_hard_stops.py).

    python -m tests.gui.lesson_child LESSONS NAME SECONDS

Offscreen, with the mock voice, in the data folder of OEFENPLEK_HOME. The learner picks her
tile (or is added the first time), opens the Proefles and answers step after step, lesson
after lesson, through the widgets. Every line on stdout is said only after what it tells
was saved (the app saves before it shows):

    RESUMED <run> <position>    the lesson opened at this step
    AT <run> <position>         on this step (a new run: saved)
    ANSWERED <run> <position>   the answer on this step is saved
    GOING <run> <position>      about to move to this step (in flight)
    FINISHING <run>             about to finish the run (in flight)
    FINISHED <run>              the run is finished
    PROBLEM <sentence>          the app told the person something went wrong
    DONE <answers>              SECONDS are over (never when killed)
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


class Bot:
    """What tests/gui/people.py asks of pytest-qt's qtbot, done with QTest."""

    mouseClick = staticmethod(QTest.mouseClick)
    keyClick = staticmethod(QTest.keyClick)
    keyClicks = staticmethod(QTest.keyClicks)

    def waitUntil(self, check: Callable[[], object], timeout: int = 2000) -> None:
        deadline = time.monotonic() + timeout / 1000
        while not check():
            if time.monotonic() > deadline:
                raise TimeoutError("waited too long")
            QApplication.processEvents()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def say(*words: object) -> None:
    print(*words, flush=True)


def main(lessons: str, name: str, seconds: float) -> int:
    app = QApplication([])
    from oefenplek.app import build
    from oefenplek.core.lessons import load_catalog
    from oefenplek.gui import theme
    from tests.gui import people

    app.setStyleSheet(theme.stylesheet())
    running = build(load_catalog([Path(lessons)]))
    window = running.window
    window.resize(1366, 768)
    window.show()
    for show in ("show_problem", "show_notice"):  # what the person would read in a box
        told = getattr(window, show)
        setattr(window, show, lambda text, told=told: (say("PROBLEM", text.replace(
            "\n", " ")), told(text)))
    learner = running.controllers[0]
    bot = Bot()
    if any(tile.title.text() == name for tile in window.picker.tiles.values()):
        people.choose_learner(bot, running, name)
    else:
        people.add_new_learner(bot, running, name, "vlinder")
    people.open_lesson(bot, running, "Proefles")
    say("RESUMED", learner.record.id, learner.run.position)
    answers, deadline = 0, time.monotonic() + seconds
    while time.monotonic() < deadline:
        people.past_the_recap(bot, running)
        if window.current_screen() is window.end:
            people.click(bot, window.end.to_lessons)
            people.open_lesson(bot, running, "Proefles")
            say("AT", learner.record.id, learner.run.position)
        run, record = learner.run, learner.record
        position = run.position
        if run.step.kind != "explain":
            people.answer_step_right(bot, running)
            answers += 1
            say("ANSWERED", record.id, position)
        if run.is_last:
            say("FINISHING", record.id)
            people.press_next(bot, running)
            say("FINISHED", record.id)
        else:
            say("GOING", record.id, position + 1)
            people.press_next(bot, running)
            assert learner.run.position == position + 1
            say("AT", record.id, position + 1)
    say("DONE", answers)
    running.database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], float(sys.argv[3])))
