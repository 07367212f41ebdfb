"""Which files the lesson loader looked at, and how they were when it did.

The lesson cache may only be reused while none of these changed. A file is stamped the first
time the loader looks at it, *before* it is read: if it changes between the stamp and the read,
the next start sees a different stamp and rebuilds, so a cache can be a start late but never
stale. A missing file is stamped too (as None), because a lesson that named a missing picture
must load once the picture is there.
"""

from __future__ import annotations

import os
from pathlib import Path

#: (size in bytes, modification time in nanoseconds), or None when the file is not there.
Stamp = tuple[int, int] | None


def stamp(path: Path | str) -> Stamp:
    try:
        info = os.stat(path)
    except (OSError, ValueError):  # ValueError: a name with a NUL byte in it
        return None
    return info.st_size, info.st_mtime_ns


class Seen:
    """The stamps of every file one load looked at, keyed by the path as a string."""

    def __init__(self) -> None:
        self.files: dict[str, Stamp] = {}

    def note(self, path: Path) -> None:
        key = str(path)
        if key not in self.files:
            self.files[key] = stamp(key)


def unchanged(files: dict[str, Stamp]) -> bool:
    """True when every file still has the stamp it had."""
    return all(stamp(name) == before for name, before in files.items())
