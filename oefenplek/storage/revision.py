"""The newest schema revision: start-up compares the database with it before loading
SQLAlchemy or Alembic (a test checks that it is Alembic's head)."""

from __future__ import annotations

HEAD_REVISION = "0006"
