"""A computer without libpulse (no sound system): the app's self-test and read-aloud still work.

libpulse is hidden by putting a library of that name that is not libpulse first on the
library path, so Qt Multimedia (and Qt's text-to-speech, which needs it) cannot load, as on
a machine where it is missing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import espeakng_loader

from .conftest import REPO


def without_libpulse(folder: Path, home: Path) -> dict[str, str]:
    """The environment of a computer without libpulse (and no Python settings)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(espeakng_loader.get_library_path(), folder / "libpulse.so.0")
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTHON", "OEFENPLEK_", "PYTEST"))}
    env.update(OEFENPLEK_HOME=str(home), QT_QPA_PLATFORM="offscreen",
               LD_LIBRARY_PATH=os.pathsep.join(
                   [str(folder), *filter(None, [os.environ.get("LD_LIBRARY_PATH")])]))
    return env


def test_qt_multimedia_really_cannot_load_there(tmp_path: Path) -> None:
    env = without_libpulse(tmp_path / "lib", tmp_path / "home")
    result = subprocess.run([sys.executable, "-c", "from PySide6 import QtMultimedia"],
                            env=env, capture_output=True, text=True, timeout=60)
    assert sys.platform != "linux" or "ImportError" in result.stderr, result.stderr


def test_the_self_test_passes_and_names_the_built_in_voice(tmp_path: Path) -> None:
    env = without_libpulse(tmp_path / "lib", tmp_path / "home")
    result = subprocess.run([sys.executable, "-m", "oefenplek", "--self-test"], env=env,
                            cwd=tmp_path, capture_output=True, text=True, encoding="utf-8",
                            timeout=180)
    report = f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    assert result.returncode == 0, report
    assert re.search(r"^(LET OP|OK) +voorlezen: ingebouwde stem", result.stdout, re.M), report
    if sys.platform == "linux":
        assert "LET OP voorlezen: ingebouwde stem, geen geluidsuitgang gevonden" in result.stdout
    assert result.stdout.rstrip().endswith("Alles werkt."), report


def test_read_aloud_journeys_pass_there(tmp_path: Path) -> None:
    """The tests of read-aloud, run again without libpulse (conftest then uses the built-in
    voice, played silently, instead of Qt's mock voice)."""
    env = without_libpulse(tmp_path / "lib", tmp_path / "home")
    env.pop("OEFENPLEK_HOME")  # the tests make their own
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-k", "not postgresql",
         "tests/gui/test_builtin_voice.py",
         "tests/gui/test_help_and_reading.py::test_the_word_being_said_is_marked_on_screen"],
        env=env, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]


def test_the_self_test_fails_when_the_voice_itself_is_broken(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTHON", "OEFENPLEK_", "PYTEST"))}
    env.update(OEFENPLEK_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen",
               OEFENPLEK_ESPEAK_LIBRARY=str(tmp_path / "no-such-libespeak-ng.so"))
    result = subprocess.run([sys.executable, "-m", "oefenplek", "--self-test"], env=env,
                            cwd=tmp_path, capture_output=True, text=True, encoding="utf-8",
                            timeout=180)
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r"^FOUT +voorlezen: de ingebouwde stem werkt niet: eSpeak NG could not "
                     r"be loaded", result.stdout, re.M), result.stdout
