"""An answer waiting for room: tried again until it goes through, told once, and a fault
of another kind while it waits is told like any other (never swallowed)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from oefenplek.gui.operations import Operations
from oefenplek.gui.room_wait import WaitForRoom
from oefenplek.storage.errors import not_saved


class Disk:
    """A write that fails with the errors it is given, one per try, then goes through."""

    def __init__(self, *errors: Exception) -> None:
        self.errors, self.tries = list(errors), 0

    def write(self) -> str:
        self.tries += 1
        if self.errors:
            raise self.errors.pop(0)
        return "saved"


def test_an_answer_waits_until_there_is_room_and_is_told_once(qtbot, tmp_path: Path) -> None:
    owner = QObject()
    room = WaitForRoom(Operations(tmp_path), owner, retry_ms=10)
    full = not_saved("database or disk is full")
    disk, done, told, waiting = Disk(full, full, OSError(28, "No space left")), [], [], []
    assert not room.write(disk.write, done.append, told.append, lambda: waiting.append(1))
    assert room.waiting and waiting == [1] and told == []
    # A second answer while one waits is not taken: no second write, no second message.
    assert not room.write(lambda: "other", done.append, told.append, lambda: waiting.append(1))
    qtbot.waitUntil(lambda: done == ["saved"], timeout=2_000)
    assert disk.tries == 4 and not room.waiting and waiting == [1] and told == []


def test_another_fault_while_waiting_is_told_and_the_answer_is_let_go(
        qtbot, tmp_path: Path) -> None:
    owner = QObject()
    room = WaitForRoom(Operations(tmp_path), owner, retry_ms=10)
    disk = Disk(not_saved("database or disk is full"), not_saved("database disk image is "
                                                                 "malformed"))
    done: list[str] = []
    told: list[str] = []
    room.write(disk.write, done.append, told.append, lambda: None)
    qtbot.waitUntil(lambda: bool(told), timeout=2_000)
    assert len(told) == 1 and "beschadigd" in told[0] and done == []
    assert not room.waiting
    assert room.write(disk.write, done.append, told.append, lambda: None) and done == ["saved"]


def test_other_faults_are_told_at_once_and_do_not_wait(tmp_path: Path) -> None:
    room = WaitForRoom(Operations(tmp_path), QObject())
    told: list[str] = []
    assert not room.write(Disk(not_saved("database is locked")).write, print, told.append,
                          lambda: None)
    assert not room.waiting and len(told) == 1 and "bezig" in told[0]
