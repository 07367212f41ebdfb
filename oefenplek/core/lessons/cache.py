"""Keep the checked lesson catalog in one file, so a start need not read every lesson again.

Reading, checking and parsing the SVG screens of every lesson costs a few milliseconds per
lesson at each start. The cache file holds the finished catalog (lessons, themes, problems)
with what it was made from: a key (cache format, lesson schema, model fields, the code and
Python that made it, the language its problem texts are in, with that language's translation
files, and the lesson folders) plus the size and mtime_ns of every file the loader looked at,
including files it missed: lessons, screens, pictures, themes.toml, the glossary
(_woordenlijst.toml and its pictures) and the words list (_taal.toml). It is reused only
when all of that is still the same.

Why JSON and not pickle: the model is plain dataclasses, so JSON is enough; reading JSON runs no
code, whatever is in the file, and the decoder checks every value's type. A missing, empty,
truncated, damaged or foreign file simply means "no cache": the catalog is built again and
the file rewritten. Writing goes to a temporary file and then `os.replace`, so a reader sees
the old file or the new one, never half of one; when writing fails (full disk, read-only
folder) the app starts all the same, only without a cache.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from oefenplek import i18n, paths
from oefenplek.core.lessons import codec, schema
from oefenplek.core.lessons.model import Catalog
from oefenplek.core.lessons.stamps import Seen, Stamp, stamp, unchanged

#: Raise when the layout of the cache file changes.
CACHE_FORMAT = 1
_MAGIC = "oefenplek lesson cache"
#: The modules whose code decides what the catalog holds (their files exist in a source tree;
#: in the bundle a new build changes `sys.executable` instead).
_MODULES = ("cache", "catalog", "checks", "codec", "collect", "glossary", "loader", "marks",
            "model", "readability", "schema", "sources", "stamps", "svg", "words")


def load(cache_file: Path, roots: list[Path], folders: list[list[Path]],
         build: Callable[[Seen], Catalog]) -> Catalog:
    """The cached catalog when it is still right; else `build` it and store it for next time."""
    key = fingerprint(roots, folders)
    found = read(cache_file, key)
    if found is not None:
        return found
    seen = Seen()
    catalog = build(seen)
    write(cache_file, key, seen.files, catalog)
    return catalog


def fingerprint(roots: list[Path], folders: list[list[Path]]) -> dict[str, Any]:
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
        "code": {str(file): _plain(stamp(file)) for file in code},
        "language": language,
        "translations": {str(file): _plain(stamp(file)) for file in translations},
        "roots": [str(root) for root in roots],
        "resolved": [str(root.resolve()) for root in roots],
        "folders": [[str(folder) for folder in found] for found in folders],
    }


def read(cache_file: Path, key: dict[str, Any]) -> Catalog | None:
    """The catalog in the file, or None when there is none that fits `key` and today's files."""
    try:
        data = json.loads(cache_file.read_bytes())
    except (OSError, ValueError, RecursionError):  # missing, unreadable, not JSON, not UTF-8
        return None
    if not isinstance(data, dict) or data.get("magic") != _MAGIC or data.get("key") != key:
        return None
    try:
        files = data["files"]
        if not isinstance(files, dict) or not unchanged(
                {name: _stamp(value) for name, value in files.items()}):
            return None
        return codec.decode_catalog(data["catalog"])
    except (KeyError, TypeError, ValueError, RecursionError):
        return None


def write(cache_file: Path, key: dict[str, Any], files: dict[str, Stamp],
          catalog: Catalog) -> None:
    """Store the catalog atomically; any failure only means the next start builds it again."""
    temporary = cache_file.with_name(f"{cache_file.name}.{os.getpid()}.tmp")
    try:
        text = json.dumps({
            "magic": _MAGIC,
            "key": key,
            "files": {name: _plain(value) for name, value in files.items()},
            "catalog": codec.encode_catalog(catalog),
        }, ensure_ascii=False, separators=(",", ":"))
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, cache_file)
    except (OSError, ValueError, TypeError):
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def _plain(value: Stamp) -> list[int] | None:
    return None if value is None else list(value)


def _stamp(value: Any) -> Stamp:
    if value is None:
        return None
    size, mtime = value  # ValueError or TypeError when it is no pair
    if type(size) is not int or type(mtime) is not int:
        raise TypeError("a stamp is two whole numbers")
    return size, mtime
