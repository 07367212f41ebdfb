"""The name of THIS computer, so a volunteer knows where to walk when a learner asks for help.

Several computers of one location may share one database; the name belongs to the computer,
not to the location, so it lives in `computer.json` in this computer's data folder and
never in the shared database. Until the coordinator gives one, it is the host name.
"""

from __future__ import annotations

import json
import os
import socket
import tempfile
import unicodedata
from pathlib import Path

FILE_NAME = "computer.json"
MAX_LENGTH = 40  # the `computer` columns are String(40)
FALLBACK = "pc"  # a computer without a host name still gets a name that can be shown


def clean_computer_name(name: str) -> str:
    """Control characters become spaces, invisible format characters go, one space between
    words, at most 40 characters: a name that shows the same on every screen."""
    shown = "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c
                    for c in name if unicodedata.category(c) != "Cf")
    return " ".join(shown.split())[:MAX_LENGTH].strip()


def default_computer_name() -> str:
    """The host name, cleaned: what the computer is called before anyone names it."""
    try:
        host = socket.gethostname()
    except OSError:
        host = ""
    return clean_computer_name(host) or FALLBACK


def computer_file(data_dir: Path) -> Path:
    return data_dir / FILE_NAME


def computer_name(data_dir: Path) -> str:
    """The saved name; the host name when none was saved or the file cannot be read (a
    broken file must not stop the app: the name only helps people find each other)."""
    try:
        saved = json.loads(computer_file(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return default_computer_name()
    name = saved.get("name") if isinstance(saved, dict) else None
    cleaned = clean_computer_name(name) if isinstance(name, str) else ""
    return cleaned or default_computer_name()


def save_computer_name(data_dir: Path, name: str) -> str:
    """Save the cleaned name whole (a temporary file moved into place); returns it.

    ValueError when nothing is left after cleaning; OSError when the disk refuses.
    """
    cleaned = clean_computer_name(name)
    if not cleaned:
        raise ValueError("a computer needs a name")
    text = json.dumps({"name": cleaned}, ensure_ascii=False, indent=2) + "\n"
    handle, temporary = tempfile.mkstemp(prefix=".computer-", suffix=".json", dir=data_dir)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, computer_file(data_dir))
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return cleaned
