"""Is the database file sound? Looked at when the app starts, before anything opens it to
write, with the standard library only (no SQLAlchemy, no Qt).

`check` says what it found: no file yet (a new location: fine), a sound file, or one that
must not be opened: empty (zero bytes), not a database at all, damaged (SQLite's
`quick_check` fails or the file is shorter than its header says), a database that is not
oefenplek's, or one whose schema revision this version does not know (made by a newer
oefenplek). The first look (size, header, revision) costs well under a millisecond; the
`quick_check` reads the whole file (a third of a second and more for a busy location), so
the start runs it in a thread next to loading the rest of the app (`look`) and waits for it
just before the database is opened: nothing writes to the file before it has passed.

A damaged file is moved aside whole, with its -wal and -shm (`keep_aside`), under a name
that says so (`oefenplek.damaged-20261202-170245.sqlite3`); nothing is written into it. A
note beside it (`oefenplek.damaged.json`) remembers this until the coordinator has chosen
what to do, so that a start without a file does not quietly begin an empty location.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from oefenplek.i18n import _
from oefenplek.storage.backups import sync_folder
from oefenplek.storage.revision import KNOWN_REVISIONS

#: What `check` found.
NEW, SOUND, EMPTY, NOT_A_DATABASE, DAMAGED, FOREIGN, NEWER = (
    "new", "sound", "empty", "not-a-database", "damaged", "foreign", "newer")
#: Kinds whose file is kept aside, for a backup (or an empty start) to take its place.
KEEP_ASIDE = frozenset({EMPTY, NOT_A_DATABASE, DAMAGED, FOREIGN})

HEADER = b"SQLite format 3\x00"
SIDECARS = ("-wal", "-shm", "-journal")
STAMP = "%Y%m%d-%H%M%S"
_DAMAGE_WORDS = ("malformed", "not a database", "corrupt", "encrypted")


@dataclass(frozen=True)
class Health:
    """`kind` is one of the constants above; `detail` is for the log; `revision` is the
    file's schema revision when it was read; `kept` is where a damaged file was put."""

    kind: str
    detail: str = ""
    revision: str | None = None
    kept: Path | None = None

    @property
    def healthy(self) -> bool:
        """The app may open the file (or make a new one) as usual."""
        return self.kind in (NEW, SOUND)

    @property
    def keep_aside(self) -> bool:
        return self.kind in KEEP_ASIDE


def newer_sentence() -> str:
    """What to do about a file of a newer oefenplek, for the coordinator and the log."""
    return _("This data was made with a newer version of oefenplek. Install that version "
             "(or a newer one) on this computer. Nothing has been changed.")


def check(file: Path, deep: bool = True) -> Health:
    """What state the database file at `file` is in; nothing is written.

    `deep`: also run SQLite's `quick_check` over the whole file. A file that cannot be looked
    at for another reason (no rights, locked) is left to the normal start, which says so.
    """
    try:
        size = file.stat().st_size
    except FileNotFoundError:
        return _noted(file) or Health(NEW)
    except OSError as error:
        return Health(SOUND, f"cannot look at {file}: {error}")
    if not file.is_file():
        return Health(SOUND, f"{file} is not a file")
    wal = file.with_name(file.name + "-wal")
    has_wal = wal.is_file() and wal.stat().st_size > 0
    if size == 0 and not has_wal:
        return Health(EMPTY, f"{file} has zero bytes")
    try:
        with file.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        return Health(SOUND, f"cannot read {file}: {error}")
    if size and not header.startswith(HEADER):
        return Health(NOT_A_DATABASE, f"{file} does not start as a SQLite database")
    if len(header) == 100 and not has_wal and (short := _shorter_than_said(header, size)):
        return Health(DAMAGED, f"{file}: {short}")
    return _look_inside(file, deep)


def _shorter_than_said(header: bytes, size: int) -> str:
    """The header's page count times its page size past the end of the file: truncated."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid = header[24:28] == header[92:96]  # the count is only kept up to date then
    if valid and page_size >= 512 and pages * page_size > size:
        return f"{pages} pages of {page_size} bytes said, {size} bytes there"
    return ""


def _look_inside(file: Path, deep: bool) -> Health:
    try:
        connection = sqlite3.connect(f"{file.absolute().as_uri()}?mode=ro", uri=True,
                                     timeout=5)
    except sqlite3.Error as error:
        return _failed(file, error)
    revision: str | None = None
    try:
        tables = {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and "alembic_version" not in tables:
            return Health(FOREIGN, f"{file}: tables but no alembic_version")
        if tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = None if row is None else str(row[0])
            if revision not in KNOWN_REVISIONS:
                return Health(NEWER, f"{file}: schema revision {revision!r}", revision)
        if deep:
            found = [str(row[0]) for row in connection.execute("PRAGMA quick_check")]
            if found != ["ok"]:
                return Health(DAMAGED, f"{file}: quick_check: " + "; ".join(found[:5]),
                              revision)
    except sqlite3.Error as error:
        return replace(_failed(file, error), revision=revision)
    finally:
        connection.close()
    return Health(SOUND, "", revision)


def _failed(file: Path, error: sqlite3.Error) -> Health:
    text = str(error)
    if "not a database" in text or "encrypted" in text:
        return Health(NOT_A_DATABASE, f"{file}: {text}")
    if any(word in text for word in _DAMAGE_WORDS):
        return Health(DAMAGED, f"{file}: {text}")
    return Health(SOUND, f"{file}: {text}")  # locked, no rights: the normal start says it


class Background:
    """`check(file)` in a thread (SQLite does its work without Python's lock, so the rest of
    the app loads meanwhile); `result()` waits for it and notes how long it waited."""

    def __init__(self, file: Path) -> None:
        self.found: Health | None = None
        self.waited_s = 0.0
        self._thread = threading.Thread(target=self._run, args=(file,),
                                        name="oefenplek-health", daemon=True)
        self._thread.start()

    def _run(self, file: Path) -> None:
        try:
            self.found = check(file)
        except Exception as error:  # never a crash in a thread: the normal start decides
            self.found = Health(SOUND, f"check failed: {error!r}")

    def result(self) -> Health:
        started = time.perf_counter()
        self._thread.join()
        self.waited_s = time.perf_counter() - started
        assert self.found is not None
        return self.found


@dataclass(frozen=True)
class FirstLook:
    """What the first look found, and the whole check going on in a thread (None when there
    is nothing more to check: no file yet, or the first look found the trouble)."""

    found: Health
    background: Background | None


def look(file: Path) -> FirstLook:
    """The first look at `file` (well under a millisecond); when it passes, the whole check
    is started in a thread. Called as early as the start can (before Qt is loaded), so the
    check overlaps as much of the start as it can."""
    found = check(file, deep=False)
    more = found.kind == SOUND and file.is_file()
    return FirstLook(found, Background(file) if more else None)


# --- keeping a damaged file aside -------------------------------------------------------------
def note_file(file: Path) -> Path:
    return file.with_name(f"{file.stem}.damaged.json")


def keep_aside(file: Path, found: Health, now: datetime) -> Health:
    """Move the damaged `file` (with its -wal, -shm, -journal) aside, whole and unchanged,
    and note why: `found` with `kept` set. The note is written first, so a start after a
    power cut in between finds the note, never a quiet empty location. OSError when the
    folder may not be changed (the file then stays where it is)."""
    stamp = now.astimezone(UTC).strftime(STAMP)
    target = file.with_name(f"{file.stem}.damaged-{stamp}{file.suffix}")
    count = 1
    while any(Path(f"{target}{extra}").exists() for extra in ("", *SIDECARS)):
        count += 1
        target = file.with_name(f"{file.stem}.damaged-{stamp}-{count}{file.suffix}")
    kept = replace(found, kept=target)
    _write_note(file, kept)
    os.replace(file, target)
    for extra in SIDECARS:
        sidecar = file.with_name(file.name + extra)
        if sidecar.exists():
            os.replace(sidecar, target.with_name(target.name + extra))
    sync_folder(file.parent)
    return kept


def forget_damage(file: Path) -> None:
    """The coordinator chose (a backup put back, or an empty start), or a sound file is in
    place again: the note goes. A note that cannot be removed does no harm while the file
    is there."""
    with contextlib.suppress(OSError):
        note_file(file).unlink(missing_ok=True)


def _write_note(file: Path, found: Health) -> None:
    note = note_file(file)
    partial = note.with_name(f".{note.name}.part")
    data = {"kind": found.kind, "detail": found.detail,
            "kept": found.kept.name if found.kept else ""}
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(data, out)
        out.flush()
        os.fsync(out.fileno())
    os.replace(partial, note)


def _noted(file: Path) -> Health | None:
    """The damage noted for a file that was kept aside, when the coordinator has not chosen
    yet; None when there is no note."""
    note = note_file(file)
    try:
        data = json.loads(note.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        return Health(DAMAGED, f"{note}: {error}")
    if not isinstance(data, dict):
        return Health(DAMAGED, f"{note}: not a note")
    kind = data.get("kind")
    name = Path(str(data.get("kept") or "")).name  # a name beside the file, nothing else
    return Health(kind if kind in KEEP_ASIDE else DAMAGED, str(data.get("detail", "")),
                  kept=file.with_name(name) if name not in ("", ".", "..") else None)

