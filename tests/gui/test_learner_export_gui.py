"""A coordinator hands a learner everything kept about them (AVG): as a PDF and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt

from .people import add_new_learner, press_next, tap_beside_target, tap_target
from .test_coordinator import select, sign_in_as_coordinator


def export(qtbot, app, button_text: str, target: Path) -> None:
    """Click an Export button, choose `target` in the save dialog, wait until it is saved."""
    admin = app.window.learners_admin
    button = next(b for b in admin.findChildren(type(admin.archive_button))
                  if b.text() == button_text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    app.window.save_dialog.fileSelected.emit(str(target))
    app.window.save_dialog.close()
    qtbot.waitUntil(lambda: admin.status.text() == f"Opgeslagen: {target}", timeout=10000)


def test_a_coordinator_exports_one_learners_data_as_pdf_and_json(
        qtbot, start_app, tmp_path) -> None:
    app = start_app()
    add_new_learner(qtbot, app, "Anna", "kat")
    app.controller.end_visit()
    add_new_learner(qtbot, app, "Fatima", "hond")
    app.controller.open_lesson("proef-les")
    press_next(qtbot, app)
    tap_beside_target(qtbot, app)  # a wrong tap first, then the right one
    tap_target(qtbot, app)
    app.controller.end_visit()
    fatima = next(learner for learner in app.repository.learners()
                  if learner.name == "Fatima")

    sign_in_as_coordinator(qtbot, app)
    qtbot.mouseClick(app.window.today.learners_button, Qt.MouseButton.LeftButton)
    admin = app.window.learners_admin
    assert app.window.current_screen() is admin
    select(admin, "Fatima")

    pdf = tmp_path / "fatima.pdf"
    assert not pdf.exists()
    export(qtbot, app, "Exporteren (PDF)", pdf)
    assert pdf.is_file()
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Fatima" in text
    assert "Anna" not in text  # only the chosen learner

    data_file = tmp_path / "fatima.json"
    assert not data_file.exists()
    export(qtbot, app, "Exporteren (JSON)", data_file)
    assert data_file.is_file()
    data = json.loads(data_file.read_text(encoding="utf-8"))
    assert data["learner"]["id"] == fatima.id
    assert data["learner"]["name"] == "Fatima"
    assert [run["lesson_id"] for run in data["lesson_runs"]] == ["proef-les"]
    run_id = data["lesson_runs"][0]["id"]
    assert [(a["lesson_run"], a["step"], a["outcome"]) for a in data["answers"]] == [
        (run_id, 2, "wrong"), (run_id, 2, "correct")]
    assert len(data["visits"]) == 1
