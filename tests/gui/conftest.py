"""GUI test helpers: the real app, built as `oefenplek` builds it, on fixture lessons."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from oefenplek.app import Running, build
from oefenplek.core.lessons import load_catalog
from oefenplek.gui import theme


@pytest.fixture(autouse=True)
def left_to_right(qapp: QApplication) -> Iterator[None]:
    """A test that chose Arabic leaves the next one a window that reads left to right."""
    yield
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.fixture
def start_app(qapp: QApplication, qtbot, fixture_lessons: Path) -> Iterator[Callable[..., Running]]:
    """Start the app like a person would; call it again to 'start it again days later'."""
    qapp.setStyleSheet(theme.stylesheet())
    started: list[Running] = []

    def start(lessons: list[Path] | None = None) -> Running:
        running = build(load_catalog(lessons or [fixture_lessons]))
        qtbot.addWidget(running.window)
        running.window.resize(1366, 768)
        running.window.show()
        qtbot.waitExposed(running.window)
        with qtbot.waitActive(running.window):
            running.window.activateWindow()
        started.append(running)
        return running

    yield start
    for running in started:
        running.database.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def each_database(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """A journey runs on the embedded SQLite file and on a location's PostgreSQL database
    (a new, empty one on the test server), as a location may use either."""
    if request.param == "postgresql":
        monkeypatch.setenv("OEFENPLEK_DATABASE_URL", request.getfixturevalue("postgres_url"))
    return str(request.param)
