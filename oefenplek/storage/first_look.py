"""The learners for the first screen, read with the standard library before SQLAlchemy loads.

Starting the app is mostly loading SQLAlchemy and building screens. The learner picker needs
only names and pictures, so on the embedded SQLite database it is filled from here and shown
at once; the full storage layer is made right after. Anything unusual (no file yet, another
schema revision, a location database, a damaged file) gives None and the normal start,
with its migrations and plain messages, takes over.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from oefenplek.core.learners import LearnerEntry
from oefenplek.storage.location import SETTINGS_FILE
from oefenplek.storage.revision import HEAD_REVISION

#: The same order as Repository.learner_entries: most recently seen first, then by name.
QUERY = """
SELECT l.id, l.name, l.avatar
FROM learner AS l
LEFT JOIN (SELECT learner_id, MAX(started_at) AS seen FROM visit GROUP BY learner_id) AS v
       ON v.learner_id = l.id
WHERE l.archived_at IS NULL
ORDER BY COALESCE(v.seen, l.created_at) DESC, l.name
"""


def on_this_computer(path: Path) -> bool:
    """True when the app uses the SQLite file at `path`, not a location database."""
    return not (os.environ.get("OEFENPLEK_DATABASE_URL")
                or (path.parent / SETTINGS_FILE).exists())


def learners_at_start(path: Path) -> list[LearnerEntry] | None:
    """The picker's learners from the SQLite file at `path`, or None to start normally.

    No file yet is a new location: nobody to show.
    """
    if not on_this_computer(path):
        return None  # a location database: its learners are on the server
    if not path.exists():
        return []
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=2)
    except sqlite3.Error:
        return None
    try:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or revision[0] != HEAD_REVISION:
            return None
        return list(map(LearnerEntry._make, connection.execute(QUERY)))
    except sqlite3.Error:
        return None
    finally:
        connection.close()
