"""The data folder closed to other users of the computer.

The folder holds the names and progress of every learner; on a shared library computer
another account must not be able to copy them. On Linux and macOS, at every start, the
folder and every folder in it are made 0700 and every file 0600 (closing what an older
version, a copy or an unpacked backup left open), and the app's umask makes all it writes
afterwards the same: the database with its -wal and -shm, the log, the notices, the
lesson cache, exports.

Windows gives a folder in the user's own profile the profile's rights. There the check is
that the data folder is not in a shared place (C:\\Users\\Public, ProgramData, another disk,
a network share); when it is, the coordinator is told.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path, PureWindowsPath

from oefenplek.i18n import _
from oefenplek.notices import tell_coordinator

FOLDER_MODE = 0o700
FILE_MODE = 0o600
UMASK = 0o077
#: Windows folders every user of the computer can read (environment variables).
SHARED_WINDOWS_FOLDERS = ("PUBLIC", "ALLUSERSPROFILE", "ProgramData")


def close_to_others(folder: Path) -> None:
    """Close the data folder to other users (see the module); cheap enough for every start."""
    if os.name == "nt":
        warn_when_shared(str(folder.resolve()), os.environ)
        return
    os.umask(UMASK)
    tighten(folder)


def tighten(folder: Path) -> None:
    """Folders 0700 and files 0600, all the way down; links are left alone (and not
    followed), and what cannot be changed (another owner's file) is skipped."""
    for root, _folders, files in os.walk(folder):
        _set(root, FOLDER_MODE)
        for name in files:
            _set(os.path.join(root, name), FILE_MODE)


def _set(path: str, mode: int) -> None:
    try:
        info = os.lstat(path)
        if not (stat.S_ISDIR(info.st_mode) or stat.S_ISREG(info.st_mode)):
            return
        if stat.S_IMODE(info.st_mode) != mode:
            os.chmod(path, mode)
    except OSError:
        pass


def _parts(path: str) -> list[str]:
    return [part.casefold() for part in PureWindowsPath(path).parts]


def _inside(path: str, folder: str) -> bool:
    base = _parts(folder)
    return bool(base) and _parts(path)[: len(base)] == base


def shared_windows_folder(folder: str, environ: Mapping[str, str]) -> bool:
    """True when the Windows path `folder` is where other users of the computer can read:
    inside a shared folder, or outside the user's own profile (another disk, a network
    share). Without a known profile nothing is said."""
    if any(_inside(folder, environ[name]) for name in SHARED_WINDOWS_FOLDERS
           if environ.get(name)):
        return True
    profile = environ.get("USERPROFILE", "")
    return bool(profile) and not _inside(folder, profile)


def warn_when_shared(folder: str, environ: Mapping[str, str]) -> bool:
    """Tell the coordinator (once) when the data folder is in a shared place; True when so."""
    if not shared_windows_folder(folder, environ):
        return False
    tell_coordinator("shared-folder:" + folder, _(
        "The learners' data is kept in {folder}, where other users of this computer may be "
        "able to read it. Move the data folder into your own user folder, or ask the "
        "administrator to close this folder to others.").format(folder=folder))
    return True
