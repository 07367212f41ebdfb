"""Importing the core stays light, and screens read without Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from oefenplek.core.lessons import svg


def test_core_loads_neither_qt_nor_sqlalchemy() -> None:
    code = (
        "import sys, oefenplek.core, oefenplek.core.engine, oefenplek.core.lessons, "
        "oefenplek.core.progress, oefenplek.core.learners, oefenplek.core.pronunciation\n"
        "from oefenplek.core.lessons import load_catalog\n"
        "heavy = ('PySide6', 'sqlalchemy', 'alembic')\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in heavy]\n"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_layers_are_shown_and_hidden_by_id(fixture_lessons: Path) -> None:
    screen = fixture_lessons / "_screens" / "tablet.svg"
    assert {"app-instellingen", "vinkje"} <= svg.element_ids(screen)
    plain = svg.with_layers(screen).decode()
    shown = svg.with_layers(screen, show=("vinkje",), hide=("app-camera",)).decode()
    assert 'id="vinkje" display="none"' in plain
    assert 'id="vinkje" display="none"' not in shown
    assert 'display="none" id="app-camera"' in shown or 'id="app-camera"' in shown
    assert shown.count('display="none"') == 1


def test_tappable_places_follow_the_shown_layers(fixture_lessons: Path) -> None:
    screen = fixture_lessons / "_screens" / "tablet.svg"
    assert svg.tappable_ids(screen) == ["app-instellingen", "app-camera"]
    assert svg.tappable_ids(screen, hide=("app-camera",)) == ["app-instellingen"]
