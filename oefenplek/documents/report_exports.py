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
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from oefenplek.core.reports import Report
from oefenplek.core.text import export_value
from oefenplek.i18n import _

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CELL_LENGTH = 32_000  # a spreadsheet cell holds at most 32,767 characters
PDF_CELL_LENGTH = 300  # a table row must fit on one page
Progress = Callable[[int, int], None]  # done, total


def safe_text(value: object) -> object:
    """Numbers stay numbers; text is cleaned, and text that a spreadsheet would run as a
    formula gets a quote."""
    value = export_value(value, CELL_LENGTH)
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


def _heading(location: str, report: Report) -> list[list[object]]:
    made = datetime.now().strftime("%Y-%m-%d %H:%M")
    return [[location], [_("Period"), report.period.label], [_("Made on"), made], []]


def write_csv(report: Report, location: str, target: Path, for_funder: bool = False,
              progress: Progress | None = None) -> None:
    sections = report.sections(for_funder)
    with target.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        for row in _heading(location, report):
            writer.writerow([safe_text(cell) for cell in row])
        for done, section in enumerate(sections, start=1):
            writer.writerow([safe_text(section.title)])
            writer.writerow([safe_text(cell) for cell in section.header])
            for row in section.rows:
                writer.writerow([safe_text(cell) for cell in row])
            writer.writerow([])
            if progress:
                progress(done, len(sections))


def write_xlsx(report: Report, location: str, target: Path, for_funder: bool = False,
               progress: Progress | None = None) -> None:
    # openpyxl ships no type hints and types-openpyxl is not a dev dependency.
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]

    sections = report.sections(for_funder)
    book = Workbook()
    book.remove(book.active)
    for done, section in enumerate(sections, start=1):
        sheet = book.create_sheet(_sheet_title(section.title))
        rows: list[Sequence[object]] = [*_heading(location, report), [section.title],
                                        section.header, *section.rows]
        for row in rows:
            sheet.append([None] * len(row))
            for column, value in enumerate(row, start=1):
                cell = sheet.cell(row=sheet.max_row, column=column)
                cell.value = export_value(value, CELL_LENGTH)
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula, whatever the text starts with
        sheet.cell(row=6, column=1).font = Font(bold=True)
        for column in range(1, len(section.header) + 1):
            sheet.cell(row=6, column=column).font = Font(bold=True)
        sheet.column_dimensions["A"].width = 42
        if progress:
            progress(done, len(sections))
    book.save(target)


def _sheet_title(title: str) -> str:
    return "".join(c for c in title if c not in "[]:*?/\\")[:31]


def write_pdf(report: Report, location: str, target: Path, for_funder: bool = False,
              progress: Progress | None = None, logo: Path | None = None) -> None:
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
        Table,
        TableStyle,
    )

    from oefenplek.documents.fonts import register_fonts

    register_fonts()
    body = ParagraphStyle("body", fontName="Sans", fontSize=9, leading=12)
    heading = ParagraphStyle("heading", fontName="Sans-Bold", fontSize=13, leading=18,
                             spaceBefore=10, spaceAfter=4)
    title = ParagraphStyle("title", fontName="Sans-Bold", fontSize=18, leading=24)
    sections = report.sections(for_funder)
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
    for done, section in enumerate(sections, start=1):
        story.append(Paragraph(pdf_text(section.title), heading))
        data = [[Paragraph(pdf_text(c), body) for c in section.header]]
        data += [[Paragraph(pdf_text(c), body) for c in row] for row in section.rows]
        table = Table(data, colWidths=_widths(len(section.header), doc.width), repeatRows=1)
        table.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, 0), "#E8EFFA"),
            ("GRID", (0, 0), (-1, -1), 0.3, "#9A9A9A"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]))
        story += [table, Spacer(1, 6)]
        if progress:
            progress(done, len(sections) + 1)
    doc.build(story)
    if progress:
        progress(len(sections) + 1, len(sections) + 1)


def _widths(columns: int, room: float) -> list[float]:
    """Fixed column widths, the first (names, titles) twice as wide: a long word then wraps
    in its own column instead of pushing the others off the page."""
    unit = room / (columns + 1)
    return [2 * unit, *([unit] * (columns - 1))]


WRITERS: dict[str, Callable[..., None]] = {"csv": write_csv, "xlsx": write_xlsx,
                                           "pdf": write_pdf}

