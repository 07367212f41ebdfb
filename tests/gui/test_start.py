"""Starting the app as a person does: the picker with their picture is on screen before the
database layer has loaded, and a tap right after is handled once the rest is built."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from oefenplek.storage.db import Database, database_url
from oefenplek.storage.repository import Repository

from ..conftest import REPO

CHILD = r"""
import json, sys
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from oefenplek.gui.main_window import MainWindow

seen = {}

def first_paint(self, _show=MainWindow.show):
    _show(self)
    seen["painted"] = [tile.title.text() for tile in self.picker.tiles.values()]
    seen["sqlalchemy_then"] = "sqlalchemy" in sys.modules
    for tile in self.picker.tiles.values():
        tile.setProperty("painted_first", True)

def tap(widget):
    # As the window system delivers it: queued behind what the app already planned.
    centre = QPointF(widget.rect().center())
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
        QApplication.postEvent(widget, QMouseEvent(
            kind, centre, widget.mapToGlobal(centre), Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))

def run(*_args):
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    for tile in list(window.picker.tiles.values())[:1]:
        tap(tile)  # a tap before the rest is built
    QApplication.processEvents()
    QApplication.processEvents()
    seen["kept"] = [bool(tile.property("painted_first"))
                    for tile in window.picker.tiles.values()]
    import linecache
    seen["sources_kept"] = sorted({name.split("site-packages")[-1].split("/")[1]
                                   for name in linecache.cache if "site-packages" in name})
    seen["after_tap"] = window.current_screen() is getattr(window, "lessons", None)
    seen["title"] = window.lessons.title.text() if window.completed else ""
    print("RESULT", json.dumps(seen), flush=True)
    return 0

MainWindow.show = first_paint
QApplication.exec = run
from oefenplek.cli import main
sys.exit(main([]))
"""


def start(home: Path) -> dict[str, object]:
    env = {**os.environ, "OEFENPLEK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
           "OEFENPLEK_SPEECH_ENGINE": "mock"}
    env.pop("OEFENPLEK_DATABASE_URL", None)
    done = subprocess.run([sys.executable, "-c", CHILD], env=env, cwd=REPO, text=True,
                          capture_output=True, timeout=120)
    line = next((line for line in done.stdout.splitlines() if line.startswith("RESULT ")), "")
    assert done.returncode == 0 and line, done.stdout + done.stderr
    return dict(json.loads(line.removeprefix("RESULT ")))


def test_the_picker_shows_before_the_database_layer_and_a_quick_tap_counts(
        home: Path) -> None:
    home.mkdir(parents=True)
    database = Database(database_url(home / "oefenplek.sqlite3"))
    Repository(database).add_learner("Fatima", "vlinder")
    database.close()
    seen = start(home)
    assert seen["painted"] == ["Fatima"]
    assert seen["sqlalchemy_then"] is False
    assert seen["kept"] == [True]  # the database's learners are the same: not drawn again
    # PySide6 no longer reads (and keeps) the source of what is imported after the picker.
    assert "sqlalchemy" not in seen["sources_kept"], seen["sources_kept"]
    assert seen["after_tap"] is True and seen["title"] == "Hallo Fatima! Kies een les."


def test_a_new_location_starts_on_an_empty_picker(home: Path) -> None:
    seen = start(home)
    assert seen["painted"] == [] and seen["sqlalchemy_then"] is False
    assert (home / "oefenplek.sqlite3").is_file()  # made by the full start that followed

