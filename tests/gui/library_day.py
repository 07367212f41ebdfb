"""A day at the library, acted out in the real app, and what it costs: the endurance driver.

`tests/gui/test_endurance.py` plays a short day and asserts the goals; `benchmarks/
endurance.py` plays a full day and prints the figures. Both use what is here:

- the day: three learners come one after another and do lessons through the widgets, with
  right and wrong answers, Luister, Hulp, Terug, Stoppen and going on later, other letters
  and colours; after each visit a volunteer opens the staff area with a PIN, watches the
  overview refresh itself and marks the help as given; now and then the coordinator makes a
  report for a period and saves it; learners make certificates, print them and save them
  as PDF.
- the measuring: resident memory, widgets, open files, database connections and None's
  reference count at the start and every `every` lessons, against the goals
  (`goal_problems`), and what grew by kind (Python objects, widgets by class and screen, open
  files) to say where. Qt warnings: pytest-qt in the test, `QtMessages` in the benchmark.
- idle: the overview open with nobody at the computer for an hour of refreshes, then the
  learner picker with nobody there.

Every action runs in a timer callback of the real Qt event loop (`Driver`): a day is a
generator that yields after each action, or yields `Until(...)` to wait for the app (a report
being counted, a PDF being written, the overview's timer). The event loop runs in between, so
deferred deletes, layouts, paints and timers happen as they do for a person. Nothing sleeps.

The app is reached through `running.window` (its screens) and checked through
`running.repository` / `running.database`. The one thing that lives in a controller, the
overview's refresh timer, is reached in `overview_timer()` only.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import os
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from itertools import cycle, pairwise
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractEventDispatcher,
    QEvent,
    QEventLoop,
    QObject,
    QPoint,
    Qt,
    QThreadPool,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QWidget,
)

from oefenplek.core.lessons import Lesson, Step
from oefenplek.core.lessons.marks import plain as unmarked
from oefenplek.gui.staff.backups_controller import EVENING_TIMER
from oefenplek.i18n import _, format_number

from ..test_qt_binding import none_is_immortal

LEARNERS = (("Fatima", "cat"), ("Ahmed", "bicycle"), ("Riet", "tulip"))
COORDINATOR, VOLUNTEER = ("Joke", "4821"), ("Anja", "5739")  # name, PIN
LESSONS_PER_VISIT = 10
DAY_REFRESH_MS = 25  # the overview's refresh during the day (15 s at the library)
POLL_MS = 5

# The goals (see the issue "A week without a restart").
RSS_GROWTH_MIB = 20.0  # after the warm-up
WIDGET_NOISE = 40  # the screens on show differ a little from one checkpoint to the next
FILE_NOISE = 2
CONNECTIONS = 2  # the GUI thread's and a background job's
NONE_NOISE = 500  # None's count may dip a little; a broken binding loses one per Qt call
CPU_GOAL_MS = 25.0  # CPU a refresh of the overview may take: 0.2 % of a core at one per 15 s
IDLE_OBJECTS = 50  # Python objects an hour of refreshes may leave (none, in fact)
IDLE_RSS_KIB = 2048  # resident memory likewise: the allocator's noise after a busy time


def overview_timer(running: Any, refresh_ms: int | None = None,
                   patch: Callable[[object, str, object], None] = setattr) -> QTimer:
    """The volunteer overview's refresh timer; with `refresh_ms` it refreshes that often.

    THE ONE PLACE that reaches into a controller: the timer is the StaffController's
    (one of `running.controllers`), started with `REFRESH_MS` of oefenplek/gui/staff/
    controller.py. `patch` sets that constant (pass pytest's monkeypatch.setattr so it is
    put back after the test) and gives the timer the interval, in case it runs already.
    """
    from oefenplek.gui.staff import controller as staff_module

    [staff] = [c for c in running.controllers if isinstance(c, staff_module.StaffController)]
    timer: QTimer = staff.timer
    if refresh_ms is not None:
        patch(staff_module, "REFRESH_MS", refresh_ms)
        timer.setInterval(refresh_ms)
    return timer


def speaker_of(running: Any) -> Any:
    """The read-aloud voice, a child of the window (Speaker(window) in app.build)."""
    from oefenplek.gui.speech import Speaker

    speaker = running.window.findChild(Speaker)
    assert speaker is not None, "no Speaker under the window"
    return speaker


# --- running actions in the event loop ----------------------------------------------------
@dataclass(frozen=True)
class Until:
    """Wait (the event loop running) until `condition` holds; fail after `seconds`."""

    condition: Callable[[], bool]
    what: str | Callable[[], str]  # a function: said as it is when the wait fails
    seconds: float = 30.0

    def describe(self) -> str:
        return self.what if isinstance(self.what, str) else self.what()


Script = Generator[Until | None, None, Any]


class Driver:
    """Runs a script one action per timer callback in a QEventLoop with a safety timeout."""

    def __init__(self) -> None:
        self.timer, self.safety = QTimer(), QTimer()
        for timer in (self.timer, self.safety):
            timer.setSingleShot(True)
        self.timer.timeout.connect(self._step)
        self.safety.timeout.connect(self._too_long)
        self.loop = QEventLoop()
        self._script: Script = iter(())
        self._waiting: Until | None = None
        self._deadline = 0.0
        self._error: BaseException | None = None
        self._seconds = 0.0

    def run(self, script: Script, seconds: float) -> None:
        """Play the script; raises what went wrong in it, or after `seconds` in all."""
        self._script, self._waiting, self._error, self._seconds = script, None, None, seconds
        self.safety.start(round(seconds * 1000))
        self.timer.start(0)
        self.loop.exec()
        self.timer.stop()
        self.safety.stop()
        script.close()
        if self._error is not None:
            raise self._error

    def _step(self) -> None:
        try:
            if self._waiting is not None:
                if not self._waiting.condition():
                    if time.monotonic() > self._deadline:
                        raise AssertionError(f"waited {self._waiting.seconds:.0f} s in vain "
                                             f"for {self._waiting.describe()} ({self.where()})")
                    self.timer.start(POLL_MS)
                    return
                self._waiting = None
            item = next(self._script)
        except StopIteration:
            self.loop.quit()
            return
        except BaseException as error:  # handed to run(), which raises it
            self._error = error
            self.loop.quit()
            return
        if item is not None:
            self._waiting, self._deadline = item, time.monotonic() + item.seconds
        self.timer.start(0)

    def where(self) -> str:
        """Where the script stands: the innermost part of the day and its line."""
        script: Any = self._script
        while getattr(script, "gi_yieldfrom", None) is not None:
            script = script.gi_yieldfrom
        frame = getattr(script, "gi_frame", None)
        return f"{frame.f_code.co_name}, line {frame.f_lineno}" if frame else "?"

    def _too_long(self) -> None:
        self._error = AssertionError(f"the script did not end within {self._seconds:.0f} s "
                                     f"({self.where()})")
        modal = QApplication.activeModalWidget()
        if modal is not None:  # a box in its own event loop would keep this one waiting
            modal.close()
        self.loop.quit()


# --- what a person does -------------------------------------------------------------------
def click(widget: QWidget, where: QPoint | None = None) -> None:
    assert widget.isVisible(), f"{describe(widget)} is not on screen"
    assert widget.isEnabled(), f"{describe(widget)} cannot be pressed"
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     where or QPoint())


def type_into(field: Any, words: str, replace: bool = False) -> None:
    if replace:
        QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if words.isascii():
        QTest.keyClicks(field, words)
    else:  # letters QTest cannot type arrive as from a paste
        field.insert(words)


def press_return(widget: QWidget) -> None:
    QTest.keyClick(widget, Qt.Key.Key_Return)


def button(parent: QWidget, label: str) -> QAbstractButton:
    found = [b for b in parent.findChildren(QAbstractButton)
             if b.text() == label and b.isVisibleTo(parent)]
    assert found, f"no button {label!r} on {describe(parent)}"
    return found[0]


def plain(label: QLabel) -> str:
    """The label's text without the mark of the word being read aloud."""
    if label.textFormat() == Qt.TextFormat.RichText:
        return str(label.property("plain"))
    return label.text()


def marked(label: QLabel) -> bool:
    return label.textFormat() == Qt.TextFormat.RichText and "<span" in label.text()


def save_as(dialog: QFileDialog, path: Path) -> None:
    """The person types a file name in the save dialog and presses Save."""
    assert dialog.isVisible(), "no save dialog"
    name = dialog.findChild(QLineEdit, "fileNameEdit")  # Qt's own dialog, as offscreen
    assert name is not None, "the save dialog has no file name field"
    name.setText(str(path))
    dialog.accept()
    assert dialog.selectedFiles() == [str(path)], dialog.selectedFiles()


def describe(thing: QObject) -> str:
    names = []
    while thing is not None and len(names) < 4:
        kind = type(thing).__name__
        if kind.startswith("Q"):  # Qt's own class, also where Python sees only a QObject
            kind = thing.metaObject().className()
        names.append(kind + (f"({thing.objectName()})" if thing.objectName() else ""))
        thing = thing.parent()
    return " in ".join(names)


# --- measuring ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Figures:
    lessons: int
    seconds: float
    rss_kib: int
    widgets: int
    history: int  # widgets of the learner's page in the staff area: its size is the history
    files: int
    threads: int
    sqlite_files: int
    connections: int  # open in the pool (idle or in use)
    checked_out: int  # in use between two actions: should be none
    none_refs: int
    qt_warnings: int


def rss_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS in /proc/self/status")


def open_files() -> list[str]:
    targets = []
    for fd in os.listdir("/proc/self/fd"):
        with suppress(OSError):  # the listing's own descriptor, closed by now
            targets.append(os.readlink(f"/proc/self/fd/{fd}"))
    return targets


def widget_total() -> int:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # what was let go
    return len(QApplication.allWidgets())


def give_back_free_memory() -> None:
    """Have glibc return the free parts of its heap, so RSS shows what the app holds."""
    ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)


def measure(running: Any, lessons: int, seconds: float, qt_warnings: int = 0,
            trim: bool = False) -> Figures:
    widgets = widget_total()
    page = running.window.staff_learner
    history = sum(1 for w in QApplication.allWidgets() if page.isAncestorOf(w))
    gc.collect()
    engine = running.database.engine
    files = open_files()
    database = str(Path(engine.url.database or "").resolve()) if engine.url.database else "?"
    pool = engine.pool
    if trim:
        give_back_free_memory()
    return Figures(lessons, seconds, rss_kib(), widgets, history, len(files),
                   len(os.listdir("/proc/self/task")),
                   sum(target.startswith(database) for target in files),
                   pool.checkedin() + pool.checkedout(), pool.checkedout(),
                   sys.getrefcount(None), qt_warnings)


WIDTH = 9
COLUMNS = ("lessons", "minutes", "RSS MiB", "growth", "widgets", "history", "files",
           "threads", "sqlite", "conns", "in use", "None ref", "Qt warn")


def table_row(figures: Figures, first: Figures) -> str:
    values = (figures.lessons, f"{figures.seconds / 60:.1f}", f"{figures.rss_kib / 1024:.1f}",
              f"{(figures.rss_kib - first.rss_kib) / 1024:+.1f}", figures.widgets,
              figures.history, figures.files, figures.threads, figures.sqlite_files,
              figures.connections, figures.checked_out, figures.none_refs, figures.qt_warnings)
    return "".join(f"{value!s:>{WIDTH}}" for value in values)


def table(figures: Sequence[Figures]) -> str:
    lines = ["".join(f"{name:>{WIDTH}}" for name in COLUMNS)]
    lines += [table_row(f, figures[0]) for f in figures]
    return "\n".join(lines)


def python_objects() -> int:
    gc.collect()
    return len(gc.get_objects())


def create_qt_types() -> None:
    """PySide makes the Python type of a Qt class the first time anything touches it, and
    some touches make a whole module's worth at once (over a hundred types, thousands of
    objects). That is a one-time cost, not growth: it is paid here, before counting, so
    whether it falls inside the counted hour does not depend on what ran before."""
    for name, module in list(sys.modules.items()):
        if name.startswith("PySide6.Qt") and module is not None:
            for attribute in dir(module):
                getattr(module, attribute, None)


def object_counts() -> Counter[str]:
    gc.collect()
    return Counter(type(thing).__qualname__ for thing in gc.get_objects())


def screen_of(widget: QWidget) -> str:
    """The screen of the main window (a page of its stack) or the other window it is on."""
    window = widget.window()
    if not isinstance(window, QMainWindow):
        return type(window).__name__
    pages = window.centralWidget()
    while widget.parentWidget() is not None and widget.parentWidget() is not pages \
            and widget is not window:
        widget = widget.parentWidget()
    return type(widget).__name__


def file_kinds() -> Counter[str]:
    """Open files by what they are: a path, or the kind (anon_inode:inotify, pipe, socket)."""
    return Counter(target if target.startswith("/") else target.split("[")[0]
                   for target in open_files())


def widget_counts() -> Counter[str]:
    """Widgets by class and by the screen or window they are on."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    widgets = QApplication.allWidgets()
    counts = Counter(f"{type(w).__name__} on {screen_of(w)}" for w in widgets)
    counts.update(f"window {type(w).__name__}" for w in widgets if w.isWindow())
    return counts


def growth(before: Counter[str], after: Counter[str], top: int = 10) -> str:
    grown = sorted(((after[k] - before[k], k) for k in after if after[k] > before[k]),
                   reverse=True)[:top]
    return ", ".join(f"{name} +{n}" for n, name in grown) or "nothing"


def goal_problems(figures: Sequence[Figures], warm_up: int) -> list[str]:
    """The goals the figures miss, in words; empty when all are met."""
    base = next((f for f in figures if f.lessons >= warm_up), None)
    if base is None or base is figures[-1]:
        return [f"no figures after the warm-up of {warm_up} lessons"]
    later = [f for f in figures if f.lessons >= base.lessons]
    problems = []
    grown = (later[-1].rss_kib - base.rss_kib) / 1024
    if grown >= RSS_GROWTH_MIB:
        problems.append(f"memory grew {grown:.1f} MiB after lesson {base.lessons}")
    # The learner's page in the staff area lists the learner's history (lessons, hard steps,
    # notes, certificates): it grows with the day by design. Its rebuilding is checked each
    # time the volunteer opens it (`_open_learner_page`); the rest of the app must stay flat.
    for name, noise, value in (
            ("widgets (without the learner's page)", WIDGET_NOISE,
             lambda f: f.widgets - f.history),
            ("open files (without the database's)", FILE_NOISE,
             lambda f: f.files - f.sqlite_files),
            # the thread pool's workers come and go with the background jobs
            ("threads", QThreadPool.globalInstance().maxThreadCount(), lambda f: f.threads)):
        values = [value(f) for f in later]
        if max(values) - value(base) > noise:
            problems.append(f"{name} grew after lesson {base.lessons}: {values}")
    # The pool keeps a connection for the GUI thread and one for a background job (a report,
    # a PDF); the day never runs two jobs at once. Each connection has the database file
    # and its -wal and -shm open at most.
    if any(f.checked_out for f in figures):
        problems.append(f"database connections held between actions: "
                        f"{[f.checked_out for f in figures]}")
    if any(f.connections > CONNECTIONS or f.sqlite_files > 3 * f.connections
           for f in figures):
        problems.append(f"database connections (open files) beyond {CONNECTIONS}: "
                        f"{[f'{f.connections} ({f.sqlite_files})' for f in figures]}")
    if not none_is_immortal():
        for before, after in pairwise(figures):
            if after.none_refs < before.none_refs - NONE_NOISE:
                problems.append(f"None's reference count fell from {before.none_refs} to "
                                f"{after.none_refs} (lessons {before.lessons}-{after.lessons})")
    if figures[-1].qt_warnings:
        problems.append(f"{figures[-1].qt_warnings} Qt warnings")
    return problems


class QtMessages:
    """Counts Qt warnings and worse (for the benchmark; pytest-qt does this in tests)."""

    IGNORED = ("pipewire-0.3", "does not support propagateSizeHints")  # as in pyproject

    def __init__(self) -> None:
        self.count = 0
        self.first: list[str] = []

    def __enter__(self) -> QtMessages:
        qInstallMessageHandler(self._handle)
        return self

    def __exit__(self, *_exc: object) -> None:
        qInstallMessageHandler(None)

    def _handle(self, kind: QtMsgType, _context: object, message: str) -> None:
        if kind == QtMsgType.QtDebugMsg or kind == QtMsgType.QtInfoMsg:
            return
        if any(part in message for part in self.IGNORED):
            return
        self.count += 1
        if len(self.first) < 5:
            self.first.append(message)


def qt_housekeeping(thing: QObject) -> str | None:
    """Qt's own caches tidy themselves up on a timer for a while after a busy time: the
    pixmap cache (QPMCache) and the font cache of each thread (QFontCache, a bare QObject on
    a 10 s or 5 min timer). Not the app's doing; None for anything else."""
    if thing.parent() is not None:
        return None
    kind = thing.metaObject().className()
    if kind == "QPMCache":
        return "Qt's pixmap cache"
    if kind == "QObject" and any(
            info.interval in (10_000, 300_000)
            for info in QAbstractEventDispatcher.instance().registeredTimers(thing)):
        return "Qt's font cache"
    return None


class TimerEvents(QObject):
    """Counts timer events anywhere in the application, per receiver, except `ignore`."""

    def __init__(self, ignore: Iterable[QObject], refresh: QTimer) -> None:
        super().__init__()
        self.ignore, self.refresh = list(ignore), refresh
        self.refreshes = 0
        self.others: Counter[str] = Counter()
        self.housekeeping: Counter[str] = Counter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Timer and not any(watched is o for o in self.ignore):
            if watched is self.refresh:
                self.refreshes += 1
            elif tidying := qt_housekeeping(watched):
                self.housekeeping[tidying] += 1
            else:
                self.others[describe(watched)] += 1
        return False

    def __enter__(self) -> TimerEvents:
        QApplication.instance().installEventFilter(self)
        return self

    def __exit__(self, *_exc: object) -> None:
        QApplication.instance().removeEventFilter(self)


def active_timers(ignore: Iterable[QObject]) -> list[str]:
    """Every timer running on an object of the app's trees (QTimer or QObject.startTimer),
    but the evening backup's: it goes off once a day (and at most once an hour)."""
    app = QApplication.instance()
    dispatcher = QAbstractEventDispatcher.instance()
    ignored = list(ignore)
    objects: dict[int, QObject] = {}
    for root in [app, *QApplication.topLevelWidgets()]:
        for thing in [root, *root.findChildren(QObject)]:
            objects[id(thing)] = thing
    found = []
    for thing in objects.values():
        if any(thing is o for o in ignored) or thing.objectName() == EVENING_TIMER:
            continue
        for info in dispatcher.registeredTimers(thing):
            found.append(f"{describe(thing)} every {info.interval} ms")
    return found


@dataclass
class Idle:
    refreshes: int = 0
    seconds: float = 0.0
    cpu_per_refresh_ms: float = 0.0
    rss_growth_kib: int = 0
    widgets: tuple[int, int] = (0, 0)  # after the first quarter of an hour, at the end
    objects: tuple[int, int] = (0, 0)  # Python objects, likewise
    other_timers_on_overview: Counter[str] = field(default_factory=Counter)
    picker_timer_events: Counter[str] = field(default_factory=Counter)
    picker_active_timers: list[str] = field(default_factory=list)
    qt_housekeeping: Counter[str] = field(default_factory=Counter)  # `qt_housekeeping`


# --- the day ------------------------------------------------------------------------------
class LibraryDay:
    """Plays `lessons` lessons of `plan` (lesson ids, in turn) with three learners.

    `every`: lessons between two measurements; `warm_up`: lessons before the goals count;
    `trim`: give glibc's free heap back before each memory reading (live memory, not what
    the allocator keeps after the day's many widgets came and went).
    """

    def __init__(self, running: Any, lessons: int, plan: Sequence[str], folder: Path, *,
                 every: int = 50, warm_up: int = 50, seed: int = 7,
                 refresh_ms: int = DAY_REFRESH_MS,
                 patch: Callable[[object, str, object], None] = setattr,
                 qt_warnings: Callable[[], int] = lambda: 0,
                 report: Callable[[Figures], None] = lambda _figures: None,
                 trim: bool = False) -> None:
        self.running, self.window, self.catalog = running, running.window, running.catalog
        self.repository = running.repository
        self.total, self.plan, self.folder = lessons, cycle(plan), folder
        self.every, self.warm_up, self.random = every, warm_up, random.Random(seed)
        self.qt_warnings, self.report, self.trim = qt_warnings, report, trim
        self.refresh = overview_timer(running, refresh_ms, patch)
        self.refreshes = self.words_said = self.speech_ends = 0
        self.figures: list[Figures] = []
        self.done = Counter[str]()  # what happened, for the summary
        self.learner_ids: dict[str, str] = {}
        self.learner_id = ""
        self.visits = self.lessons_done = 0
        self.exports = cycle(("csv", "xlsx", "pdf"))
        # Python objects, widgets and open files by kind: after the warm-up, at the end
        self.before: tuple[Counter[str], ...] = (Counter(), Counter(), Counter())
        self.after: tuple[Counter[str], ...] = (Counter(), Counter(), Counter())
        self.started = time.monotonic()
        self.idle = Idle()

    def _count_refresh(self) -> None:
        self.refreshes += 1

    def _count_word(self, _start: int, _length: int) -> None:
        self.words_said += 1

    def _count_end(self) -> None:
        self.speech_ends += 1

    def _listening(self, on: bool) -> None:
        """Count the overview's refreshes and the words read aloud while the script runs."""
        speaker = speaker_of(self.running)
        for signal, slot in ((self.refresh.timeout, self._count_refresh),
                             (speaker.word_spoken, self._count_word),
                             (speaker.finished, self._count_end)):
            if on:
                signal.connect(slot)
            else:
                signal.disconnect(slot)

    def play(self, driver: Driver, seconds: float) -> list[Figures]:
        self._listening(True)
        try:
            driver.run(self.day(), seconds)
        finally:
            self._listening(False)
        return self.figures

    def problems(self) -> list[str]:
        found = goal_problems(self.figures, self.warm_up)
        if found:
            found.append(f"grown since lesson {self.warm_up}: Python objects "
                         f"{growth(self.before[0], self.after[0])}; widgets "
                         f"{growth(self.before[1], self.after[1])}; open files "
                         f"{growth(self.before[2], self.after[2])}")
        return found

    # --- the parts of the day -------------------------------------------------------------
    def day(self) -> Script:
        self.started = time.monotonic()
        yield Until(lambda: self.window.isVisible(), "the window")
        yield from self._checkpoint()
        yield from self._open_the_spot()
        visit = 0
        while self.lessons_done < self.total:
            name, avatar = LEARNERS[visit % len(LEARNERS)]
            yield from self._visit(visit, name, avatar)
            yield from self._volunteer(visit)
            if visit % 3 == 0:
                yield from self._coordinator(first=visit == 0)
            visit += 1
        if self.figures[-1].lessons != self.lessons_done:
            yield from self._checkpoint()

    def _checkpoint(self) -> Script:
        yield None
        figures = measure(self.running, self.lessons_done, time.monotonic() - self.started,
                          self.qt_warnings(), self.trim)
        self.figures.append(figures)
        if self.lessons_done >= self.warm_up and not self.before[0]:
            self.before = (object_counts(), widget_counts(), file_kinds())
        elif self.lessons_done >= self.total:
            self.after = (object_counts(), widget_counts(), file_kinds())
        self.report(figures)

    def _sql(self, query: str) -> int:
        with self.running.database.engine.connect() as connection:
            return int(connection.exec_driver_sql(query).scalar())

    def _staff_door(self, name: str, pin: str) -> Script:
        window = self.window
        click(window.picker.staff)
        yield None
        door = window.door
        assert window.current_screen() is door
        click(button(door, name))
        yield None
        type_into(door.pin, pin)
        press_return(door.pin)
        yield None
        assert window.current_screen() is window.today, door.message.text()

    def _leave_staff_area(self) -> Script:
        click(self.window.today.close_button)
        yield None
        assert self.window.current_screen() is self.window.picker
        assert not self.refresh.isActive(), "the overview goes on refreshing when closed"

    def _open_the_spot(self) -> Script:
        """The coordinator's first start: the location, a PIN, then a volunteer in the team."""
        window = self.window
        click(window.picker.staff)
        yield None
        door = window.door
        name, pin = COORDINATOR
        for box, words in ((door.location, "Bibliotheek Lindenhof"), (door.new_name, name),
                           (door.new_pin, pin), (door.new_pin_again, pin)):
            type_into(box, words)
        click(door.start)
        yield None
        assert window.current_screen() is window.today, door.message.text()
        click(window.today.people_button)
        yield None
        people = window.people
        name, pin = VOLUNTEER
        for box, words in ((people.name, name), (people.pin, pin), (people.pin_again, pin)):
            type_into(box, words)
        click(people.add_button)
        yield None
        assert self._sql("SELECT count(*) FROM staff") == 2, people.status.text()
        click(button(people, _("Back")))
        yield None
        yield from self._leave_staff_area()

    def _visit(self, number: int, name: str, avatar: str) -> Script:
        window = self.window
        yield from self._come_in(name, avatar)
        if number % 2 == 0:
            click(window.lessons.listen)
            yield Until(lambda: marked(window.lessons.title), "Luister on the lessons screen")
            self.done["listen"] += 1
        look = [dict(size=150), dict(contrast=True), dict(size=200, auto=True),
                dict(slow=False)][number // 2 % 4] if number % 2 else None
        if look:
            yield from self._letters(**look)
        lessons = min(LESSONS_PER_VISIT, self.total - self.lessons_done)
        help_at = (self.random.randrange(lessons), self.random.random())
        for index in range(lessons):
            yield from self._lesson(help_at[1] if index == help_at[0] else None)
        click(window.end.to_lessons)
        yield None
        if look:
            yield from self._letters()
        click(window.lessons.stop)
        yield None
        assert window.current_screen() is window.picker
        assert self._sql("SELECT count(*) FROM visit WHERE ended_at IS NULL") == 0

    def _come_in(self, name: str, avatar: str) -> Script:
        """From the picker: the learner's own picture, or 'I am new' the first time."""
        window = self.window
        assert window.current_screen() is window.picker
        if name in self.learner_ids:
            click(window.picker.tiles[self.learner_ids[name]])
            yield None
        else:
            click(window.picker.new_tile)
            yield None
            type_into(window.new_learner.name, name)
            click(window.new_learner.next)
            yield None
            click(window.new_learner.avatar_tiles[avatar])
            click(window.new_learner.next)
            yield None
            [learner] = [one for one in self.repository.learners() if one.name == name]
            self.learner_ids[name] = learner.id
        self.learner_id = self.learner_ids[name]
        assert window.current_screen() is window.lessons
        self.visits += 1

    def _letters(self, size: int = 100, contrast: bool = False, auto: bool = False,
                 slow: bool = True) -> Script:
        """Letters en stem: the learner picks bigger letters, other colours, the voice."""
        window, lessons = self.window, self.window.lessons
        if not lessons.look.isVisible():  # very big letters: the button is by the themes
            click(lessons.to_themes)
            yield None
        click(lessons.look)
        yield None
        screen = window.preferences
        assert window.current_screen() is screen
        for choice in (screen.sizes[size], screen.strong if contrast else screen.normal,
                       screen.read_auto if auto else screen.read_self,
                       screen.slow if slow else screen.normal_speed):
            if not choice.isChecked():
                click(choice)
                yield None
        learner = self.repository.learner(self.learner_id)
        kept = learner.preferences
        assert (kept.text_scale, kept.high_contrast, kept.read_aloud_auto, kept.speech_slow) \
            == (size, contrast, auto, slow)
        click(screen.ready)
        yield None
        assert window.current_screen() is lessons
        self.done["letters"] += 1

    def _choose(self, lesson_id: str) -> Script:
        window, lessons = self.window, self.window.lessons
        if window.current_screen() is window.end:
            following = window.end.next_lesson
            if following.isVisible() and following.property("lesson_id") == lesson_id:
                click(following)
                yield None
                self.done["next lesson button"] += 1
                return
            click(window.end.to_lessons)
            yield None
        assert window.current_screen() is lessons
        tile = lessons.lesson_tiles.get(lesson_id)
        if tile is None or not tile.isVisible():
            theme = self.catalog.lessons[lesson_id].theme
            if not lessons.theme_buttons[theme].isVisible():
                click(lessons.to_themes)
                yield None
            click(lessons.theme_buttons[theme])
            yield None
        click(lessons.lesson_tiles[lesson_id])
        yield None
        if window.current_screen() is window.lesson_start:  # a new run: its goal, then Begin
            assert self.catalog.lessons[lesson_id].title == window.lesson_start.title.text()
            click(window.lesson_start.begin)
            yield None
        assert window.current_screen() is window.player

    def _runs(self, lesson_id: str) -> list[Any]:
        return [r for r in self.repository.runs(self.learner_id) if r.lesson_id == lesson_id]

    def _lesson(self, help_when: float | None) -> Script:
        lesson_id = next(self.plan)
        lesson: Lesson = self.catalog.lessons[lesson_id]
        finished = sum(1 for r in self._runs(lesson_id) if r.finished_at is not None)
        yield from self._choose(lesson_id)
        player = self.window.player
        stop_at = self.random.randrange(1, lesson.step_count) \
            if self.lessons_done % 9 == 4 else None
        help_at = round(help_when * (lesson.step_count - 1)) if help_when is not None else None
        given = 0
        for position, step in enumerate(lesson.steps):
            assert plain(player.instruction) == unmarked(step.text), (lesson_id, position)
            if position == stop_at:  # stops, and goes on later where it was
                click(player.stop)
                yield None
                yield from self._choose(lesson_id)
                assert plain(player.instruction) == unmarked(step.text)
                self.done["stopped and resumed"] += 1
            if player.listen.isVisible() and step.spoken == unmarked(step.text) \
                    and self.random.random() < 0.06:
                yield from self._listen(to_the_end=self.random.random() < 0.25)
            if position == help_at:
                yield from self._ask_help(lesson_id, position)
            given += yield from self._answer(step)
            if player.back.isVisible() and self.random.random() < 0.04:
                click(player.back)
                yield None
                assert plain(player.instruction) == unmarked(lesson.steps[position - 1].text)
                click(player.next)  # a step done before stays done
                yield None
                self.done["back"] += 1
            click(player.next)
            yield None
        window = self.window
        if lesson.recap:  # what the lesson taught, then on to the praise
            assert window.current_screen() is window.recap, lesson_id
            click(window.recap.next)
            yield None
        assert window.current_screen() is window.end, lesson_id
        assert lesson.title in window.end.lead.text()
        runs = self._runs(lesson_id)
        assert sum(1 for r in runs if r.finished_at is not None) == finished + 1
        assert len(self.repository.attempts(runs[-1].id)) == given, "an answer was not kept"
        self.lessons_done += 1
        if self.lessons_done % 7 == 0:
            yield from self._certificate(save=self.lessons_done % 14 == 0)
        if self.lessons_done % self.every == 0 or self.lessons_done == self.total:
            yield from self._checkpoint()

    def _listen(self, to_the_end: bool) -> Script:
        player, words = self.window.player, self.words_said
        click(player.listen)
        yield Until(lambda: self.words_said > words, "a word read aloud")
        # Counted from the first word: stopping what was still being read ends that first.
        ends = self.speech_ends
        assert marked(player.instruction), "the word being said is marked on screen"
        self.done["listen"] += 1
        if to_the_end:
            yield Until(lambda: self.speech_ends > ends, "the end of reading aloud")
            assert not marked(player.instruction)

    def _ask_help(self, lesson_id: str, position: int) -> Script:
        player, dialog = self.window.player, self.window.ask_help
        if player.help.text() == _("Help is coming"):
            return
        if self.random.random() < 0.3:  # changes their mind: nothing is stored
            click(player.help)
            yield None
            click(dialog.no)
            yield None
            assert self.repository.open_help_requests() == []
        click(player.help)
        yield None
        assert dialog.isVisible()
        click(dialog.yes)
        yield None
        asked = [(learner, lesson, step) for _id, learner, lesson, step
                 in self.repository.open_help_requests()]
        assert asked == [(self.learner_id, lesson_id, position)], asked
        assert player.help.text() == _("Help is coming")
        self.done["help asked"] += 1
        if self.random.random() < 0.25:  # "I no longer need help"
            click(player.help)
            yield None
            click(dialog.yes)
            yield None
            assert self.repository.open_help_requests() == []
            self.done["help no longer needed"] += 1

    def _answer(self, step: Step) -> Script:
        """Answers the step as the learner does, sometimes wrong first; returns the answers."""
        player = self.window.player
        view = player.view
        if step.kind == "explain":
            return 0
        if step.kind == "practise":
            choice = self.random.choices((view.done, view.help, view.skip), (8, 1, 1))[0]
            click(choice)
            yield None
            assert player.next.isEnabled()
            return 1
        draw = self.random.random()
        wrong = 2 if draw < 0.05 else 1 if draw < 0.25 else 0
        for tries in range(1, wrong + 1):
            if not self._wrong(view, step):
                wrong = 0
                break
            yield None
            assert player.feedback.isVisible()
            # After two tries the answer is shown and the learner may go on; not before.
            assert player.next.isEnabled() == (tries == 2), (step.kind, tries)
            self.done["wrong answers"] += 1
        self._right(view, step)
        yield None
        assert player.next.isEnabled(), f"{step.kind} step: the right answer was not taken"
        self.done["right answers"] += 1
        return wrong + 1

    def _wrong(self, view: Any, step: Step) -> bool:
        if step.kind == "tap":
            screen = view.screen
            area, target = screen.drawing_rect(), screen.to_widget(screen.element_rect(
                screen.target))
            for x, y in ((area.right() - 30, area.bottom() - 30),
                         (area.left() + 30, area.bottom() - 30),
                         (area.left() + 30, area.top() + 30)):
                if area.contains(x, y) and not target.contains(x, y):
                    click(screen, QPoint(int(x), int(y)))
                    return True
            return False
        if step.kind == "type":
            type_into(view.field, (step.answer or "") + "x", replace=True)
            press_return(view.field)
        elif step.kind == "choose":
            click(view.buttons[next(i for i, o in enumerate(step.options) if not o.correct)])
        elif step.kind == "order":
            for item in reversed(range(len(step.items))):
                click(view.buttons[item])
            click(view.ok)
        return True

    def _right(self, view: Any, step: Step) -> None:
        if step.kind == "tap":
            click(view.screen, view.screen.target_center().toPoint())
        elif step.kind == "type":
            type_into(view.field, step.answer or "", replace=True)
            press_return(view.field)
        elif step.kind == "choose":
            click(view.buttons[next(i for i, o in enumerate(step.options) if o.correct)])
        elif step.kind == "order":
            if not view.ok.isEnabled():  # after two tries the numbers are shown already
                for item in range(len(step.items)):
                    click(view.buttons[item])
            click(view.ok)

    def _certificate(self, save: bool) -> Script:
        window = self.window
        before = len(self.repository.certificates(self.learner_id))
        kinds = [window.end.certificate]
        if window.end.theme_certificate.isVisible():
            kinds.append(window.end.theme_certificate)
        screen = window.certificate
        for index, which in enumerate(kinds):
            click(which)
            yield None
            assert window.current_screen() is screen
            if not save and self.done["certificates"] % 3 == 0:
                yield from self._print(screen)
            if save:
                click(screen.save)
                yield None
                path = self.folder / f"certificaat-{self.lessons_done}-{index}.pdf"
                save_as(window.save_dialog, path)
                yield Until(lambda p=path: screen.status.text() == _("Saved: {path}").format(
                    path=p), lambda: f"the certificate saved: {screen.status.text()!r}")
                assert path.stat().st_size > 1000
                self.done["files saved"] += 1
            click(screen.back)
            yield None
            assert window.current_screen() is window.end
            self.done["certificates"] += 1
        assert len(self.repository.certificates(self.learner_id)) == before + len(kinds)

    def _print(self, screen: Any) -> Script:
        """Print: in Qt's print dialog the person picks the printer (here: a PDF) and OK."""
        window = self.window
        click(screen.print)
        yield None
        dialog = window.print_dialog
        assert dialog.isVisible(), "no print dialog"
        path = self.folder / f"geprint-{self.done['printed']}.pdf"
        printer = dialog.printer()
        printer.setOutputFormat(printer.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        # Qt's own accept() would read its printer list, and there is no printer here.
        dialog.accepted.emit(printer)
        dialog.close()
        yield None
        assert screen.status.text() == _("The certificate is on its way to the printer."), \
            screen.status.text()
        assert path.stat().st_size > 1000
        self.done["printed"] += 1

    def _volunteer(self, visit: int) -> Script:
        """The volunteer looks at the overview, marks the help as given, maybe opens a page."""
        yield from self._staff_door(*VOLUNTEER)
        seen = self.refreshes
        yield Until(lambda: self.refreshes >= seen + 3, "the overview refreshing itself")
        for _id, learner_id, _lesson, _step in self.repository.open_help_requests():
            yield from self._press_on_card(learner_id, _("Helped"))
            self.done["help given"] += 1
        assert self.repository.open_help_requests() == []
        if visit % 3 == 1:
            yield from self._open_learner_page(note=f"bezoek {visit + 1}: ging goed")
        yield from self._leave_staff_area()

    def _open_learner_page(self, note: str) -> Script:
        """The learner's page, a note on it; opened again, it is just as big."""
        window, page = self.window, self.window.staff_learner
        sizes = []
        for again in (False, True):
            yield from self._press_on_card(self.learner_id, _("Open"))
            assert window.current_screen() is page
            if not again:
                type_into(page.note, note, replace=True)
                click(page.save)  # the page is shown anew, with the note
            yield None  # what the page let go of is deleted when the event loop comes round
            sizes.append(sum(1 for w in QApplication.allWidgets() if page.isAncestorOf(w)))
            click(page.back_button)
            yield None
            assert window.current_screen() is window.today
        assert sizes[0] == sizes[1], f"the learner's page kept widgets of before: {sizes}"
        self.done["learner page"] += 1

    def _press_on_card(self, learner_id: str, label: str) -> Script:
        """A button on a learner's card in the overview, which renews its cards by itself:
        a card made by the last refresh is shown when the event loop comes round."""
        today = self.window.today

        def shown() -> bool:
            card = today.cards.get(learner_id)
            return card is not None and card.isVisible()

        yield Until(shown, "the learner's card in the overview")
        click(button(today.cards[learner_id], label))
        yield None

    def _coordinator(self, first: bool) -> Script:
        """The coordinator's report for this year, saved; the first time in every format."""
        window = self.window
        yield from self._staff_door(*COORDINATOR)
        click(window.today.reports_button)
        screen = window.reports

        def counted() -> bool:
            return not screen.progress.isVisibleTo(screen) and screen.status.text() == ""

        yield Until(counted, "the report of this month")
        click(button(screen, _("This year")))
        yield Until(counted, "the report of this year")
        figures = {name: label.text() for name, label in screen.total_labels.items()}
        assert figures[_("Visits")] == format_number(self.visits), figures
        assert figures[_("Lessons finished")] == format_number(self.lessons_done), figures
        for kind in (("csv", "xlsx", "pdf") if first else (next(self.exports),)):
            click(next(b for b in screen.export_buttons if b.text() == kind.upper()))
            yield None
            path = self.folder / f"rapport-{self.visits}.{kind}"
            save_as(window.save_dialog, path)
            yield Until(lambda p=path: screen.status.text() == _("Saved: {path}").format(
                path=p), lambda k=kind: f"the {k} report saved: {screen.status.text()!r}")
            assert path.stat().st_size > 0
            self.done["reports saved"] += 1
        click(button(screen, _("Back")))
        yield None
        assert window.current_screen() is window.today
        yield from self._leave_staff_area()

    # --- an hour with nobody at the computer ----------------------------------------------
    def idle_hour(self, driver: Driver, refreshes: int = 240, refresh_ms: int = 10,
                  patch: Callable[[object, str, object], None] = setattr) -> Idle:
        """A learner asked for help and went; the overview stays open, then the picker."""
        overview_timer(self.running, refresh_ms, patch)
        self._listening(True)
        try:
            driver.run(self._idle(driver, refreshes), 60 + refreshes * refresh_ms / 100)
        finally:
            self._listening(False)
        return self.idle

    def _idle(self, driver: Driver, refreshes: int) -> Script:
        window, idle = self.window, self.idle
        yield Until(lambda: window.isVisible(), "the window")
        if not self._sql("SELECT count(*) FROM staff"):
            yield from self._open_the_spot()
        for name, avatar in LEARNERS:  # three came in; the last asked for help and left
            yield from self._come_in(name, avatar)
            click(window.lessons.stop if name != LEARNERS[-1][0] else window.lessons.help)
            yield None
        asked = len(self.repository.open_help_requests())
        click(window.ask_help.yes)
        yield None
        click(window.lessons.stop)
        yield None
        assert len(self.repository.open_help_requests()) == asked + 1
        yield from self._staff_door(*VOLUNTEER)
        assert len(window.today.cards) == len(LEARNERS)
        mine = (driver.timer, driver.safety)
        seen = self.refreshes
        yield Until(lambda: self.refreshes >= seen + 60, "the first quarter of an hour")
        create_qt_types()  # before any count or memory figure is taken
        widgets, memory = widget_total(), rss_kib()
        with TimerEvents(mine, self.refresh) as events:
            began, cpu, seen = time.monotonic(), time.process_time(), self.refreshes
            yield Until(lambda: self.refreshes >= seen + refreshes // 2, "half an hour", 120)
            # Objects are counted over the second half: what earlier work (or earlier tests
            # in this process) leaves to be tidied settles in the first; an hour that keeps
            # adding objects shows in the second.
            objects = python_objects()
            yield Until(lambda: self.refreshes >= seen + refreshes, "an hour of refreshes", 120)
            idle.cpu_per_refresh_ms = ((time.process_time() - cpu) * 1000
                                       / (self.refreshes - seen))
            idle.seconds = time.monotonic() - began
        idle.refreshes = events.refreshes
        idle.widgets = (widgets, widget_total())
        idle.objects = (objects, python_objects())
        idle.rss_growth_kib = rss_kib() - memory
        idle.other_timers_on_overview = events.others
        assert len(window.today.cards) == len(LEARNERS)  # the overview still shows them
        yield from self._leave_staff_area()
        yield None
        with TimerEvents(mine, self.refresh) as events:
            began = time.monotonic()
            yield Until(lambda: time.monotonic() - began >= idle.seconds, "an hour on the picker",
                        idle.seconds + 30)
        idle.picker_timer_events = events.others + Counter(
            {"the overview's refresh timer": events.refreshes} if events.refreshes else {})
        idle.picker_active_timers = active_timers(mine)
        idle.qt_housekeeping = events.housekeeping
