"""Writing a document so that the place it goes to never holds half a file.

The document is first made in a private temporary folder, then copied next to its target
under a temporary name and moved into place in one step. On a full disk or a folder that
may not be written to, the copy fails in our own code, which cleans up after itself.

A document holds learners' data, so it is readable by its owner only (0600), wherever it is
saved; a disk that keeps no such rights (a FAT stick) takes it as it can.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
FILE_MODE = 0o600


def write_whole(target: Path, render: Callable[[Path], T]) -> T:
    """Run `render(path)` into a temporary file, then put the result at `target` whole."""
    with tempfile.TemporaryDirectory(prefix="oefenplek-") as folder:
        made = Path(folder) / target.name
        result = render(made)
        part = target.with_name(f".{target.name}.part")
        try:
            with made.open("rb") as source, part.open("wb") as destination:
                with contextlib.suppress(OSError):
                    os.chmod(part, FILE_MODE)
                shutil.copyfileobj(source, destination)
                destination.flush()
                os.fsync(destination.fileno())
            os.replace(part, target)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
    return result
