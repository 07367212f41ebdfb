"""A long table in a PDF, laid out page by page in time that grows with its rows.

reportlab's Table splits at a page break by making a new Table of every row that is left and
measuring all of them again, so a table of n rows costs about n²/50 row measurements: 20,000
learners took 18 s where 1,250 took 0.2 s. `Rows` measures each row once (a plain text cell
is one line: 12 pt plus padding; only a text too wide for its column becomes a wrapping
Paragraph, measured once), keeps the running heights, and at each page break hands
reportlab a small Table of just the rows that fit, with the header on top; what is left
stays one `Rows` that shares the lists, so a page break costs the rows on the page.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import Any
from xml.sax.saxutils import escape

# reportlab ships no type hints and types-reportlab is not a dev dependency.
from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    Flowable,
    Paragraph,
    Table,
    TableStyle,
)

FEW = 60  # more rows than this (each at least 18 pt high) never fit on one A4 page
PADDING = 6  # a cell's left + right (and top + bottom) padding, reportlab's default 3 + 3
FONT, SIZE, LEADING = "Sans", 9, 12
STYLE = [
    ("FONTNAME", (0, 0), (-1, -1), FONT),
    ("FONTSIZE", (0, 0), (-1, -1), SIZE),
    ("LEADING", (0, 0), (-1, -1), LEADING),
    ("BACKGROUND", (0, 0), (-1, 0), "#E8EFFA"),
    ("GRID", (0, 0), (-1, -1), 0.3, "#9A9A9A"),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
]


class _Laid:
    """The rows with what each costs in height, measured once for all the pages."""

    def __init__(self, header: list[str], rows: Sequence[tuple[str, ...]],
                 widths: list[float], body: Any) -> None:
        self.widths, self.body = widths, body
        self.wide: dict[int, list[int]] = {}  # row -> the columns that need a Paragraph
        self.header = self._row(header)
        self.header_height = self._height(header, self._wide(header))
        self.rows = rows
        heights = []
        for number, row in enumerate(rows):
            wide = self._wide(row)
            if wide:
                self.wide[number] = wide
            heights.append(self._height(row, wide))
        self.tops = [0.0, *accumulate(heights)]  # tops[i]: the height of rows before i

    def _wide(self, row: Sequence[str]) -> list[int]:
        return [column for column, (text, width) in enumerate(zip(row, self.widths,
                                                                   strict=False))
                if stringWidth(text, FONT, SIZE) > width - PADDING]

    def _height(self, row: Sequence[str], wide: list[int]) -> float:
        tallest = float(LEADING)
        for column in wide:
            _width, height = self._paragraph(row[column]).wrap(
                self.widths[column] - PADDING, 10_000)
            tallest = max(tallest, height)
        return tallest + PADDING

    def _paragraph(self, text: str) -> Any:
        return Paragraph(escape(text), self.body)

    def _row(self, row: Sequence[str], wide: Sequence[int] = ()) -> list[object]:
        cells: list[object] = list(row)
        for column in wide or self._wide(row):
            cells[column] = self._paragraph(row[column])
        return cells

    def table(self, start: int, end: int) -> Any:
        data = [self.header, *(self._row(self.rows[n], self.wide.get(n, ()))
                               if n in self.wide else list(self.rows[n])
                               for n in range(start, end))]
        table = Table(data, colWidths=self.widths, repeatRows=1)
        table.setStyle(TableStyle(STYLE))
        return table


class Rows(Flowable):  # type: ignore[misc]
    """A table with a header row, from row `start` on; `written(n)` is told as n rows go
    onto a page.

    The measured heights choose where a page ends; the small Table made for that page is
    then measured by reportlab itself and made a row shorter while it does not fit (a
    Paragraph can come out a line taller inside a table than on its own), so the estimate
    only has to be close.
    """

    def __init__(self, header: list[str], rows: Sequence[tuple[str, ...]],
                 widths: list[float], body: Any,
                 written: Callable[[int], None] | None = None, start: int = 0,
                 laid: _Laid | None = None) -> None:
        super().__init__()
        self.laid = laid or _Laid(header, rows, widths, body)
        self.start, self.written = start, written
        self.width = sum(self.laid.widths)
        self.height = 0.0
        self._rest: Any = None  # the Table of every row left, once few enough are left

    def _end(self) -> int:
        return len(self.laid.rows)

    def _measured(self, start: int, end: int, width: float) -> tuple[Any, float]:
        table = self.laid.table(start, end)
        canvas = getattr(self, "canv", None)
        _width, height = (table.wrapOn(canvas, width, 1_000_000) if canvas is not None
                          else table.wrap(width, 1_000_000))
        return table, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        laid = self.laid
        self.height = laid.header_height + laid.tops[-1] - laid.tops[self.start]
        if self._end() - self.start <= FEW:  # might fit on this page: measure it truly
            self._rest, self.height = self._measured(self.start, self._end(), available_width)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Any]:
        laid = self.laid
        room = available_height - laid.header_height
        end = bisect_right(laid.tops, laid.tops[self.start] + room) - 1
        end = min(end, self._end())
        while end > self.start:
            table, height = self._measured(self.start, end, available_width)
            if height <= available_height:
                break
            end -= 1
        if end <= self.start:
            return []  # not even one row fits here: the next page
        if end >= self._end():
            return [self]
        if self.written is not None:
            self.written(end - self.start)
        return [table, Rows([], [], [], None, self.written, end, laid)]

    def draw(self) -> None:
        table = self._rest
        if table is None:
            table, self.height = self._measured(self.start, self._end(), self.width)
        self._rest = None
        if self.written is not None:
            self.written(self._end() - self.start)
        table.wrapOn(self.canv, self.width, 1_000_000)
        table.drawOn(self.canv, 0, 0)
