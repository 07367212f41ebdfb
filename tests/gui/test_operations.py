"""The coordinator's log: a failing timer read is written once a minute, not every tick."""

from __future__ import annotations

from pathlib import Path

from oefenplek.gui.operations import Operations
from oefenplek.storage.errors import not_saved


def failing(error: Exception):
    def action() -> None:
        raise error
    return action


def test_the_same_failure_is_logged_once_and_a_new_one_at_once(tmp_path: Path) -> None:
    ops, told = Operations(tmp_path), []
    for _tick in range(40):
        assert not ops.run(failing(not_saved("database is locked")), told.append)
    assert not ops.run(failing(OSError(28, "No space left on device")), told.append)
    lines = (tmp_path / "oefenplek.log").read_text(encoding="utf-8").splitlines()
    assert len(told) == 41  # the person is told every time they act
    assert len(lines) == 2 and "database is locked" in lines[0] and "No space" in lines[1]
