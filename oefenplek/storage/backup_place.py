"""The second folder for backups (a USB stick, a network share), chosen by the coordinator.

A USB stick's path belongs to one computer, not to the location, so the choice is kept in
`backup-second-folder.json` in this computer's data folder and never in the shared database
(as storage.computer does with the computer's name). No file means no second folder.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

FILE_NAME = "backup-second-folder.json"


def place_file(data_dir: Path) -> Path:
    return data_dir / FILE_NAME


def second_folder(data_dir: Path) -> Path | None:
    """The chosen second folder; None when none was chosen or the file cannot be read (a
    broken file must not stop a backup: the backups folder itself is still written)."""
    try:
        saved = json.loads(place_file(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    folder = saved.get("folder") if isinstance(saved, dict) else None
    if not isinstance(folder, str) or not folder.strip() or "\0" in folder:
        return None
    return Path(folder)


def save_second_folder(data_dir: Path, folder: Path | None) -> None:
    """Keep the choice whole (a temporary file moved into place); None forgets it.
    OSError when the disk refuses."""
    if folder is None:
        place_file(data_dir).unlink(missing_ok=True)
        return
    text = json.dumps({"folder": str(folder)}, ensure_ascii=False, indent=2) + "\n"
    data_dir.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".backup-folder-", suffix=".json",
                                         dir=data_dir)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, place_file(data_dir))
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
