"""`oefenplek lessons check` prints every problem and exits non-zero when there are errors."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from oefenplek.cli import main
from oefenplek.core.lessons import sources

from .conftest import FIXTURES, REPO


def test_check_of_good_lessons_exits_zero(capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "today", lambda: date(2026, 12, 2))  # the sources are fresh
    assert main(["lessons", "check", str(FIXTURES / "lessons")]) == 0
    out = capsys.readouterr().out
    assert "2 lessen zijn in orde; 0 fouten, 0 waarschuwingen." in out


def test_check_of_broken_lessons_lists_all_problems(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lessons", "check", str(FIXTURES / "broken")]) == 1
    out = capsys.readouterr().out
    assert "kapotte-les/lesson.toml: step 1 (tap): 'target'" in out
    assert "onbekend-soort/lesson.toml: step 1: 'kind'" in out
    assert "geen-toml/lesson.toml" in out
    assert "0 lessen zijn in orde" in out


def test_the_shipped_lessons_have_no_problems_at_all(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lessons", "check", "--strict", str(REPO / "lessons")]) == 0, (
        capsys.readouterr().out)


def test_a_location_folder_without_themes_uses_the_apps_themes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    extra = tmp_path / "eigen-lessen"
    shutil.copytree(REPO / "lessons" / "sterk-wachtwoord", extra / "eigen-wachtwoord")
    shutil.copytree(REPO / "lessons" / "_pictures", extra / "_pictures")
    shutil.copytree(REPO / "lessons" / "_screens", extra / "_screens")
    toml = extra / "eigen-wachtwoord" / "lesson.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        'id = "sterk-wachtwoord"', 'id = "eigen-wachtwoord"'), encoding="utf-8")
    assert main(["lessons", "check", str(extra)]) == 0, capsys.readouterr().out
    assert "1 les is in orde" in capsys.readouterr().out


def test_check_warns_of_old_sources_and_fails_on_text_that_does_not_fit(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "lessen"
    shutil.copytree(FIXTURES / "lessons", folder)
    monkeypatch.setattr(sources, "today", lambda: date(2028, 1, 1))
    assert main(["lessons", "check", str(folder)]) == 0  # warnings only
    assert main(["lessons", "check", "--strict", str(folder)]) == 1
    out = capsys.readouterr().out
    assert (f"{folder / 'proef-les' / 'lesson.toml'}: 'sources[1]': warning: deze bron is voor "
            "het laatst nagekeken op 2026-12-01") in out
    screen = folder / "_screens" / "tablet.svg"
    screen.write_text(screen.read_text(encoding="utf-8").replace(
        ">Instellingen<", ">Alle instellingen van deze tablet<"), encoding="utf-8")
    assert main(["lessons", "check", str(folder)]) == 1
    out = capsys.readouterr().out
    assert f"{screen}: 'app-instellingen': error: de tekst 'Alle instellingen van deze " in out
    assert "2 lessen zijn in orde; 1 fout, 2 waarschuwingen." in out


def test_schema_is_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lessons", "schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    variants = schema["properties"]["steps"]["items"]["oneOf"]
    kinds = [variant["properties"]["kind"]["const"] for variant in variants]
    assert kinds == ["explain", "tap", "type", "choose", "order", "practise"]


def test_version_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("oefenplek 0.")
