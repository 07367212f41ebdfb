"""Database failures in plain words: one exception the screens know, whatever went wrong.

The database driver raises many kinds of errors; a learner or a volunteer can act on only
a few (the disk is full, the file may not be written, it is busy, it is damaged). Each is
told in one plain sentence; the driver's own words stay in `detail`, for the log.
"""

from __future__ import annotations

from oefenplek.i18n import _

FULL, READ_ONLY, BUSY, DAMAGED, UNREACHABLE, OTHER = (
    "full", "read-only", "busy", "damaged", "unreachable", "other")


class StorageError(RuntimeError):
    """The database cannot do what was asked; `str()` says why in plain words."""

    def __init__(self, message: str, detail: str = "", kind: str = OTHER) -> None:
        super().__init__(message)
        self.detail = detail or message
        self.kind = kind


def kind_of(detail: str) -> str:
    """Which of the plain cases a driver's message is (SQLite's and PostgreSQL's words)."""
    text = detail.lower()
    if "full" in text or "no space" in text:
        return FULL
    if "readonly" in text or "read-only" in text or "read only" in text:
        return READ_ONLY
    if "locked" in text or "busy" in text:
        return BUSY
    if "malformed" in text or "not a database" in text or "disk i/o" in text:
        return DAMAGED
    if "could not connect" in text or "connection" in text or "unable to open" in text:
        return UNREACHABLE
    return OTHER


def not_saved(detail: str, unreachable: bool = False) -> StorageError:
    """A write (or a read) that did not happen, said for the person at the screen.
    `unreachable`: the driver says the database server went away, whatever its words."""
    kind = kind_of(detail)
    if unreachable and kind in (OTHER, DAMAGED):
        kind = UNREACHABLE
    messages = {
        FULL: _("Saving did not work: the disk is full. Ask the administrator to make "
                "some space."),
        READ_ONLY: _("Saving did not work: this computer may not write in the progress "
                     "file. Ask the administrator for help."),
        BUSY: _("Saving did not work: the database is busy. Wait a moment and try again."),
        DAMAGED: _("Saving did not work: the progress file is damaged. Ask the coordinator "
                   "to put back a backup."),
        UNREACHABLE: _("Saving did not work: the database cannot be reached. Check the "
                       "computer and the network, then try again."),
        OTHER: _("Saving did not work. Try again; if it happens again, ask the "
                 "coordinator."),
    }
    return StorageError(messages[kind], detail, kind)
