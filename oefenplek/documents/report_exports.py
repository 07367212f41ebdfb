"""A report written as CSV, XLSX or PDF, always from `Report.sections()`.

Spreadsheets treat a cell that starts with = + - @ as a formula; a learner called
'=HYPERLINK(...)' must stay a name. Such text is written with a leading apostrophe in CSV
and as a plain string cell in XLSX.

Every text is cleaned as it is written (core.text: no control characters, NUL or direction
overrides, cut to what a cell or a table on a page can hold), so no value in the database
can make an export fail, whenever or however it got there.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from oefenplek.core.reports import Report, Section
from oefenplek.core.text import export_value
from oefenplek.i18n import _

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CELL_LENGTH = 32_000  # a spreadsheet cell holds at most 32,767 characters
PDF_CELL_LENGTH = 300  # a table row must fit on one page
Progress = Callable[[int, int], None]  # rows done, rows in all; may raise to cancel
EVERY = 200  # rows between two calls of `progress`


def clean(value: object, limit: int) -> object:
    """`core.text.export_value`, with a shortcut for the usual cell: plain ASCII text that
    has nothing to clean is kept as it is (the full cleaning costs microseconds a cell)."""
    if (isinstance(value, str) and len(value) <= limit and value.isascii()
            and value.isprintable() and "  " not in value and value.strip(" ") == value):
        return value
    return export_value(value, limit)


_UNTIDY = re.compile(r"^[ =+\-@]| $|  ", re.MULTILINE)  # a text's start or end, two spaces


def all_tidy(texts: list[str], limit: int) -> bool:
    """True when `safe_text` would leave every one of `texts` as it is: printable, NFC, no
    space at either end or twice, no formula start, not too long.

    Checked on all of them joined (a few passes in C over one string) instead of text by
    text, so a block of ordinary rows goes to the csv module untouched; a block with one odd
    text in it is cleaned cell by cell as before.
    """
    if not texts:
        return True
    joined = "\n".join(texts)
    return (joined.count("\n") == len(texts) - 1  # no line break inside a text
            and max(map(len, texts)) <= limit
            and joined.replace("\n", "").isprintable()
            and unicodedata.is_normalized("NFC", joined)
            and _UNTIDY.search(joined) is None)


def safe_text(value: object) -> object:
    """Numbers stay numbers; text is cleaned, and text that a spreadsheet would run as a
    formula gets a quote."""
    value = clean(value, CELL_LENGTH)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def pdf_text(value: object) -> str:
    """A cell's text for a PDF table, escaped for reportlab's markup."""
    return escape(str(export_value(str(value), PDF_CELL_LENGTH)))


def file_name(location: str, period_label: str, kind: str, suffix: str,
              now: datetime | None = None) -> str:
    stamp = (now or datetime.now()).strftime("%Y-%m-%d %H%M")
    raw = f"{location[:80]} {kind} {period_label} {stamp}".replace("–", "tot")
    cleaned = "".join(c if c.isalnum() or c in " -_" else " " for c in raw)
    return " ".join(cleaned.split()) + f".{suffix}"


def _heading(location: str, report: Report) -> list[Sequence[object]]:
    made = datetime.now().strftime("%Y-%m-%d %H:%M")
    return [[location], [_("Period"), report.period.label], [_("Made on"), made], []]


def _rows_total(sections: Sequence[Section]) -> int:
    return sum(len(section.rows) for section in sections) or 1


class _Counter:
    """Counts written rows and tells `progress` every `EVERY` rows (and at the end), so a
    long table moves the bar and a cancel (a `progress` that raises) is felt within it."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done, self.told = progress, total, 0, 0

    def add(self, rows: int = 1) -> None:
        self.done += rows
        if self.progress is not None and self.done - self.told >= EVERY:
            self.told = self.done
            self.progress(min(self.done, self.total), self.total)

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total)


def write_csv(report: Report, location: str, target: Path, for_funder: bool = False,
              progress: Progress | None = None) -> None:
    sections = report.sections(for_funder)
    counter = _Counter(progress, _rows_total(sections))
    with target.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        for row in _heading(location, report):
            writer.writerow([safe_text(cell) for cell in row])
        for section in sections:
            writer.writerow([safe_text(section.title)])
            writer.writerow([safe_text(cell) for cell in section.header])
            for first in range(0, len(section.rows), EVERY):
                block = section.rows[first:first + EVERY]
                if all_tidy([cell for row in block for cell in row if isinstance(cell, str)],
                            CELL_LENGTH):
                    writer.writerows(block)
                else:
                    writer.writerows([safe_text(cell) for cell in row] for row in block)
                counter.add(len(block))
            writer.writerow([])
    counter.finish()


def write_xlsx(report: Report, location: str, target: Path, for_funder: bool = False,
               progress: Progress | None = None) -> None:
    """A sheet per section, streamed (openpyxl's write-only mode): each row is written once,
    in order, so the time grows with the rows and the memory stays small.

    A text cell is always a text cell: openpyxl only makes a formula of text starting with
    '=', and such a value gets a cell of its own typed as text.
    """
    # openpyxl ships no type hints and types-openpyxl is not a dev dependency.
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]

    sections = report.sections(for_funder)
    counter = _Counter(progress, _rows_total(sections))
    book = Workbook(write_only=True)
    bold = Font(bold=True)

    def text_cell(sheet: Any, value: str, font: Any = None) -> Any:
        cell = WriteOnlyCell(sheet, value)
        cell.data_type = "s"  # never a formula, whatever the text starts with
        if font is not None:
            cell.font = font
        return cell

    def cells(sheet: Any, row: Sequence[object]) -> list[object]:
        values = [clean(value, CELL_LENGTH) for value in row]
        return [text_cell(sheet, value) if isinstance(value, str) and value.startswith("=")
                else value for value in values]

    for section in sections:
        sheet = book.create_sheet(_sheet_title(section.title))
        sheet.column_dimensions["A"].width = 42
        for row in _heading(location, report):
            sheet.append(cells(sheet, row))
        sheet.append(cells(sheet, [section.title]))
        sheet.append([text_cell(sheet, str(clean(value, CELL_LENGTH)), bold)
                      for value in section.header])
        for row in section.rows:
            sheet.append(cells(sheet, row))
            counter.add()
    book.save(target)
    counter.finish()


def _sheet_title(title: str) -> str:
    return "".join(c for c in title if c not in "[]:*?/\\")[:31]


def write_pdf(report: Report, location: str, target: Path, for_funder: bool = False,
              progress: Progress | None = None, logo: Path | None = None) -> None:
    """The report on A4: a chart of the visits per month, then a table per section.

    Cells are plain strings in the table's font; only a text too wide for its column becomes
    a Paragraph (which wraps, and costs twenty times more). A long table (one row per learner)
    is laid out page by page by `report_tables.Rows`, so its cost grows with its rows; one
    reportlab Table of 20,000 rows costs time in the square of its rows, as every page break
    makes a new table of all the rows left. The rows are kept as tuples of strings, which
    Python's garbage collector stops walking once it has seen them: its full walks stop the
    window, and 20,000 lists would be walked at every one.
    """
    # reportlab ships no type hints and types-reportlab is not a dev dependency.
    from reportlab.graphics.charts.barcharts import (  # type: ignore[import-untyped]
        VerticalBarChart,
    )
    from reportlab.graphics.shapes import Drawing  # type: ignore[import-untyped]
    from reportlab.lib.colors import HexColor  # type: ignore[import-untyped]
    from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
    from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
    from reportlab.lib.units import cm  # type: ignore[import-untyped]
    from reportlab.platypus import (  # type: ignore[import-untyped]
        Paragraph,
        SimpleDocTemplate,
        Spacer,
    )

    from oefenplek.documents.fonts import register_fonts
    from oefenplek.documents.report_tables import Rows

    register_fonts()
    body = ParagraphStyle("body", fontName="Sans", fontSize=9, leading=12)
    heading = ParagraphStyle("heading", fontName="Sans-Bold", fontSize=13, leading=18,
                             spaceBefore=10, spaceAfter=4)
    title = ParagraphStyle("title", fontName="Sans-Bold", fontSize=18, leading=24)
    sections = report.sections(for_funder)
    counter = _Counter(progress, _rows_total(sections))
    location = str(export_value(location, PDF_CELL_LENGTH))
    doc = SimpleDocTemplate(str(target), pagesize=A4, leftMargin=1.8 * cm,
                            rightMargin=1.8 * cm, topMargin=1.8 * cm, bottomMargin=1.8 * cm,
                            title=f"{location} — {report.period.label}", author=location,
                            initialFontName="Sans")
    made = datetime.now().strftime("%Y-%m-%d %H:%M")
    story: list[object] = []
    if logo is not None and logo.suffix.lower() in (".png", ".jpg", ".jpeg"):
        from reportlab.platypus import Image

        picture = Image(str(logo))
        picture._restrictSize(5 * cm, 2 * cm)
        picture.hAlign = "LEFT"
        story.append(picture)
    story += [
        Paragraph(escape(location), title),
        Paragraph(escape(f"{_('Period')}: {report.period.label} · {_('Made on')}: {made}"), body),
    ]
    months = sorted(report.visits_by_month.items())
    if months and not for_funder:
        chart = Drawing(480, 170)
        bars = VerticalBarChart()
        bars.x, bars.y, bars.width, bars.height = 30, 30, 440, 120
        bars.data = [[n for _m, n in months]]
        bars.categoryAxis.categoryNames = [m for m, _n in months]
        bars.categoryAxis.labels.fontName = "Sans"
        bars.categoryAxis.labels.fontSize = 6
        bars.categoryAxis.labels.angle = 45
        bars.categoryAxis.labels.dy = -12
        bars.valueAxis.labels.fontName = "Sans"
        bars.valueAxis.valueMin = 0
        bars.bars[0].fillColor = HexColor("#124A99")
        chart.add(bars)
        story += [Paragraph(escape(_("Visits per month")), heading), chart]
    for section in sections:
        story.append(Paragraph(pdf_text(section.title), heading))
        story += [Rows([pdf_cell(c) for c in section.header],
                       [tuple(pdf_cell(c) for c in row) for row in section.rows],
                       _widths(len(section.header), doc.width), body, counter.add),
                  Spacer(1, 6)]
    doc.build(story)
    counter.finish()


def pdf_cell(value: object) -> str:
    """A cell's text for a PDF table: cleaned and cut, not yet escaped (plain strings are
    drawn as they are; `report_tables` escapes the few that become a Paragraph)."""
    return str(clean(str(value), PDF_CELL_LENGTH))


def _widths(columns: int, room: float) -> list[float]:
    """Fixed column widths, the first (names, titles) twice as wide: a long word then wraps
    in its own column instead of pushing the others off the page."""
    unit = room / (columns + 1)
    return [2 * unit, *([unit] * (columns - 1))]


WRITERS: dict[str, Callable[..., None]] = {"csv": write_csv, "xlsx": write_xlsx,
                                           "pdf": write_pdf}

