"""The coordinator's log: one rotating file in the data folder, written with `logging`."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from oefenplek import logbook
from oefenplek.gui.operations import Operations
from oefenplek.notices import tell_coordinator


def test_log_lines_from_anywhere_in_the_app_arrive_in_the_data_folders_log(
        home: Path) -> None:
    home.mkdir()
    file = logbook.start(home)
    assert file == home / "oefenplek.log"
    logging.getLogger("oefenplek.storage.something").info("a line from storage")
    Operations(home).log("a line from an operation")
    tell_coordinator("test", "A message for the coordinator.")
    lines = file.read_text(encoding="utf-8").splitlines()
    assert [line.split(" ", 3)[2:] for line in lines] == [
        ["UTC", "INFO oefenplek.storage.something: a line from storage"],
        ["UTC", "INFO oefenplek.gui.operations: a line from an operation"],
        ["UTC", "WARNING oefenplek.notices: [test] A message for the coordinator."]]


def test_the_log_moves_aside_beyond_a_megabyte_and_keeps_three_old_ones(home: Path) -> None:
    home.mkdir()
    file = logbook.start(home)
    logger = logging.getLogger("oefenplek.test")
    line = "x" * 999
    for number in range(1_500):  # 1.5 MB
        logger.info("%05d %s", number, line)
    assert file.stat().st_size < logbook.MAX_BYTES
    old = home / "oefenplek.log.1"
    assert old.stat().st_size <= logbook.MAX_BYTES
    assert " 00000 " in old.read_text(encoding="utf-8").splitlines()[0]
    assert " 01499 " in file.read_text(encoding="utf-8").splitlines()[-1]
    for number in range(6_000):  # 6 MB more: only three old files are kept
        logger.info("%05d %s", number, line)
    assert sorted(path.name for path in home.iterdir()) == [
        "oefenplek.log", "oefenplek.log.1", "oefenplek.log.2", "oefenplek.log.3"]
    assert sum(path.stat().st_size for path in home.iterdir()) <= 4 * logbook.MAX_BYTES


def test_a_log_that_cannot_be_written_says_nothing_and_stops_nothing(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home.mkdir()
    (home / "oefenplek.log").mkdir()  # in the way: the file cannot be opened
    logbook.start(home)
    told: list[str] = []
    assert not Operations(home).run(_refused, told.append)
    assert told == ["Opslaan lukt niet: de schijf is vol. Vraag de beheerder om ruimte te "
                    "maken."]
    assert capsys.readouterr().err == ""


def _refused() -> None:
    raise OSError(28, "No space left on device")


def test_the_log_follows_the_data_folder(tmp_path: Path) -> None:
    first, second = tmp_path / "een", tmp_path / "twee"
    first.mkdir()
    second.mkdir()
    logbook.start(first)
    logging.getLogger("oefenplek.test").info("in the first")
    logbook.start(second)
    logging.getLogger("oefenplek.test").info("in the second")
    assert "in the first" in (first / "oefenplek.log").read_text(encoding="utf-8")
    assert "in the second" not in (first / "oefenplek.log").read_text(encoding="utf-8")
    assert "in the second" in (second / "oefenplek.log").read_text(encoding="utf-8")
