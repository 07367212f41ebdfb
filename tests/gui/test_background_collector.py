"""While slow work runs, the objects alive when it began are kept out of the garbage
collector's walks (a full walk stops the window); afterwards they are let back, so garbage
among them is still collected and a week of exports keeps nothing that is not used."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from oefenplek.gui.background import run_in_background


class Node:
    """A small object in a reference cycle: only the cyclic collector can free it."""

    def __init__(self) -> None:
        self.me = self


def waiting_job(gate: threading.Event, seen: list[int]) -> Callable[[object], str]:
    def work(_progress: object) -> str:
        seen.append(gc.get_freeze_count())
        gate.wait(timeout=10)  # bound: a broken test ends by itself
        return "saved"

    return work


def test_garbage_from_before_a_job_is_collected_once_the_jobs_are_over(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: gc.get_freeze_count() == 0)  # no job of an earlier test left
    cycle = Node()
    gone = weakref.ref(cycle)
    first_gate, second_gate = threading.Event(), threading.Event()
    seen: list[int] = []
    results: list[str] = []
    failures: list[BaseException] = []
    run_in_background(waiting_job(first_gate, seen), results.append, failures.append)
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert seen[0] > 0  # the app's objects are out of the collector's walks
    run_in_background(waiting_job(second_gate, seen), results.append, failures.append)
    qtbot.waitUntil(lambda: len(seen) == 2)

    del cycle  # garbage now, but frozen: left alone while the jobs run
    gc.collect()
    assert gone() is not None

    first_gate.set()
    qtbot.waitUntil(lambda: len(results) == 1)
    assert gc.get_freeze_count() > 0  # the second job still runs
    gc.collect()
    assert gone() is not None

    second_gate.set()
    qtbot.waitUntil(lambda: len(results) == 2)
    assert results == ["saved", "saved"] and failures == []
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert gone() is None


def test_a_failed_job_lets_the_objects_back_as_well(qtbot: QtBot) -> None:
    def broken(_progress: object) -> None:
        raise OSError(28, "No space left on device")

    failures: list[BaseException] = []
    run_in_background(broken, lambda _result: None, failures.append)
    qtbot.waitUntil(lambda: len(failures) == 1)
    assert isinstance(failures[0], OSError)
    assert gc.get_freeze_count() == 0
