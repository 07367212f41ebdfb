"""Test settings: Qt offscreen, the mock speech engine, and a fresh data folder per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["OEFENPLEK_SPEECH_ENGINE"] = "mock"
os.environ.pop("OEFENPLEK_DATABASE_URL", None)

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own data folder, so no test sees another's learners."""
    folder = tmp_path / "home"
    monkeypatch.setenv("OEFENPLEK_HOME", str(folder))
    from oefenplek import i18n

    i18n.set_language("nl")
    return folder


@pytest.fixture
def fixture_lessons() -> Path:
    return FIXTURES / "lessons"
