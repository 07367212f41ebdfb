"""Report figures on a busy location equal independent SQL counts, and every export holds
the same numbers, safely."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from oefenplek.core.reports import Period, Report, build_report
from oefenplek.documents.report_exports import write_csv, write_pdf, write_xlsx
from oefenplek.storage.copy import copy_database
from oefenplek.storage.db import Database
from oefenplek.storage.report_queries import report_facts, utc_bounds
from oefenplek.storage.repository import Repository

from ..postgres import PostgresServer
from .busy_location import THEMES, TITLES, YEAR_2025, make_busy_location


@pytest.fixture(scope="module")
def busy(tmp_path_factory: pytest.TempPathFactory) -> Repository:
    folder = tmp_path_factory.mktemp("busy")
    return Repository(make_busy_location(folder / "busy.sqlite3"))


@pytest.fixture(scope="module")
def busy_on_server(busy: Repository, postgres_server: PostgresServer) -> Iterator[Repository]:
    """The same location copied into a location's PostgreSQL database."""
    name = postgres_server.create_database()
    copy_database(busy.database.url, postgres_server.url(name))
    database = Database(postgres_server.url(name))
    yield Repository(database)
    database.close()
    postgres_server.drop_database(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request: pytest.FixtureRequest, busy: Repository) -> Repository:
    """The busy location on SQLite, and on PostgreSQL, for the tests that ask the database."""
    return busy if request.param == "sqlite" else request.getfixturevalue("busy_on_server")


@pytest.fixture(scope="module")
def year(busy: Repository) -> Report:
    period = Period(*YEAR_2025)
    return build_report(report_facts(busy, period, THEMES, TITLES))


def on_postgresql(repository: Repository) -> bool:
    return repository.database.engine.dialect.name == "postgresql"


def sql(repository: Repository, query: str, *args: object) -> object:
    if on_postgresql(repository):
        query = query.replace("?", "%s")
    with repository.database.engine.connect() as connection:
        return connection.exec_driver_sql(query, args).scalar()


def bounds(repository: Repository) -> tuple[str, str] | tuple[datetime, datetime]:
    start, end = (when.replace(tzinfo=None) for when in utc_bounds(Period(*YEAR_2025)))
    return (start, end) if on_postgresql(repository) else (start.isoformat(" "),
                                                           end.isoformat(" "))


def days(repository: Repository) -> list[str] | list[date]:
    return list(YEAR_2025) if on_postgresql(repository) else [d.isoformat() for d in YEAR_2025]


def test_the_busy_location_is_as_big_as_promised(location: Repository) -> None:
    busy = location
    assert sql(busy, "SELECT count(*) FROM learner") == 2000
    assert sql(busy, "SELECT count(*) FROM lesson_run") == 40_000
    assert sql(busy, "SELECT count(*) FROM attempt") == 400_000


def test_the_figures_equal_independent_sql_counts(location: Repository) -> None:
    busy = location
    year = build_report(report_facts(busy, Period(*YEAR_2025), THEMES, TITLES))
    low, high = bounds(busy)
    where = "started_at >= ? AND started_at < ?"
    assert year.visits == sql(busy, f"SELECT count(*) FROM visit WHERE {where}", low, high)
    assert year.learners == sql(
        busy, f"SELECT count(DISTINCT learner_id) FROM visit WHERE {where}", low, high)
    assert year.new_learners == sql(busy, """
        SELECT count(*) FROM (SELECT learner_id, min(started_at) AS first FROM visit
        GROUP BY learner_id) AS firsts WHERE first >= ? AND first < ?""", low, high)
    assert year.lessons_started == sql(
        busy, f"SELECT count(*) FROM lesson_run WHERE {where}", low, high)
    assert year.lessons_finished == sql(
        busy, "SELECT count(*) FROM lesson_run WHERE finished_at >= ? AND finished_at < ?",
        low, high)
    assert year.help_requests == sql(
        busy, "SELECT count(*) FROM help_request WHERE created_at >= ? AND created_at < ?",
        low, high)
    assert year.certificates == sql(
        busy, "SELECT count(*) FROM certificate WHERE issued_on BETWEEN ? AND ?",
        *days(busy))
    length = ("CAST(extract(epoch FROM coalesce(v.ended_at, a.last, v.started_at) "
              "- v.started_at) AS double precision) / 3600" if on_postgresql(busy) else
              "(julianday(coalesce(v.ended_at, a.last, v.started_at)) - julianday(v.started_at))"
              " * 24")
    least, greatest = ("least", "greatest") if on_postgresql(busy) else ("min", "max")
    hours = sql(busy, f"""
        SELECT sum({least}({greatest}({length}, 0), 4))
        FROM visit v LEFT JOIN (SELECT visit_id, max(created_at) AS last FROM attempt
                                GROUP BY visit_id) a ON a.visit_id = v.id
        WHERE v.{where}""", low, high)
    assert year.hours == pytest.approx(hours, rel=1e-6)
    with busy.database.engine.connect() as connection:
        per_lesson = dict(connection.exec_driver_sql(
            f"SELECT lesson_id, count(*) FROM lesson_run WHERE {where} GROUP BY lesson_id"
            .replace("?", "%s" if on_postgresql(busy) else "?"), (low, high)).all())
    assert year.started_by_lesson == {TITLES[k]: v for k, v in per_lesson.items()}
    assert sum(year.started_by_theme.values()) == year.lessons_started
    guided = sql(busy, f"SELECT count(*) FROM visit WHERE guided_by IS NOT NULL AND {where}",
                 low, high)
    assert sum(year.visits_by_volunteer.values()) == guided
    assert sum(line.visits for line in year.per_learner) == year.visits


def test_the_xlsx_holds_the_same_numbers(year: Report, tmp_path: Path) -> None:
    target = tmp_path / "rapport.xlsx"
    write_xlsx(year, "Bibliotheek Lindenhof", target)
    book = load_workbook(target)
    totals = {row[0]: row[1] for row in book["Totalen"].iter_rows(min_row=7, values_only=True)
              if row[0]}
    assert totals == dict(year.totals())
    names = [row[0] for row in book["Per deelnemer"].iter_rows(min_row=7, values_only=True)]
    assert '=HYPERLINK("http://voorbeeld.nl","klik")' in names  # text, not a formula
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.value


def test_the_csv_never_starts_a_cell_with_a_formula(year: Report, tmp_path: Path) -> None:
    target = tmp_path / "rapport.csv"
    write_csv(year, "=Bibliotheek", target)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle, delimiter=";") for cell in row]
    assert "'=HYPERLINK(\"http://voorbeeld.nl\",\"klik\")" in cells
    assert "'+31612345678" in cells and "'@SUM(1;2)" in cells and "'-2+3" in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]
    assert str(year.visits) in cells


def test_the_funder_export_has_no_names_and_hides_small_counts(year: Report,
                                                               tmp_path: Path) -> None:
    sections = {s.title: s for s in year.sections(for_funder=True)}
    people = sections["Per deelnemer"]
    assert all(row[0].startswith("Deelnemer ") and row[0].split()[-1].isdigit()
               for row in people.rows)
    assert not any("Zoë" in str(cell) for s in sections.values() for r in s.rows for cell in r)
    for row in sections["Per les"].rows:
        assert all(not isinstance(v, int) or v == 0 or v >= 5 for v in row[1:])
    target = tmp_path / "financier.csv"
    write_csv(year, "Bibliotheek", target, for_funder=True)
    assert "Zoë" not in target.read_text(encoding="utf-8-sig")


def test_a_small_month_shows_under_five_to_the_funder() -> None:
    from oefenplek.core.reports import Facts, VisitFact

    when = datetime(2025, 3, 3, 10, tzinfo=UTC)
    visits = [VisitFact(f"l{n}", when, when + timedelta(hours=1), None, None) for n in range(3)]
    facts = Facts(Period.month(when.date()), visits, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {})
    report = build_report(facts)
    month = next(s for s in report.sections(for_funder=True) if s.title == "Per maand")
    assert month.rows == [("2025-03", "<5")]
    assert report.hours == pytest.approx(3.0)


def test_the_pdf_report_is_written(year: Report, tmp_path: Path) -> None:
    from pypdf import PdfReader

    steps: list[tuple[int, int]] = []
    target = tmp_path / "rapport.pdf"
    write_pdf(year, "Bibliotheek Lindenhof", target, progress=lambda d, t: steps.append((d, t)))
    text = PdfReader(target).pages[0].extract_text()
    assert "Bibliotheek Lindenhof" in text and str(year.visits) in text
    assert steps[-1][0] == steps[-1][1]
