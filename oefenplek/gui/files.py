"""Where files are offered to be saved, and names a file system accepts."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from oefenplek.core.text import clean_line


def documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def private_names(name: str, learner_id: str) -> dict[str, str]:
    """A learner's name as a file name may hold it, each with what the log says instead."""
    instead = f"learner-{learner_id or 'unknown'}"
    return {safe_file_name(name): instead, name: instead} if name.strip() else {}


def safe_file_name(text: str) -> str:
    """A file name without characters that Windows or Linux refuse, or that hide what the
    file is (a direction override can make 'fdp.exe' read as 'exe.pdf')."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", clean_line(text, 240))
    return " ".join(cleaned.split())[:120] or "certificaat"
