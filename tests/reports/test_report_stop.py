"""The coordinator stops a report export that takes long: nothing is saved, the screen is
usable again, and the next export works."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from oefenplek.documents import report_exports
from oefenplek.gui import background

from ..gui.conftest import start_app  # noqa: F401  (the real app, as the GUI tests start it)
from ..gui.people import (
    add_new_learner,
    click,
    end_visit,
    open_lesson,
    save_as,
    sign_in_as_coordinator,
)


def test_stop_ends_an_export_and_nothing_is_saved(
        qtbot: Any, start_app: Callable[..., Any],  # noqa: F811
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The export waits at its start until Stop was pressed, so the press always comes in
    # the middle of the writing, however fast this computer is.
    pressed = threading.Event()
    real = report_exports.write_xlsx

    def held_back(*args: Any, **kwargs: Any) -> None:
        assert pressed.wait(10)
        real(*args, **kwargs)

    monkeypatch.setitem(report_exports.WRITERS, "xlsx", held_back)
    app = start_app()
    add_new_learner(qtbot, app, "Anna", "kat")
    open_lesson(qtbot, app, "Proefles")
    end_visit(qtbot, app)
    sign_in_as_coordinator(qtbot, app)
    click(qtbot, app.window.today.reports_button)
    screen = app.window.reports
    qtbot.waitUntil(lambda: screen.total_labels.get("Bezoeken") is not None
                    and screen.total_labels["Bezoeken"].text() == "1", timeout=10000)
    assert not screen.stop_button.isVisible()
    xlsx = next(b for b in screen.export_buttons if b.text() == "XLSX")
    click(qtbot, xlsx)
    target = tmp_path / "rapport.xlsx"
    save_as(qtbot, app.window.save_dialog, target)
    assert screen.progress.isVisible() and screen.stop_button.text() == "Stoppen"
    assert not xlsx.isEnabled()
    click(qtbot, screen.stop_button)
    pressed.set()
    qtbot.waitUntil(lambda: "Gestopt" in screen.status.text(), timeout=10000)
    assert screen.status.text() == "Gestopt. Er is niets opgeslagen."
    assert not target.exists() and not list(tmp_path.glob("*rapport*"))
    assert not screen.stop_button.isVisible() and xlsx.isEnabled()
    # The same export, not stopped, is saved whole.
    click(qtbot, xlsx)
    save_as(qtbot, app.window.save_dialog, target)
    qtbot.waitUntil(lambda: "Opgeslagen" in screen.status.text(), timeout=10000)
    assert target.stat().st_size > 0


def test_stop_while_counting_lets_the_count_go(qtbot: Any,
                                               start_app: Callable[..., Any],  # noqa: F811
                                               ) -> None:
    app = start_app()
    sign_in_as_coordinator(qtbot, app)
    today = app.window.today.reports_button
    qtbot.mouseClick(today, Qt.MouseButton.LeftButton)  # counting starts: this month
    screen = app.window.reports
    assert screen.stop_button.isVisibleTo(screen) and screen.status.text() == "Bezig met tellen…"
    qtbot.mouseClick(screen.stop_button, Qt.MouseButton.LeftButton)
    assert screen.status.text() == "Gestopt." and not screen.progress.isVisibleTo(screen)
    qtbot.waitUntil(lambda: not background._running, timeout=10000)  # the count is over
    assert screen.total_labels == {}  # and what it found is not shown
    click(qtbot, screen.period_buttons[0])  # a period chosen again is counted and shown
    qtbot.waitUntil(lambda: screen.total_labels.get("Bezoeken") is not None, timeout=10000)
    assert screen.total_labels["Bezoeken"].text() == "0"
