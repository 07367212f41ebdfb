"""The one guarded way to write: every action that saves goes through `Operations`.

An action runs; if the database or the disk refuses (full, read-only, busy, damaged), the
screen stays as it was, the person reads one plain sentence, and the details go to the log
in the data folder for the coordinator (`oefenplek.logbook`). The action's follow-up (`then`)
runs only when the action worked, so nothing moves on after a failed save.
"""

from __future__ import annotations

import errno
import logging
import time
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar

from oefenplek import logbook
from oefenplek.documents.files import write_whole
from oefenplek.gui.background import Cancelled, run_in_background
from oefenplek.i18n import _
from oefenplek.storage.errors import FULL, READ_ONLY, StorageError

T = TypeVar("T")
Tell = Callable[[str], None]
Report = Callable[[int, int], None]

REPEAT_S = 60  # seconds within which the same line is not written twice
LOGGER = logging.getLogger(__name__)


def lack_of_room(error: BaseException) -> bool:
    """The disk is full or may not be written: a write can work later, once there is room
    (or the disk is writable again), without anything the learner must do."""
    if isinstance(error, StorageError):
        return error.kind in (FULL, READ_ONLY)
    return isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EROFS)


def file_problem(error: OSError) -> str:
    """What a person can do about a file that could not be written, in one sentence."""
    if error.errno == errno.ENOSPC:
        return _("Saving did not work: the disk is full. Ask the administrator to make "
                 "some space.")
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _("Saving did not work: this folder may not be written to. Choose another "
                 "folder.")
    if error.errno == errno.ENOENT:
        return _("Saving did not work: this folder is not there (any more). Choose another "
                 "folder.")
    return _("Saving did not work: {reason}.").format(reason=error.strerror or error)


class Operations:
    def __init__(self, data_dir: Path) -> None:
        self.log_file = logbook.start(data_dir)
        self._last: tuple[str, float] = ("", 0.0)

    def run(self, action: Callable[[], T], tell: Tell,
            then: Callable[[T], object] | None = None) -> bool:
        """Run `action`; on success pass its result to `then`. False when it failed."""
        try:
            value = action()
        except (StorageError, OSError) as error:
            self.fail(error, tell)
            return False
        if then is not None:
            then(value)
        return True

    def fail(self, error: StorageError | OSError, tell: Tell) -> None:
        """A refused write told in one plain sentence, the details logged."""
        if isinstance(error, StorageError):
            self._failed(str(error), error.detail, tell)
        else:
            self._failed(file_problem(error), f"{type(error).__name__}: {error}", tell)

    def background(self, work: Callable[[Report], T], tell: Tell, then: Callable[[T], object],
                   progress: Callable[[int, int], None] | None = None) -> None:
        """Slow work (a PDF, an export) off the GUI thread; failures are told like `run`'s.

        `work` is given a function to report (done, total) from its thread, which
        `progress` shows on the GUI thread.
        """
        def failed(error: BaseException) -> None:
            if isinstance(error, Cancelled):  # the person pressed Stop: nothing to log
                tell(_("Stopped. Nothing was saved."))
            elif isinstance(error, StorageError):
                self._failed(str(error), error.detail, tell)
            elif isinstance(error, OSError):
                self._failed(file_problem(error), f"{type(error).__name__}: {error}", tell)
            else:  # a fault of ours: the person gets a plain sentence, the log the details
                self._failed(_("Making the file did not work. Nothing was saved."),
                             "".join(traceback.format_exception(error)), tell)

        run_in_background(work, then, failed, progress)

    def save_file(self, target: Path, render: Callable[[Path, Report], T], tell: Tell,
                  then: Callable[[T], object],
                  progress: Callable[[int, int], None] | None = None,
                  private: Mapping[str, str] | None = None) -> None:
        """Make a file off the GUI thread and put it at `target` whole, or not at all.

        `private`: words the file's name may hold that the log may not (a learner's name),
        each with what the log says instead (the learner's id).
        """
        name = target.name
        for word, instead in (private or {}).items():
            if word:
                name = name.replace(word, instead)
        shown = str(target.with_name(name))

        def work(report: Report) -> T:
            try:
                return write_whole(target, lambda path: render(path, report))
            except OSError as error:
                raise OSError(error.errno, error.strerror, shown) from error

        self.background(work, tell, then, progress)

    def _failed(self, message: str, detail: str, tell: Tell) -> None:
        self.log(f"{message} | {detail}", logging.WARNING)
        tell(message)

    def log(self, line: str, level: int = logging.INFO) -> None:
        """One line in the coordinator's log; a full disk must not make things worse.

        The same line again within a minute is left out: a timer reading every 1.5 s
        during an outage would otherwise fill the log with one message. No learner's name
        belongs in `line`: say the learner's id.
        """
        now = time.monotonic()
        if line == self._last[0] and now - self._last[1] < REPEAT_S:
            return
        self._last = (line, now)
        LOGGER.log(level, line.strip())
