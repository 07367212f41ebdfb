"""Certificates print every kind of name correctly, with every font embedded."""

from __future__ import annotations

import unicodedata
from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

from oefenplek.core.certificates import Certificate
from oefenplek.documents.certificate import MARGIN, PAGE_WIDTH, Text, layout, render_pdf

NAMES = {
    "plain": "Fatima",
    "accents": "Zoë Đorđević-Ångström",
    "cyrillic": "Ольга Петрова",
    "arabic": "محمد عبد الله",
    "long": "Maria del Carmen Esperanza Rodríguez",
}


def certificate(name: str, lines: int = 2) -> Certificate:
    return Certificate(
        name, "lesson", "wifi-android", "Wifi op een Android-tablet",
        tuple(f"Ik kan stap {n} doen." for n in range(1, lines + 1)),
        date(2026, 11, 22), "Bibliotheek Lindenhof", "internet", "Anja")


def pdf_of(cert: Certificate) -> PdfReader:
    buffer = BytesIO()
    render_pdf(layout(cert, "#0a7d5a", None), buffer)
    buffer.seek(0)
    return PdfReader(buffer)


def words(text: str) -> set[str]:
    return set(unicodedata.normalize("NFKC", text).split())


@pytest.mark.parametrize("kind", NAMES)
def test_the_name_and_the_facts_are_in_the_pdf(kind: str) -> None:
    name = NAMES[kind]
    text = pdf_of(certificate(name)).pages[0].extract_text()
    assert words(name) <= words(text), text
    assert "22 november 2026" in text
    assert "Wifi op een Android-tablet" in text
    assert "Ik kan stap 1 doen." in text and "Bibliotheek Lindenhof" in text


@pytest.mark.parametrize("kind", NAMES)
def test_every_font_is_embedded(kind: str) -> None:
    page = pdf_of(certificate(NAMES[kind])).pages[0]
    fonts = page["/Resources"]["/Font"]
    assert fonts
    for font in fonts.values():
        font = font.get_object()
        descriptors = [font.get("/FontDescriptor")] + [
            child.get_object().get("/FontDescriptor")
            for child in font.get("/DescendantFonts", [])]
        assert any(d is not None and "/FontFile2" in d.get_object() for d in descriptors), font


def test_a_long_name_shrinks_to_fit_instead_of_being_cut() -> None:
    long_name = "Wilhelmina Anna Maria Theodora van Oldenbarnevelt-Ter Horst"
    page = layout(certificate(long_name), "#0a7d5a", None)
    [item] = [i for i in page.items if isinstance(i, Text) and i.text == long_name]
    short = next(i for i in layout(certificate("Fatima"), "#0a7d5a", None).items
                 if isinstance(i, Text) and i.text == "Fatima")
    assert item.size < short.size
    from oefenplek.documents.certificate import text_width

    assert text_width(long_name, item.size, bold=True) <= PAGE_WIDTH - 2 * MARGIN


def test_an_arabic_name_is_shaped_right_to_left() -> None:
    from oefenplek.documents.fonts import font_for, is_rtl

    assert is_rtl("محمد عبد الله") and not is_rtl("Zoë")
    assert font_for("محمد", bold=True) == "Arabic-Bold"
    assert font_for("Ольга", bold=True) == "Sans-Bold"
    text = pdf_of(certificate("محمد")).pages[0].extract_text()
    # joined letters come out as Arabic presentation forms, which normalise to the name
    assert "محمد" in unicodedata.normalize("NFKC", text)


@pytest.mark.parametrize("language", ["nl", "en", "ar", "tr", "uk"])
def test_a_certificate_in_each_language_has_the_name_and_the_translated_title(
        language: str) -> None:
    from oefenplek import paths
    from oefenplek.core.certificates import for_lesson
    from oefenplek.core.lessons import load_catalog
    from oefenplek.core.lessons.translations import translation
    from oefenplek.i18n import gettext_in

    lesson = load_catalog([paths.lessons_dir()]).lessons["tablet-tikken"]
    name = NAMES["arabic"] if language == "ar" else NAMES["accents"]
    made = for_lesson(name, lesson, "Bibliotheek Lindenhof", date(2026, 12, 2), "Anja",
                      language=language)
    title = translation(lesson.title, language)
    assert title is not None and made.title == title and made.language == language
    text = pdf_of(made).pages[0].extract_text()
    assert words(name) <= words(text), text
    assert words(title) <= words(text), (title, text)
    assert words(gettext_in(language, "Certificate")) <= words(text), text
