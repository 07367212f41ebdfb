"""Messages for the coordinator, never for the learner: kept in one file in the data folder.

Each message is written once (a repeat on the next start is not added again), so the file
stays short; it goes to the log as well. The coordinator area will show this file; until
then it can be opened by hand.
"""

from __future__ import annotations

import logging
import sys
from datetime import UTC, datetime

from oefenplek import paths

FILE_NAME = "voor-de-coordinator.txt"
LOGGER = logging.getLogger(__name__)


def tell_coordinator(key: str, message: str) -> bool:
    """Add the message unless one with this key is already there; True when added."""
    file = paths.data_dir() / FILE_NAME
    marker = f"[{key}]"
    try:
        existing = file.read_text(encoding="utf-8") if file.exists() else ""
        if marker in existing:
            return False
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        with file.open("a", encoding="utf-8") as handle:
            handle.write(f"{stamp} {marker} {message}\n")
    except OSError:
        return False
    LOGGER.warning("%s %s", marker, message)
    print(message, file=sys.stderr)
    return True


def read_notices() -> list[str]:
    file = paths.data_dir() / FILE_NAME
    try:
        return file.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
