"""Running a storage action from a screen: if the database fails, the person is told why."""

from __future__ import annotations

from collections.abc import Callable

from oefenplek.storage.db import StorageError


def run_safely(action: Callable[[], object], tell: Callable[[str], None]) -> bool:
    """Run `action`; on a StorageError pass its plain message to `tell` and return False.

    The message was already written in plain words (and translated) where it was raised.
    """
    try:
        action()
    except StorageError as error:
        tell(str(error))
        return False
    return True
