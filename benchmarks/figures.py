"""The data-bound figures, each with its floor measured in the same run.

- report queries (`storage.report_queries.report_facts`) and the whole report (+ the
  figures of `core.reports.build_report`) against plain sqlite3 aggregates of the same shape
  (the floor() below: GROUP BY counts per learner, lesson, month, volunteer; the hours with
  each visit's last answer; the first visits; the names), with the number of SQL statements
  the app sent (it must not grow with the data: no query per learner);
- CSV, XLSX and PDF exports of the year against the bare library writing the same cells: the
  csv module; openpyxl's write-only workbook; reportlab's platypus with the same fonts, the
  same chart and plain-text tables of the same rows (cut into tables of a page each, the way
  to write a long table with reportlab whose cost grows with its rows);
- a backup (storage.backups.make_backup) against sqlite3's bare backup API to a file.
"""

from __future__ import annotations

import csv
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import event

from oefenplek.core.reports import Period, Report, build_report
from oefenplek.documents.report_exports import write_csv, write_pdf, write_xlsx
from oefenplek.storage.db import Database
from oefenplek.storage.report_queries import report_facts, utc_bounds
from oefenplek.storage.repository import Repository
from tests.reports.busy_location import THEMES, TITLES, YEAR_2025

LOCATION = "Bibliotheek Lindenhof"
PAGE_ROWS = 45  # rows of the bare PDF's tables: about a page


def timed(*works: Callable[[], object], repeats: int, budget: float = 1.0) -> list[float]:
    """The median time of each of `works`, in seconds, after one warm-up of each.

    They take turns (a figure, then its floor, then the figure again...), so a machine that
    slows down or speeds up during the run weighs on both alike; and a short figure is run
    until the turns have taken `budget` seconds (at most 25 turns), so a few milliseconds
    are the median of many runs rather than of three.
    """
    for work in works:
        work()
    times: list[list[float]] = [[] for _ in works]
    began = time.perf_counter()
    while len(times[0]) < repeats or (time.perf_counter() - began < budget
                                      and len(times[0]) < 25):
        for work, runs in zip(works, times, strict=True):
            start = time.perf_counter()
            work()
            runs.append(time.perf_counter() - start)
    return [statistics.median(runs) for runs in times]


def floor_queries(path: Path) -> dict[str, list[Any]]:
    """The year's report as bare sqlite3 aggregates: what the database must do at least."""
    low, high = (when.replace(tzinfo=None).isoformat(" ", "microseconds")
                 for when in utc_bounds(Period(*YEAR_2025)))
    days = [day.isoformat() for day in YEAR_2025]
    connection = sqlite3.connect(path)
    try:
        def rows(sql: str, *args: object) -> list[Any]:
            return connection.execute(sql, args).fetchall()

        found = {
            "per learner": rows("""
                SELECT v.learner_id, count(*), max(v.started_at),
                       sum(min(max((julianday(coalesce(v.ended_at,
                           (SELECT max(a.created_at) FROM attempt a WHERE a.visit_id = v.id),
                           v.started_at)) - julianday(v.started_at)) * 24, 0), 4))
                FROM visit v WHERE v.started_at >= ? AND v.started_at < ?
                GROUP BY v.learner_id""", low, high),
            "months": rows("SELECT substr(started_at, 1, 7), count(*) FROM visit "
                           "WHERE started_at >= ? AND started_at < ? GROUP BY 1", low, high),
            "volunteers": rows("SELECT guided_by, count(*) FROM visit WHERE started_at >= ? "
                               "AND started_at < ? AND guided_by IS NOT NULL GROUP BY 1",
                               low, high),
            "help": rows("SELECT learner_id, count(*) FROM help_request WHERE created_at >= ? "
                         "AND created_at < ? GROUP BY 1", low, high),
            "certificates": rows("SELECT learner_id, count(*) FROM certificate "
                                 "WHERE issued_on BETWEEN ? AND ? GROUP BY 1", *days),
            "first visits": rows(
                "SELECT learner_id, min(started_at) FROM visit WHERE learner_id IN "
                "(SELECT learner_id FROM visit WHERE started_at >= ? AND started_at < ?) "
                "GROUP BY 1", low, high),
            "answers": rows(
                "SELECT a.guided, sum(a.outcome = 'correct'), count(*) FROM attempt a "
                "JOIN visit v ON v.id = a.visit_id WHERE v.started_at >= ? AND v.started_at < ? "
                "AND a.step_kind IN ('choose', 'order', 'tap', 'type') GROUP BY a.guided",
                low, high),
            "names": rows("SELECT id, name, language FROM learner"),
            "staff": rows("SELECT id, name FROM staff"),
        }
        for column in ("started_at", "finished_at"):
            for key in ("lesson_id", "learner_id"):
                found[f"{column} {key}"] = rows(
                    f"SELECT {key}, count(*) FROM lesson_run WHERE {column} >= ? "
                    f"AND {column} < ? GROUP BY 1", low, high)
        return found
    finally:
        connection.close()


class Counted:
    """Counts the SQL statements an engine runs while it is on."""

    def __init__(self, database: Database) -> None:
        self.count = 0
        event.listen(database.engine, "before_cursor_execute", self._one)

    def _one(self, *_args: object) -> None:
        self.count += 1


def bare_csv(report: Report, target: Path) -> None:
    with target.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        for section in report.sections():
            writer.writerow([section.title])
            writer.writerow(section.header)
            writer.writerows(section.rows)


def bare_xlsx(report: Report, target: Path) -> None:
    from openpyxl import Workbook  # type: ignore[import-untyped]

    book = Workbook(write_only=True)
    for section in report.sections():
        sheet = book.create_sheet(section.title[:31])
        sheet.append([section.title])
        sheet.append(section.header)
        for row in section.rows:
            sheet.append(row)
    book.save(target)


def bare_pdf(report: Report, target: Path) -> None:
    from reportlab.graphics.charts.barcharts import (  # type: ignore[import-untyped]
        VerticalBarChart,
    )
    from reportlab.graphics.shapes import Drawing  # type: ignore[import-untyped]
    from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
    from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
    from reportlab.platypus import (  # type: ignore[import-untyped]
        Paragraph,
        SimpleDocTemplate,
        Table,
        TableStyle,
    )

    from oefenplek.documents.fonts import register_fonts

    register_fonts()
    heading = ParagraphStyle("heading", fontName="Sans-Bold", fontSize=13, leading=18)
    doc = SimpleDocTemplate(str(target), pagesize=A4, initialFontName="Sans")
    months = sorted(report.visits_by_month.items())
    chart = Drawing(480, 170)
    bars = VerticalBarChart()
    bars.x, bars.y, bars.width, bars.height = 30, 30, 440, 120
    bars.data = [[n for _m, n in months] or [0]]
    bars.categoryAxis.categoryNames = [m for m, _n in months] or [""]
    bars.categoryAxis.labels.fontName = "Sans"
    bars.valueAxis.labels.fontName = "Sans"
    chart.add(bars)
    style = TableStyle([("FONTNAME", (0, 0), (-1, -1), "Sans"), ("FONTSIZE", (0, 0), (-1, -1), 9),
                        ("BACKGROUND", (0, 0), (-1, 0), "#E8EFFA"),
                        ("GRID", (0, 0), (-1, -1), 0.3, "#9A9A9A")])
    story: list[object] = [Paragraph(LOCATION, heading), chart]
    for section in report.sections():
        story.append(Paragraph(section.title, heading))
        rows = [[str(cell) for cell in row] for row in section.rows]
        for first in range(0, max(len(rows), 1), PAGE_ROWS):
            table = Table([section.header, *rows[first:first + PAGE_ROWS]])
            table.setStyle(style)
            story.append(table)
    doc.build(story)


def data_figures(path: Path, size: int, repeats: int, add: Callable[..., None]) -> None:
    """Every figure of the report and the exports at one size, each with its floor."""
    database = Database(f"sqlite:///{path}")
    repository = Repository(database)
    period = Period(*YEAR_2025)
    counted = Counted(database)
    before = counted.count
    facts = report_facts(repository, period, THEMES, TITLES)
    statements = counted.count - before
    floor, queries, whole = timed(
        lambda: floor_queries(path), lambda: report_facts(repository, period, THEMES, TITLES),
        lambda: build_report(report_facts(repository, period, THEMES, TITLES)),
        repeats=repeats)
    report = build_report(facts)
    rows = sum(len(section.rows) for section in report.sections())
    add("report queries", size, queries, floor, "bare sqlite3 aggregates", 3.0,
        f"{statements} SQL statements")
    add("report (queries + figures)", size, whole, floor, "bare sqlite3 aggregates", 3.0,
        f"{report.learners} learners, {report.visits} visits in 2025")
    folder = Path(tempfile.mkdtemp(prefix="oefenplek-bench-exports-"))
    for kind, writer, bare in (("csv", write_csv, bare_csv), ("xlsx", write_xlsx, bare_xlsx),
                               ("pdf", write_pdf, bare_pdf)):
        target, plain = folder / f"report.{kind}", folder / f"bare.{kind}"
        took, floor = timed(partial(writer, report, LOCATION, target),
                            partial(bare, report, plain), repeats=repeats)
        add(f"{kind.upper()} export", size, took, floor, f"bare {_library(kind)}", 2.0,
            f"{rows} rows, {target.stat().st_size // 1024} kB")
    database.close()
    from oefenplek.storage.backups import BY_HAND, make_backup

    backups = folder / "backups"

    def backup() -> None:
        made = make_backup(path, backups, BY_HAND, datetime.now(UTC))
        made.file.unlink()

    def bare_backup() -> None:
        source, copy = sqlite3.connect(path), sqlite3.connect(folder / "bare.sqlite3")
        try:
            source.backup(copy)
        finally:
            source.close()
            copy.close()
        (folder / "bare.sqlite3").unlink()

    took, floor = timed(backup, bare_backup, repeats=max(1, repeats // 2))
    add("backup", size, took, floor, "bare sqlite3 backup API", 2.0,
        f"{path.stat().st_size >> 20} MiB file")
    for leftover in folder.rglob("*"):
        if leftover.is_file():
            leftover.unlink()


def _library(kind: str) -> str:
    return {"csv": "csv module", "xlsx": "openpyxl (write-only)",
            "pdf": "reportlab, same fonts and chart"}[kind]
