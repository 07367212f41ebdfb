"""Keep the checked lesson catalog in one file, so a start need not read every lesson again.

Reading, checking and parsing the SVG screens of every lesson costs a few milliseconds per
lesson at each start. The cache file holds the finished catalog (lessons, themes, glossary,
problems) with what it was made from: a key (cache format, lesson schema, model fields, the
code and Python that made it, the language its problem texts are in, with that language's
translation files, the lesson folders and the folders in them) plus the size and mtime_ns of
every file the loader looked at, including files it missed: lessons, screens, pictures,
themes.toml, the glossary (_woordenlijst.toml and its pictures), the words list (_taal.toml)
and the lesson.toml of every folder that could be a lesson. It is reused only when all of
that is still the same (see stamps.py for why every file is stamped by itself).

A start reads only the head of the file: the key, the names of the files with one digest of
their stamps, the themes and the problems, which is all the learner picker and the
coordinator's notice need. The lessons and the
glossary, most of the file, are read from it the first time anyone asks for them
(`CachedCatalog`), still type-checked value by value. A random token in the head and again
at the start of the rest proves that rest was written with this head; when it was not
(another start has replaced the file since) or it is damaged, the catalog is built afresh
from the lesson files right then, never half-read. So the cost of a start hardly grows with
the number of lessons: a `stat` per file and a few bytes per lesson.

The file is one JSON object, `{"magic": ..., "size": <head bytes>, "head": {...},
"catalog": [token, lessons, glossary]}`, with the head's length in a fixed-width field so it
can be read without reading the rest. Why JSON and not pickle: the model is plain dataclasses,
so JSON is enough; reading JSON runs no code, whatever is in the file, and the decoder checks
every value's type. A missing, empty, truncated, damaged or foreign file simply means "no
cache": the catalog is built again and the file rewritten. Writing goes to a temporary file
and then `os.replace`, so a reader sees the old file or the new one, never half of one; when
writing fails (full disk, read-only folder) the app starts all the same, only without a
cache.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import sys
import threading
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

from oefenplek import i18n, paths
from oefenplek.core.lessons import codec, schema
from oefenplek.core.lessons.model import Catalog, GlossaryWord, Lesson, Problem, Theme
from oefenplek.core.lessons.stamps import (
    Seen,
    Stamp,
    digest,
    digest_now,
    plain,
    stamp,
    text_digest,
)

#: Raise when the layout of the cache file changes.
CACHE_FORMAT = 2
#: The modules whose code decides what the catalog holds (their files exist in a source tree;
#: in the bundle a new build changes `sys.executable` instead).
_MODULES = ("cache", "catalog", "checks", "codec", "collect", "glossary", "loader", "marks",
            "model", "readability", "schema", "sources", "stamps", "svg", "words")
#: The file's first bytes, then the head's size in bytes (right-aligned in _SIZE_WIDTH), then
#: _HEAD, the head, _REST, the rest and a closing brace.
_PREFIX = b'{"magic":"oefenplek lesson cache","size":'
_SIZE_WIDTH = 12
_HEAD = b',"head":'
_REST = b',"catalog":'
_START = len(_PREFIX) + _SIZE_WIDTH + len(_HEAD)
#: The Catalog's fields as the codec stores them.
_HINTS = typing.get_type_hints(Catalog)

#: Builds the catalog from the lesson files, noting every file it looks at.
Build = Callable[[Seen], Catalog]
#: Problems that depend on more than the files (the age of sources): added to every catalog,
#: fresh or cached, once its lessons are there.
Later = Callable[[dict[str, Lesson]], list[Problem]]


def load(cache_file: Path, roots: list[Path], listing: list[list[str]], build: Build,
         later: Later) -> Catalog:
    """The cached catalog when it is still right; else `build` it and store it for next time.

    `listing`: the names of the folders in each root that could hold a lesson."""
    key = fingerprint(roots, listing)

    def afresh() -> Catalog:
        seen = Seen()
        catalog = build(seen)
        write(cache_file, key, seen.files, catalog)
        catalog.problems.extend(later(catalog.lessons))
        return catalog

    return read(cache_file, key, afresh, later) or afresh()


def fingerprint(roots: list[Path], listing: list[list[str]]) -> dict[str, Any]:
    """Everything besides the lesson files that the catalog depends on, as JSON values."""
    here = Path(__file__).parent
    code = [Path(sys.executable), *(here / f"{name}.py" for name in _MODULES)]
    language = i18n.current_language()
    messages = paths.locales_dir() / language / "LC_MESSAGES"
    translations = [messages / f"{i18n.DOMAIN}.{ext}" for ext in ("po", "mo")]
    return {
        "format": CACHE_FORMAT,
        "schema": schema.SCHEMA_VERSION,
        "model": codec.model_signature(),
        "code": {str(file): plain(stamp(file)) for file in code},
        "language": language,
        "translations": {str(file): plain(stamp(file)) for file in translations},
        "roots": [str(root) for root in roots],
        "resolved": [str(root.resolve()) for root in roots],
        # The folders that could be lessons, as a digest: a start compares it, nothing more.
        "listing": text_digest("\0\0".join("\0".join(names) for names in listing)),
    }


def read(cache_file: Path, key: dict[str, Any], afresh: Callable[[], Catalog],
         later: Later) -> Catalog | None:
    """The catalog in the file, or None when there is none that fits `key` and today's files.

    Only the head is read now; `afresh` builds the catalog if the rest turns out unusable."""
    try:
        with open(cache_file, "rb") as handle:
            start = handle.read(_START)
            if len(start) != _START or not start.startswith(_PREFIX) or not start.endswith(
                    _HEAD):
                return None
            size = int(start[len(_PREFIX):-len(_HEAD)])  # ValueError when it is no number
            if not 0 < size < 1 << 30:
                return None
            text = handle.read(size)
        head = json.loads(text) if len(text) == size else None
    except (OSError, ValueError, RecursionError):  # missing, unreadable, not JSON, not UTF-8
        return None
    if not isinstance(head, dict) or head.get("key") != key:
        return None
    try:
        files, token = head["files"], head["token"]
        if type(files) is not str or type(token) is not str or head["stamps"] != digest_now(
                files.split("\0") if files else ()):
            return None
        count, themes = head["count"], codec.decode_part(_HINTS["themes"], head["themes"])
        problems = codec.decode_part(_HINTS["problems"], head["problems"])
        if type(count) is not int:
            return None
    except (KeyError, TypeError, ValueError, OverflowError, RecursionError):
        return None
    return CachedCatalog(themes, problems, count, _Rest(cache_file, _START + size, token), afresh,
                         later)


def write(cache_file: Path, key: dict[str, Any], files: dict[str, Stamp],
          catalog: Catalog) -> None:
    """Store the catalog atomically; any failure only means the next start builds it again."""
    temporary = cache_file.with_name(f"{cache_file.name}.{os.getpid()}.tmp")
    token = os.urandom(16).hex()

    def dump(value: Any) -> bytes:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    try:
        head = dump({
            "key": key,
            "token": token,
            "files": "\0".join(files),  # no file name holds a NUL
            "stamps": digest(files.values()),
            "count": len(catalog.lessons),
            "themes": codec.encode_part(_HINTS["themes"], catalog.themes),
            "problems": codec.encode_part(_HINTS["problems"], catalog.problems),
        })
        rest = dump([token, codec.encode_part(_HINTS["lessons"], catalog.lessons),
                     codec.encode_part(_HINTS["glossary"], catalog.glossary)])
        size = str(len(head)).rjust(_SIZE_WIDTH).encode("ascii")
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(handle, "wb") as out:
            out.write(b"".join((_PREFIX, size, _HEAD, head, _REST, rest, b"}")))
        os.replace(temporary, cache_file)
    except (OSError, ValueError, TypeError, OverflowError):
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


@dataclasses.dataclass(frozen=True)
class _Rest:
    """Where the lessons and the glossary are in the cache file, and the head's token."""

    file: Path
    offset: int
    token: str

    def decode(self) -> tuple[dict[str, Lesson], dict[str, GlossaryWord]]:
        """Read and check them; OSError, ValueError or TypeError when they are not usable."""
        with open(self.file, "rb") as handle:
            handle.seek(self.offset)
            data = handle.read()
        if not data.startswith(_REST) or not data.endswith(b"}"):
            raise ValueError("the rest of the lesson cache is missing")
        value = json.loads(data[len(_REST):-1])
        if type(value) is not list or len(value) != 3 or value[0] != self.token:
            raise ValueError("the rest of the lesson cache is from another write")
        return (codec.decode_part(_HINTS["lessons"], value[1]),
                codec.decode_part(_HINTS["glossary"], value[2]))


class CachedCatalog(Catalog):
    """A catalog from the cache file: its themes and problems are there at once, its lessons
    and glossary are read from the file the first time they are asked for.

    It behaves as a Catalog in every way (`lessons` is a dict of Lesson, it compares equal to
    the same catalog built from the files). Asking for `problems` or `warnings` reads the
    lessons too, for the warnings about old sources; `errors` does not need them."""

    def __init__(self, themes: list[Theme], problems: list[Problem], count: int, rest: _Rest,
                 afresh: Callable[[], Catalog], later: Later) -> None:
        # Not Catalog.__init__: its assignments would read the lessons at once.
        self.themes = themes
        self._stored, self._count = problems, count
        self._rest, self._afresh, self._later = rest, afresh, later
        self._lessons: dict[str, Lesson] = {}
        self._glossary: dict[str, GlossaryWord] = {}
        self._problems: list[Problem] = []
        self._lock = threading.Lock()
        self._ready = False

    def _fill(self) -> None:
        if not self._ready:
            with self._lock:  # two threads asking at once read the file once
                self._fill_once()

    def _fill_once(self) -> None:
        if self._ready:
            return
        try:
            lessons, glossary = self._rest.decode()
            problems = [*self._stored, *self._later(lessons)]
        except (OSError, ValueError, TypeError, KeyError, RecursionError):
            fresh = self._afresh()  # the file was replaced or damaged: read the lessons
            self.themes = fresh.themes
            lessons, glossary, problems = fresh.lessons, fresh.glossary, fresh.problems
        self._lessons, self._glossary, self._problems = lessons, glossary, problems
        self._ready = True

    @property
    def lessons(self) -> dict[str, Lesson]:
        self._fill()
        return self._lessons

    @lessons.setter
    def lessons(self, value: dict[str, Lesson]) -> None:
        self._fill()
        self._lessons = value

    @property
    def glossary(self) -> dict[str, GlossaryWord]:
        self._fill()
        return self._glossary

    @glossary.setter
    def glossary(self, value: dict[str, GlossaryWord]) -> None:
        self._fill()
        self._glossary = value

    @property
    def problems(self) -> list[Problem]:
        self._fill()
        return self._problems

    @problems.setter
    def problems(self, value: list[Problem]) -> None:
        self._fill()
        self._problems = value

    @property
    def errors(self) -> list[Problem]:
        """The errors without reading the lessons (the age warnings are never errors)."""
        found = self._problems if self._ready else self._stored
        return [p for p in found if not p.warning]

    @property
    def read_in(self) -> bool:
        """True once the lessons have been read from the file (for tests and benchmarks)."""
        return self._ready

    @property
    def count(self) -> int:
        """How many lessons there are, without reading them."""
        return len(self._lessons) if self._ready else self._count

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Catalog):
            return NotImplemented
        return all(getattr(self, field.name) == getattr(other, field.name)
                   for field in dataclasses.fields(Catalog))

    __hash__ = None  # type: ignore[assignment]


def lesson_count(catalog: Catalog) -> int:
    """How many lessons the catalog has; a cached one does not read its lessons for it."""
    return catalog.count if isinstance(catalog, CachedCatalog) else len(catalog.lessons)
