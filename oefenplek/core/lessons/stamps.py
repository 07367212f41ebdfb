"""Which files the lesson loader looked at, and how they were when it did.

The lesson cache may only be reused while none of these changed. A file is stamped the first
time the loader looks at it, *before* it is read: if it changes between the stamp and the read,
the next start sees a different stamp and rebuilds, so a cache can be a start late but never
stale. A missing file is stamped too (as None), because a lesson that named a missing picture
must load once the picture is there.

Every file is stamped by itself, not by its folder: a folder's mtime changes when a file in it
is added, removed or renamed, but not when a file is written over in place (as many editors
and copy tools do), so a folder stamp alone could hide an edited lesson. One `stat` per file
is the least that never misses a change.
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Iterable
from pathlib import Path

#: (size in bytes, modification time in nanoseconds), or None when the file is not there.
Stamp = tuple[int, int] | None


def stamp(path: Path | str) -> Stamp:
    try:
        info = os.stat(path)
    except (OSError, ValueError):  # ValueError: a name with a NUL byte in it
        return None
    return info.st_size, info.st_mtime_ns


def plain(value: Stamp) -> list[int] | None:
    """A stamp as the cache file stores it: [size, mtime_ns], or null."""
    return None if value is None else list(value)


class Seen:
    """The stamps of every file one load looked at, keyed by the path as a string."""

    def __init__(self) -> None:
        self.files: dict[str, Stamp] = {}

    def note(self, path: Path) -> Stamp:
        """Stamp `path` (once) and give its stamp: None when it is not there."""
        key = str(path)
        if key not in self.files:
            self.files[key] = stamp(key)
        return self.files[key]


def digest(stamps: Iterable[Stamp]) -> str:
    """One short text for many stamps, in their order: equal only when every stamp is.

    The cache keeps this instead of every stamp, so a start has little to read back; BLAKE2b
    with 128 bits makes two different sets of stamps with the same digest as good as
    impossible."""
    numbers = array("q")
    for found in stamps:
        numbers.extend(found if found is not None else _MISSING)
    return _blake2b(numbers.tobytes())


def digest_now(names: Iterable[str]) -> str:
    """`digest` of the stamps the named files have now: a `stat` each and little else, since
    a start does this for every file of every lesson."""
    numbers = array("q")
    add, look = numbers.extend, os.stat
    for name in names:
        try:
            info = look(name)
        except (OSError, ValueError):
            add(_MISSING)
        else:
            add((info.st_size, info.st_mtime_ns))
    return _blake2b(numbers.tobytes())


def text_digest(text: str) -> str:
    """A short digest of a long text (such as the names of the lesson folders)."""
    return _blake2b(text.encode("utf-8", "surrogatepass"))


def _blake2b(data: bytes) -> str:
    from hashlib import blake2b  # when first needed: not before the learner picker is shown

    return blake2b(data, digest_size=16).hexdigest()


_MISSING = (-1, -1)  # no file has a size of -1
