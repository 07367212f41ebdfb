"""A week without a restart: a library day and an idle hour leave nothing behind.

The day is acted out through the widgets by tests/gui/library_day.py; the full day (300
lessons and more, with its figures) is `uv run python benchmarks/endurance.py`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from oefenplek import paths

from .library_day import CPU_GOAL_MS, IDLE_OBJECTS, IDLE_RSS_KIB, Driver, LibraryDay, table

SHORT_DAY = 70  # lessons: seven visits of ten
EVERY = 10  # lessons between measurements
WARM_UP = 40  # lessons before the goals count: all three learners came, every action happened
IDLE_REFRESHES = 240  # an hour of the overview at one refresh per 15 s


def short_lessons(catalog, count: int = 8) -> list[str]:
    """The shortest real lessons: the short day is about the app, not about long lessons."""
    by_length = sorted(catalog.lessons.values(), key=lambda lesson: (lesson.step_count, lesson.id))
    return [lesson.id for lesson in by_length[:count]]


def test_a_library_day_leaves_memory_widgets_files_and_connections_as_they_were(
        qtbot, start_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = start_app([paths.lessons_dir()])
    day = LibraryDay(app, SHORT_DAY, short_lessons(app.catalog), tmp_path, every=EVERY,
                     warm_up=WARM_UP, patch=monkeypatch.setattr)
    figures = day.play(Driver(), seconds=300)
    assert [f.lessons for f in figures] == list(range(0, SHORT_DAY + 1, EVERY))
    assert day.visits == SHORT_DAY // 10
    happened = {"right answers", "wrong answers", "listen", "help asked", "help given",
                "letters", "certificates", "printed", "files saved", "reports saved",
                "learner page", "stopped and resumed", "back"}
    assert happened <= {what for what, n in day.done.items() if n}, day.done
    problems = day.problems()
    assert not problems, "\n".join([*problems, table(figures)])


def test_idle_is_idle(qtbot, start_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = start_app([paths.lessons_dir()])
    day = LibraryDay(app, 0, [], tmp_path, patch=monkeypatch.setattr)
    idle = day.idle_hour(Driver(), refreshes=IDLE_REFRESHES, refresh_ms=10,
                         patch=monkeypatch.setattr)
    assert idle.refreshes >= IDLE_REFRESHES
    assert idle.cpu_per_refresh_ms < CPU_GOAL_MS, idle
    assert idle.widgets[1] == idle.widgets[0], idle  # the cards are made anew, not added
    assert idle.objects[1] - idle.objects[0] <= IDLE_OBJECTS, idle
    assert idle.rss_growth_kib < IDLE_RSS_KIB, idle  # what the counts above cannot see
    assert not idle.picker_timer_events, idle  # nobody there: nothing runs at all
    assert idle.picker_active_timers == [], idle
