"""The coordinator's log: one rotating file in the data folder, written with Python `logging`.

Everything the app logs goes to `oefenplek.log` in the data folder: what went wrong (the
plain sentence the person read and the details behind it), what changed in the set-up, and
the coordinator's notices. Beyond a megabyte the file moves to `oefenplek.log.1` (and on, to
`.3`; older ones go), so it never fills a disk. The coordinator opens it from *Instellingen*
and can attach it to a question for help, so no learner's name is written in it: a line
about a learner names the learner's id (see `Operations.save_file` for file names).

Modules log to a logger under "oefenplek" (`logging.getLogger(__name__)`); `start` points
that logger at the data folder, once per process (again when the folder changes, as in tests).
A log that cannot be written (a full disk) is left out silently: the person's sentence on
screen is what counts.
"""

from __future__ import annotations

import logging
import os
import time
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_NAME = "oefenplek.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
LOGGER = "oefenplek"
FORMAT = "%(asctime)s UTC %(levelname)s %(name)s: %(message)s"


class _Handler(RotatingFileHandler):
    """A rotating log file that stays quiet when the disk refuses a line."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass


_handler: _Handler | None = None


def log_file(data_dir: Path) -> Path:
    return data_dir / LOG_NAME


def start(data_dir: Path) -> Path:
    """From now on the app's log lines go to the log in `data_dir`; returns its path."""
    global _handler
    file = log_file(data_dir)
    logger = logging.getLogger(LOGGER)
    logger.setLevel(logging.INFO)
    if _handler is not None and _handler.baseFilename == os.path.abspath(file):
        return file
    if _handler is not None:
        logger.removeHandler(_handler)
        _handler.close()
    handler = _Handler(file, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8",
                       delay=True)
    formatter = logging.Formatter(FORMAT, datefmt="%Y-%m-%d %H:%M:%S")
    formatter.converter = time.gmtime
    handler.setFormatter(formatter)
    logger.addHandler(handler)
    _handler = handler
    return file
