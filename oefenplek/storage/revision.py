"""The schema revisions this version knows: start-up compares the database with them before
loading SQLAlchemy or Alembic (a test checks them against Alembic's own list)."""

from __future__ import annotations

HEAD_REVISION = "0009"
#: Every revision this version can open or upgrade; a file with another one was made by a
#: newer (or another) oefenplek and is left as it is.
KNOWN_REVISIONS = frozenset({"0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008",
                             "0009"})
