"""A learner finishes a lesson, gets a certificate, prints it and saves it as PDF."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from .people import add_new_learner, press_next


def finish_lesson(qtbot, app) -> None:
    app.controller.open_lesson("proef-les")
    for answer in (None, True, "Bieb2024", 1, [0, 1, 2], "done"):
        if answer is not None:
            app.controller.answer(answer, str(answer))
        press_next(qtbot, app)


def test_the_end_screen_gives_a_certificate_that_prints_and_saves(
        qtbot, start_app, tmp_path: Path) -> None:
    app = start_app()
    window = app.window
    add_new_learner(qtbot, app, "Zoë", "vlinder")
    finish_lesson(qtbot, app)
    assert window.current_screen() is window.end
    # the tablet theme of the fixtures has one lesson, so the theme is complete too
    assert window.end.theme_certificate.isVisible()
    qtbot.mouseClick(window.end.certificate, Qt.MouseButton.LeftButton)
    assert window.current_screen() is window.certificate
    [issued] = app.repository.certificates(app.controller.learner.id)
    assert (issued.learner_name, issued.title, issued.kind) == ("Zoë", "Proefles", "lesson")
    assert issued.can_do == ("Ik kan op een app tikken.",)

    # Print: Qt's print dialog opens without blocking; the printer writes a PDF offscreen.
    qtbot.mouseClick(window.certificate.print, Qt.MouseButton.LeftButton)
    dialog = window.print_dialog
    assert dialog.isVisible()
    printed = tmp_path / "geprint.pdf"
    dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    dialog.printer().setOutputFileName(str(printed))
    # The person confirms; (Qt's own accept() would re-read its widgets, and this
    # machine has no printer to choose in them.)
    dialog.accepted.emit(dialog.printer())
    dialog.close()
    assert "printer" in window.certificate.status.text()
    text = PdfReader(printed).pages[0].extract_text()
    text = unicodedata.normalize("NFKC", text)  # Qt prints ligatures such as ﬂ
    assert "Zoë" in text and "Proefles" in text

    # Save as PDF: the file dialog, then the PDF is written off the GUI thread.
    qtbot.mouseClick(window.certificate.save, Qt.MouseButton.LeftButton)
    saved = tmp_path / "certificaat.pdf"
    window.save_dialog.fileSelected.emit(str(saved))
    window.save_dialog.close()
    qtbot.waitUntil(lambda: "Opgeslagen" in window.certificate.status.text(), timeout=10000)
    reader = PdfReader(saved)
    assert "Zoë" in reader.pages[0].extract_text()
    assert reader.metadata.title.startswith("Certificaat")

    # A theme certificate lists the theme's can-do lines and is recorded as well.
    qtbot.mouseClick(window.certificate.back, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.end.theme_certificate, Qt.MouseButton.LeftButton)
    kinds = [c.kind for c in app.repository.certificates(app.controller.learner.id)]
    assert kinds == ["lesson", "theme"]
