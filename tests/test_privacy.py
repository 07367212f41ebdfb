"""The data folder is closed to other users: by the command line as by the app (the app's
own start is tried in tests/gui/test_data_folder.py), and on Windows a shared place is told."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from oefenplek.cli import main
from oefenplek.notices import read_notices
from oefenplek.privacy import shared_windows_folder, warn_when_shared

from .conftest import REPO


def modes(folder: Path) -> dict[str, int]:
    return {str(path.relative_to(folder)): stat.S_IMODE(path.lstat().st_mode)
            for path in [folder, *folder.rglob("*")] if not path.is_symlink()}


def left_open(home: Path, tmp_path: Path) -> Path:
    """A data folder as an older version left it: 0755 folders, 0644 files, and a link to
    someone else's file (which must not change); returns that file."""
    (home / "backups").mkdir(parents=True)
    for name in ("oefenplek.sqlite3", "oefenplek.log", "backups/oud.sqlite3"):
        (home / name).write_bytes(b"gegevens")
        (home / name).chmod(0o644)
    for folder in (home, home / "backups"):
        folder.chmod(0o755)
    other = tmp_path / "van-een-ander.txt"
    other.write_text("niet van ons", encoding="utf-8")
    other.chmod(0o644)
    (home / "koppeling").symlink_to(other)
    return other


def test_the_command_line_closes_the_data_folder_in_its_own_process(
        home: Path, tmp_path: Path) -> None:
    other = left_open(home, tmp_path)
    env = {**os.environ, "OEFENPLEK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "oefenplek", "--self-test"], env=env,
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    found = modes(home)
    assert "lessons-cache.json" in found  # written by the self-test
    assert found == {name: 0o700 if (home / name).is_dir() else 0o600 for name in found}
    assert stat.S_IMODE(other.stat().st_mode) == 0o644


def test_after_a_command_what_the_process_writes_is_closed_too(
        home: Path, tmp_path: Path) -> None:
    left_open(home, tmp_path)
    assert main(["lessons", "check"]) == 0
    assert set(modes(home).values()) == {0o700, 0o600}
    (home / "nieuw.txt").write_text("geschreven na de start", encoding="utf-8")
    (home / "nieuwe-map").mkdir()
    assert stat.S_IMODE((home / "nieuw.txt").stat().st_mode) == 0o600
    assert stat.S_IMODE((home / "nieuwe-map").stat().st_mode) == 0o700


WINDOWS = {"USERPROFILE": r"C:\Users\Anna", "PUBLIC": r"C:\Users\Public",
           "ALLUSERSPROFILE": r"C:\ProgramData", "ProgramData": r"C:\ProgramData"}


@pytest.mark.parametrize("folder, shared", [
    (r"C:\Users\Anna\AppData\Local\oefenplek", False),  # the default: the own profile
    (r"c:\users\ANNA\Documents\oefenplek", False),  # Windows paths ignore case
    (r"C:\Users\Public\Documents\oefenplek", True),
    (r"C:\ProgramData\oefenplek", True),
    (r"D:\oefenplek", True),  # another disk: other users' rights
    (r"C:\Users\Anna2\oefenplek", True),  # another user's profile, not a sub-folder of ours
    (r"\\server\bibliotheek\oefenplek", True),  # a network share
    (r"C:\oefenplek", True),
])
def test_a_shared_place_on_windows_is_recognised(folder: str, shared: bool) -> None:
    assert shared_windows_folder(folder, WINDOWS) is shared


def test_without_a_known_profile_only_the_shared_folders_count() -> None:
    environ = {"PUBLIC": r"C:\Users\Public"}
    assert not shared_windows_folder(r"D:\oefenplek", environ)
    assert shared_windows_folder(r"C:\Users\Public\oefenplek", environ)
    assert not shared_windows_folder(r"D:\oefenplek", {})


def test_the_coordinator_is_told_once_when_the_folder_is_shared(home: Path) -> None:
    assert not warn_when_shared(r"C:\Users\Anna\AppData\Local\oefenplek", WINDOWS)
    assert read_notices() == []
    for _start in range(2):
        assert warn_when_shared(r"C:\Users\Public\oefenplek", WINDOWS)
    [notice] = read_notices()
    assert ("De gegevens van de deelnemers staan in C:\\Users\\Public\\oefenplek. Andere "
            "gebruikers van deze computer kunnen ze daar misschien lezen.") in notice
