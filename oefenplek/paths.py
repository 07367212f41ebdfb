"""Where oefenplek finds its files: one place, so source tree and frozen bundle both work.

The data folder holds the database and the location's own extra lessons. It is the
platform's user data folder unless OEFENPLEK_HOME names another one (tests use that).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "oefenplek"


def install_root() -> Path:
    """The folder that holds lessons/, assets/ and locales/ (repo root or bundle root)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def lessons_dir() -> Path:
    return install_root() / "lessons"


def assets_dir() -> Path:
    return install_root() / "assets"


def locales_dir() -> Path:
    return install_root() / "locales"


def package_dir() -> Path:
    """The oefenplek package folder; in the bundle, the copy of its data files (migrations)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / APP_NAME
    return Path(__file__).resolve().parent


def migrations_dir() -> Path:
    """Alembic's migration scripts, which Alembic reads from disk (also in the bundle)."""
    return package_dir() / "storage" / "migrations"


def data_dir() -> Path:
    """The folder for the database and local lessons; created when missing, readable by
    this user only (oefenplek.privacy closes what is in it)."""
    override = os.environ.get("OEFENPLEK_HOME")
    if override:
        folder = Path(override).expanduser()
    else:
        from platformdirs import user_data_dir

        folder = Path(user_data_dir(APP_NAME, appauthor=False))
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def database_path() -> Path:
    return data_dir() / "oefenplek.sqlite3"


def extra_lesson_dirs() -> list[Path]:
    """Lesson folders a location adds without rebuilding: beside the program, in the data folder."""
    candidates = [data_dir() / "lessons"]
    if getattr(sys, "frozen", False):
        candidates.insert(0, Path(sys.executable).resolve().parent / "lessons")
    return [folder for folder in candidates if folder.is_dir()]


def asset(*parts: str) -> Path:
    return assets_dir().joinpath(*parts)
