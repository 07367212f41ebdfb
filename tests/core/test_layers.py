"""Simulated screens read without Qt: layers shown and hidden by id."""

from __future__ import annotations

import re
from pathlib import Path

from oefenplek.core.lessons import svg


def test_layers_are_shown_and_hidden_by_id(fixture_lessons: Path) -> None:
    screen = fixture_lessons / "_screens" / "tablet.svg"
    assert {"app-instellingen", "vinkje"} <= svg.element_ids(screen)
    plain = svg.with_layers(screen).decode()
    shown = svg.with_layers(screen, show=("vinkje",), hide=("app-camera",)).decode()
    assert 'id="vinkje" display="none"' in plain
    assert 'id="vinkje" display="none"' not in shown
    camera = re.search(r'<g [^>]*id="app-camera"[^>]*>', shown)
    assert camera is not None and 'display="none"' in camera.group(0)  # hidden by its id
    assert shown.count('display="none"') == 1  # and nothing else


def test_tappable_places_follow_the_shown_layers(fixture_lessons: Path) -> None:
    screen = fixture_lessons / "_screens" / "tablet.svg"
    assert svg.tappable_ids(screen) == ["app-instellingen", "app-camera"]
    assert svg.tappable_ids(screen, hide=("app-camera",)) == ["app-instellingen"]
