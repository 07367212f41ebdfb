"""A coordinator hands a learner everything kept about them (AVG): as a PDF and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader

from .people import (
    add_new_learner,
    button_named,
    choose_in_list,
    click,
    end_visit,
    learner_id,
    open_lesson,
    press_next,
    save_as,
    sign_in_as_coordinator,
    tap_beside_target,
    tap_target,
)


def export(qtbot, app, button_text: str, target: Path) -> None:
    """Click an Export button, choose `target` in the save dialog, wait until it is saved."""
    admin = app.window.learners_admin
    click(qtbot, button_named(admin, button_text))
    save_as(qtbot, app.window.save_dialog, target)
    qtbot.waitUntil(lambda: admin.status.text() == f"Opgeslagen: {target}", timeout=10000)


def test_a_coordinator_exports_one_learners_data_as_pdf_and_json(
        qtbot, start_app, tmp_path: Path) -> None:
    app = start_app()
    add_new_learner(qtbot, app, "Anna", "kat")
    end_visit(qtbot, app)
    add_new_learner(qtbot, app, "Fatima", "hond")
    open_lesson(qtbot, app, "Proefles")
    press_next(qtbot, app)
    tap_beside_target(qtbot, app)  # a wrong tap first, then the right one
    tap_target(qtbot, app)
    end_visit(qtbot, app)
    fatima = learner_id(app, "Fatima")

    sign_in_as_coordinator(qtbot, app)
    click(qtbot, app.window.today.learners_button)
    admin = app.window.learners_admin
    assert app.window.current_screen() is admin
    choose_in_list(qtbot, admin.list, "Fatima")

    pdf = tmp_path / "fatima.pdf"
    assert not pdf.exists()
    export(qtbot, app, "Exporteren (PDF)", pdf)
    assert pdf.is_file()
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Fatima" in text
    assert "proef-les" in text and "wrong" in text  # the lesson and its answers
    assert "Anna" not in text  # only the chosen learner

    data_file = tmp_path / "fatima.json"
    assert not data_file.exists()
    export(qtbot, app, "Exporteren (JSON)", data_file)
    assert data_file.is_file()
    data = json.loads(data_file.read_text(encoding="utf-8"))
    assert data["learner"]["id"] == fatima
    assert data["learner"]["name"] == "Fatima"
    [run] = app.repository.runs(fatima)  # the file holds what the database holds
    assert [(r["id"], r["lesson_id"]) for r in data["lesson_runs"]] == [(run.id, "proef-les")]
    assert [(a["lesson_run"], a["step"], a["outcome"]) for a in data["answers"]] == [
        (run.id, step + 1, outcome)  # counted from 1 in the file, as on screen
        for step, outcome, _answer in app.repository.attempts(run.id)]
    assert [(a["step"], a["outcome"]) for a in data["answers"]] == [
        (2, "wrong"), (2, "correct")]
    assert len(data["visits"]) == 1
