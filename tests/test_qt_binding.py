"""The Qt binding keeps its references to None: a guard against PySide6 6.12.0 on Python 3.11.

That release drops one reference of `None` on every Qt call that returns nothing (and one
of True or False on a call that returns a bool, such as a signal's emit()). None's count
falls by one per call until it reaches zero, and hours later the interpreter dies with
"Fatal Python error: none_dealloc". pyproject.toml holds PySide6 below 6.12 on Python 3.11;
this test fails when a lock brings a binding with that bug back. (Checked against 6.12.0:
20,000 calls here move None's count by -16,000 and True's by -4,000.)

On Python 3.12 and newer None, True and False are immortal: their counts are constants that
no call can change. There the same calls run and the test checks that they are immortal.
"""

from __future__ import annotations

import ctypes
import gc
import sys
from collections.abc import Callable

import pytest
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QWidget

CALLS = 20_000  # the broken binding loses one reference per call: this many in all
NOISE = 50  # what the interpreter itself may move a count by meanwhile


class Speaker(QObject):
    said = Signal(str)


def refs_change(call: Callable[[], object], times: int, of: object = None) -> int:
    """How far the reference count of `of` (None) moved while `call` ran `times` times.

    A binding that loses references must fail this test with a message, not end the
    interpreter (none_dealloc, bool_dealloc): extra references to None, True and False are
    held meanwhile, and what the calls lost is given back before they are let go.
    """
    ballast = [None, True, False] * (2 * times)
    gc.collect()
    before = {constant: sys.getrefcount(constant) for constant in (None, True, False)}
    for _ in range(times):
        call()
    after = {constant: sys.getrefcount(constant) for constant in (None, True, False)}
    for constant in (None, True, False):
        for _lost in range(before[constant] - after[constant]):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(constant))
    del ballast
    return after[of] - before[of]


def none_is_immortal() -> bool:
    """True when binding new references to None does not change its count (3.12+)."""
    before = sys.getrefcount(None)
    held = [None] * 1000
    after = sys.getrefcount(None)
    del held
    return after == before


def void_qt_calls(qapp: QApplication) -> list[Callable[[], object]]:
    """Qt calls that return nothing (emit: a bool), as the app makes them all day long."""
    label, widget, thing, timer = QLabel(), QWidget(), QObject(), QTimer()
    speaker = Speaker()
    heard: list[str] = []
    speaker.said.connect(heard.append)  # a Python slot, called from Qt
    calls: list[Callable[[], object]] = [
        lambda: label.setText("Tik op Instellingen."),
        lambda: widget.setToolTip("Hulp"),
        lambda: thing.setObjectName("stap"),
        lambda: speaker.said.emit("Luister"),
        lambda: timer.setInterval(15_000),
    ]
    for call in calls:  # the first call of each may fill a cache; not what is measured
        call()
    qapp.processEvents()
    assert heard == ["Luister"]  # the slot really runs
    return calls  # the lambdas keep the objects alive


@pytest.mark.parametrize("constant", [None, True, False], ids=repr)
def test_qt_calls_keep_their_references_to(qapp: QApplication, constant: object) -> None:
    """None above all; True and False too, which a signal's emit() hands back."""
    calls = void_qt_calls(qapp)
    rounds = CALLS // len(calls)

    def all_calls() -> None:
        for call in calls:
            call()

    change = refs_change(all_calls, rounds, constant)
    made = rounds * len(calls)
    assert made == CALLS
    if none_is_immortal():
        assert sys.version_info >= (3, 12), "None is immortal from Python 3.12 on only"
        assert change == 0, f"{constant} is immortal, yet its count moved by {change}"
        return
    assert -NOISE <= change <= NOISE, (
        f"{made} Qt calls moved the reference count of {constant} by {change}: the Qt "
        f"binding loses (or leaks) references to it; the interpreter dies when the count "
        f"reaches 0 (PySide6 6.12.0 on Python 3.11 loses one per call: None for the "
        f"four calls that return nothing, True for the signal's emit)")


def test_the_guard_sees_one_lost_reference_per_call() -> None:
    """The measurement itself: a call that hands back one held None per call is caught."""
    if none_is_immortal():
        held = [None] * CALLS
        assert refs_change(held.pop, CALLS) == 0  # no count to lose on 3.12+
        return
    held = [None] * CALLS  # each pop gives one reference away, as the broken binding does
    change = refs_change(held.pop, CALLS)
    assert abs(change + CALLS) <= NOISE, change
    assert not -NOISE <= change <= NOISE  # the check of the test above would fail
