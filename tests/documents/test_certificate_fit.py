"""Every certificate fits its page, whatever the number of "I can" lines and their language.

Each case is laid out and rendered to a real PDF, which is read back: no text box overlaps
another or leaves the inner border, nothing is smaller than the minimum, and every line is on
the page, or the page says how many it left out.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

from oefenplek import paths
from oefenplek.core.certificates import LESSON, THEME, Certificate, for_theme
from oefenplek.core.lessons import load_catalog
from oefenplek.documents.certificate import (
    INNER,
    MARKS,
    MIN_SIZE,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    Box,
    Page,
    Picture,
    Text,
    Tick,
    layout,
    render_pdf,
    text_box,
    text_width,
    theme_icon,
    wrap,
)
from oefenplek.documents.fonts import is_rtl
from oefenplek.i18n import ngettext

READABLE = 11  # points: the smallest type a learner can still read on paper

DUTCH = [
    "Ik weet wat ik nodig heb om DigiD aan te vragen.",
    "Ik weet wat ik doe met de brief met de activeringscode.",
    "Ik kan op de computer inloggen met de DigiD app.",
    "Ik weet hoe iemand mij veilig helpt met DigiD Machtigen.",
    "Ik kan berichten lezen in de Berichtenbox van MijnOverheid.",
]
LONG_DUTCH = ("Ik kan op de website van mijn zorgverzekeraar inloggen met DigiD, mijn declaraties "
              "en vergoedingen bekijken en een nieuwe declaratie indienen zonder hulp")
ARABIC_NAME = "عبد الرحمن بن محمد بن عبد الله بن عبد العزيز الهاشمي القرشي الأنصاري الخزرجي"
ARABIC = [
    "أستطيع أن أسجل الدخول إلى موقع الحكومة باستخدام تطبيق DigiD على هاتفي المحمول بأمان تام",
    "أعرف أن رسالة من DigiD لا تحتوي أبدا على رابط",
    "لا أعطي رمز الرسائل القصيرة لأي شخص آخر حتى لو طلبه مني شخص أعرفه أو شخص يقول إنه من البنك",
]


@dataclass(frozen=True)
class Case:
    name: str
    lines: tuple[str, ...]
    kind: str = THEME
    location: str = "Bibliotheek Lindenhof"
    signer: str = "Anja"


def numbered(base: list[str], count: int) -> tuple[str, ...]:
    """`count` different lines (a number at the end keeps them apart)."""
    return tuple(f"{line[:-1] if line.endswith('.') else line} {n}."
                 for n, line in zip(range(1, count + 1), itertools.cycle(base)))


CASES = {
    **{f"dutch-{n}": Case("Fatima", numbered(DUTCH, n), LESSON if n == 1 else THEME)
       for n in (1, 8, 14, 20, 30)},
    **{f"arabic-{n}": Case(ARABIC_NAME, numbered(ARABIC, n)) for n in (1, 8, 14, 30)},
    "long-dutch-14": Case("Wilhelmina Anna Maria Theodora van Oldenbarnevelt-Ter Horst",
                          numbered([LONG_DUTCH], 14),
                          location="Digitaal Informatiepunt Bibliotheek Rivierenland, Tiel-Oost",
                          signer="Johanna van der Heijden-Oudshoorn (vrijwilliger)"),
    "one-long-word": Case("Fatima", ("Ik ken het woord " + "Ongeluksverzekerings" * 8 + ".",)),
}


def certificate(case: Case) -> Certificate:
    return Certificate(case.name, case.kind, "digid", "DigiD en de overheid", case.lines,
                       date(2026, 11, 22), case.location, "digid", case.signer)


def render(page: Page) -> PdfReader:
    buffer = BytesIO()
    render_pdf(page, buffer)
    buffer.seek(0)
    return PdfReader(buffer)


@dataclass(frozen=True)
class Drawn:
    """One piece of text as the PDF draws it: where it starts (from the top) and how big."""

    text: str
    x: float
    y: float
    size: float
    font: str


def drawn(reader: PdfReader) -> list[Drawn]:
    found: list[Drawn] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
            base = str(font.get("/BaseFont")) if isinstance(font, dict) else ""
            found.append(Drawn(text.strip(), x, PAGE_HEIGHT - y, size * tm[0] * cm[0], base))

    reader.pages[0].extract_text(visitor_text=visit)
    return found


def boxes(page: Page) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Everything on the page that must not overlap: texts, ticks, pictures, the sign line."""
    found = []
    for item in page.items:
        if isinstance(item, Text):
            found.append((item.text, text_box(item)))
        elif isinstance(item, Tick):
            found.append(("tick", (item.x, item.y, item.x + item.size, item.y + item.size)))
        elif isinstance(item, Picture):
            found.append(("picture", (item.x, item.y, item.x + item.width,
                                      item.y + item.height)))
        elif isinstance(item, Box) and item.height == 0:
            found.append(("line", (item.x, item.y - 0.5, item.x + item.width, item.y + 0.5)))
    return found


def overlap(a: tuple[float, ...], b: tuple[float, ...], slack: float = 0.01) -> bool:
    """True when the boxes share more than a rounding error (lines may touch)."""
    return (a[0] < b[2] - slack and b[0] < a[2] - slack
            and a[1] < b[3] - slack and b[1] < a[3] - slack)


def letters(text: str) -> Counter[str]:
    """How often each letter occurs (joined Arabic letters read back as their plain form)."""
    return Counter(char for char in unicodedata.normalize("NFKC", text) if not char.isspace())


@pytest.fixture(scope="module", params=list(CASES))
def made(request: pytest.FixtureRequest) -> tuple[Case, Page, list[Drawn], str]:
    case = CASES[request.param]
    page = layout(certificate(case), "#5b3cc4", theme_icon("digid"))
    reader = render(page)
    return case, page, drawn(reader), reader.pages[0].extract_text()


def test_no_text_overlaps_another_or_crosses_the_border(made: tuple[Case, Page, list[Drawn],
                                                                    str]) -> None:
    _case, page, _drawn, _text = made
    placed = boxes(page)
    assert len([t for t, _box in placed if t not in ("tick", "picture", "line")]) >= 8
    for (one, a), (other, b) in itertools.combinations(placed, 2):
        assert not overlap(a, b), f"{one!r} {a} overlaps {other!r} {b}"
    for what, (left, top, right, bottom) in placed:
        assert INNER < left < right < PAGE_WIDTH - INNER, (what, left, right)
        assert INNER < top < bottom < PAGE_HEIGHT - INNER, (what, top, bottom)


def test_the_pdf_draws_each_text_where_the_layout_put_it(made: tuple[Case, Page, list[Drawn],
                                                                     str]) -> None:
    _case, page, pieces, _text = made
    texts = [item for item in page.items if isinstance(item, Text)]
    for item in texts:
        left, _top, _right, _bottom = text_box(item)
        assert any(abs(p.x - left) < 0.2 and abs(p.y - item.y) < 0.2 and p.size == item.size
                   for p in pieces), f"{item.text!r} is not drawn at {left:.1f}, {item.y:.1f}"
    for piece in pieces:
        assert any(text_box(item)[0] - 0.2 <= piece.x <= text_box(item)[2]
                   and abs(piece.y - item.y) < 0.2 for item in texts), piece
        assert INNER < piece.x < PAGE_WIDTH - INNER and INNER < piece.y < PAGE_HEIGHT - INNER


def test_nothing_is_smaller_than_the_minimum(made: tuple[Case, Page, list[Drawn], str]) -> None:
    _case, page, pieces, _text = made
    assert MIN_SIZE >= READABLE
    assert min(item.size for item in page.items if isinstance(item, Text)) >= READABLE
    assert pieces and min(piece.size for piece in pieces) >= READABLE


def test_arabic_and_latin_letters_each_get_a_font_that_has_them(
        made: tuple[Case, Page, list[Drawn], str]) -> None:
    _case, _page, pieces, _text = made
    for piece in pieces:
        arabic = any("ARABIC" in unicodedata.name(char, "") for char in piece.text)
        latin = any(char.isascii() and char.isalpha() for char in piece.text)
        assert not (arabic and latin), piece
        assert ("Arabic" in piece.font) == arabic, piece


def test_a_wrapped_arabic_line_reads_right_to_left_on_every_row() -> None:
    line = ARABIC[0]
    before = line[:line.index("DigiD")].strip()
    rows = wrap(line, 14, text_width(before, 14) + 1)
    assert rows[1].translate(MARKS).startswith("DigiD"), rows
    # Qt and the PDF both take a line's direction from its first letter that has one
    assert [row for row in rows if not is_rtl(row)] == []
    page = Page(items=[Text(700, 100 + 40 * n, row, 14, align="right")
                       for n, row in enumerate(rows)])
    latin = [piece for piece in drawn(render(page)) if piece.text == "DigiD"]
    assert len(latin) == 1 and latin[0].y == pytest.approx(100 + 40)
    assert latin[0].x > 700 - text_width("DigiD", 14) - 1, "DigiD starts the row, at the right"


def test_every_line_is_there_or_the_page_says_how_many_are_not(
        made: tuple[Case, Page, list[Drawn], str]) -> None:
    case, page, _pieces, text = made
    on_page = " ".join(item.text.translate(MARKS) for item in page.items
                       if isinstance(item, Text))
    squeezed = on_page.replace(" ", "")  # a word too wide for its column is broken in two
    shown = [line for line in case.lines if line.replace(" ", "") in squeezed]
    left_out = len(case.lines) - len(shown)
    assert shown == list(case.lines[:len(shown)]), "lines are left out from the end only"
    note = ngettext("And {n} more thing I can do.", "And {n} more things I can do.",
                    left_out).format(n=left_out)
    assert (note in on_page) == bool(left_out)
    expected = letters(" ".join([case.name, "DigiD en de overheid", case.location,
                                 case.signer, *shown] + ([note] if left_out else [])))
    assert not expected - letters(text), "letters missing in the PDF"
    if case in (CASES["dutch-8"], CASES["dutch-14"], CASES["dutch-20"]):
        assert left_out == 0, "up to 20 lines of lesson length fit whole"
    assert len(shown) >= min(len(case.lines), 4)


def test_a_short_list_keeps_big_type_and_a_long_one_gets_two_columns() -> None:
    def list_items(case: Case) -> list[Text]:
        page = layout(certificate(case), "#5b3cc4", None)
        return [item for item in page.items if isinstance(item, Text)
                and any(item.text in line for line in case.lines)]

    short = list_items(CASES["dutch-1"])
    assert [item.size for item in short] == [18]
    long = list_items(CASES["dutch-14"])
    assert len({item.x for item in long}) == 2, "two columns"
    assert len(long) >= 14


def test_the_real_digid_theme_shows_all_its_lines() -> None:
    catalog = load_catalog([paths.lessons_dir()])
    theme = catalog.theme("digid")
    assert theme is not None
    cert = for_theme("Fatima", theme, catalog, "Bibliotheek Lindenhof", date(2026, 11, 22))
    assert len(cert.can_do) > 8
    page = layout(cert, theme.colour, theme_icon("digid"))
    on_page = " ".join(item.text for item in page.items if isinstance(item, Text))
    assert [line for line in cert.can_do if line not in on_page] == []
    text = unicodedata.normalize("NFKC", render(page).pages[0].extract_text())
    assert all(line.split()[-1] in text for line in cert.can_do)
