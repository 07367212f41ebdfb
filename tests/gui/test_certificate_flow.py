"""A learner finishes a lesson, gets a certificate, prints it and saves it as PDF."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from pypdf import PdfReader

from .people import (
    add_new_learner,
    click,
    finish_lesson,
    learner_id,
    print_to_file,
    save_as,
)


def pdf_text(path: Path) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    text = unicodedata.normalize("NFKC", text)  # Qt prints ligatures such as ﬂ
    return " ".join(text.split())  # and may put tabs between words


def test_the_end_screen_gives_a_certificate_that_prints_and_saves(
        qtbot, start_app, tmp_path: Path) -> None:
    app = start_app()
    window = app.window
    add_new_learner(qtbot, app, "Zoë", "vlinder")
    finish_lesson(qtbot, app, "Proefles")
    assert window.current_screen() is window.end
    # the tablet theme of the fixtures has one lesson, so the theme is complete too
    assert window.end.certificate.isVisible() and window.end.theme_certificate.isVisible()
    zoe = learner_id(app, "Zoë")
    assert app.repository.certificates(zoe) == []  # nothing handed out before asking
    click(qtbot, window.end.certificate)
    certificate = window.certificate
    assert window.current_screen() is certificate
    assert not certificate.preview.pixmap().isNull()  # the certificate is drawn
    [issued] = app.repository.certificates(zoe)
    assert (issued.learner_name, issued.title, issued.kind) == ("Zoë", "Proefles", "lesson")
    assert issued.can_do == ("Ik kan op een app tikken.",)

    # Print: Qt's print dialog opens without blocking; offscreen, it prints to a PDF file.
    click(qtbot, certificate.print)
    printed = tmp_path / "geprint.pdf"
    print_to_file(qtbot, window.print_dialog, printed)
    assert "printer" in certificate.status.text()
    text = pdf_text(printed)
    assert "Zoë" in text and "Proefles" in text and "Ik kan op een app tikken." in text

    # Save as PDF: the file dialog, then the PDF is written off the GUI thread.
    click(qtbot, certificate.save)
    saved = tmp_path / "certificaat.pdf"
    save_as(qtbot, window.save_dialog, saved)
    qtbot.waitUntil(lambda: "Opgeslagen" in certificate.status.text(), timeout=10000)
    assert str(saved) in certificate.status.text()
    reader = PdfReader(saved)
    assert "Zoë" in reader.pages[0].extract_text()
    assert reader.metadata.title.startswith("Certificaat")
    assert len(app.repository.certificates(zoe)) == 1  # printing and saving make no new one

    # A theme certificate lists the theme's can-do lines and is recorded as well.
    click(qtbot, certificate.back)
    assert window.current_screen() is window.end
    click(qtbot, window.end.theme_certificate)
    assert window.current_screen() is certificate
    certificates = app.repository.certificates(zoe)
    assert [c.kind for c in certificates] == ["lesson", "theme"]
    assert (certificates[1].title, certificates[1].can_do) == (
        "Tablet en telefoon", ("Ik kan op een app tikken.",))
    click(qtbot, certificate.save)
    theme_pdf = tmp_path / "thema.pdf"
    save_as(qtbot, window.save_dialog, theme_pdf)
    qtbot.waitUntil(lambda: str(theme_pdf) in certificate.status.text(), timeout=10000)
    assert "Tablet en telefoon" in pdf_text(theme_pdf)
