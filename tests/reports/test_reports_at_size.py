"""Reports stay right when a location is big: every row in every export, figures equal to
plain SQL, and no query per learner.

Sizes, and why: the report figures are checked on a real database of 4 times the busy
location (8,000 learners, 160,000 lesson runs, 1.6 million answers; about 30 s to build on
a CI machine of 2 CPUs), against counts made with plain SQL on the same file. The exports
are checked at 16 times (the year's report of a large library over ten years: about 20,000
learners, one row each) from a report built from facts made directly at that size: building
the 16-times database itself takes minutes and 2.4 GB, and the exports only see the Report,
so what they are given is the same. Timing is not tested here: `python -m benchmarks` does.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import event

from oefenplek.core.reports import Facts, Period, Report, VisitFact, build_report, language_name
from oefenplek.documents.report_exports import write_csv, write_pdf, write_xlsx
from oefenplek.storage.db import Database
from oefenplek.storage.report_queries import report_facts, utc_bounds
from oefenplek.storage.repository import Repository

from .busy_location import THEMES, TITLES, YEAR_2025, make_busy_location

BIG = 16 * 1232  # learners in 2025 at 16 times the busy location


@pytest.fixture(scope="module")
def big_report() -> Report:
    """A year of a location 16 times the busy one, from facts made directly."""
    start = datetime(2025, 1, 1, 9, tzinfo=UTC)
    visits = [VisitFact(f"id-{n:05d}", start + timedelta(days=(n * 7 + k) % 365, hours=k),
                        start + timedelta(days=(n * 7 + k) % 365, hours=k + 1), None,
                        "staff-1" if k == 0 else None)
              for n in range(BIG) for k in range(1 + n % 4)]
    lessons = sorted(TITLES)
    started = {f"id-{n:05d}": 1 + n % 5 for n in range(BIG)}
    finished = {f"id-{n:05d}": n % 3 for n in range(BIG) if n % 3}
    names = {f"id-{n:05d}": f"Deelnemer {n:05d}" for n in range(BIG)}
    names["id-00001"] = '=HYPERLINK("http://voorbeeld.nl","klik")'
    names["id-00002"] = "Zoë" + " lang" * 60  # wraps in the PDF
    facts = Facts(Period(*YEAR_2025), visits, started,
                  {lesson: 40 * (n + 1) for n, lesson in enumerate(lessons)}, finished,
                  {lesson: 20 * (n + 1) for n, lesson in enumerate(lessons)},
                  {"id-00003": 2}, {"id-00004": 1},
                  {f"id-{n:05d}": start for n in range(BIG)}, names, {"staff-1": "Vera"},
                  THEMES, TITLES)
    return build_report(facts)


def test_the_big_xlsx_holds_every_learner(big_report: Report, tmp_path: Path) -> None:
    target = tmp_path / "rapport.xlsx"
    write_xlsx(big_report, "Bibliotheek Lindenhof", target)
    book = load_workbook(target, read_only=True)
    rows = [row for row in book["Per deelnemer"].iter_rows(min_row=7, values_only=True)]
    assert len(rows) == BIG == len(big_report.per_learner)
    assert [row[0] for row in rows] == [line.name for line in big_report.per_learner]
    assert sum(row[1] for row in rows) == big_report.visits
    assert '=HYPERLINK("http://voorbeeld.nl","klik")' in {row[0] for row in rows}
    book.close()
    formulas = load_workbook(target)["Per deelnemer"]
    assert not any(cell.data_type == "f" for row in formulas.iter_rows() for cell in row)


def test_the_big_csv_holds_every_learner(big_report: Report, tmp_path: Path) -> None:
    target = tmp_path / "rapport.csv"
    write_csv(big_report, "Bibliotheek Lindenhof", target)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        names = {row[0] for row in csv.reader(handle, delimiter=";") if row}
    assert {line.name for line in big_report.per_learner if not line.name.startswith("=")
            } <= names
    assert "'=HYPERLINK(\"http://voorbeeld.nl\",\"klik\")" in names


def pdf_text(path: Path) -> str:
    """The PDF's text: pdftotext where it is installed (fast), else pypdf."""
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                              capture_output=True, text=True).stdout
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_big_pdf_holds_every_learner_once(big_report: Report, tmp_path: Path) -> None:
    steps: list[tuple[int, int]] = []
    target = tmp_path / "rapport.pdf"
    write_pdf(big_report, "Bibliotheek Lindenhof", target,
              progress=lambda done, total: steps.append((done, total)))
    text = pdf_text(target)
    seen = Counter(re.findall(r"Deelnemer (\d{5})", text))
    assert seen == Counter({f"{n:05d}": 1 for n in range(BIG) if n not in (1, 2)})
    assert "HYPERLINK" in text and "Zoë lang" in text
    assert len(steps) > 50  # the bar moves while the long table is laid out
    assert [done for done, _total in steps] == sorted(done for done, _total in steps)
    assert steps[-1][0] == steps[-1][1]


@pytest.fixture(scope="module")
def four_times(tmp_path_factory: pytest.TempPathFactory) -> Repository:
    folder = tmp_path_factory.mktemp("busy4")
    return Repository(make_busy_location(folder / "busy.sqlite3", scale=4))


def scalar(repository: Repository, query: str, *args: object) -> object:
    with repository.database.engine.connect() as connection:
        return connection.exec_driver_sql(query, args).scalar()


def test_the_figures_at_four_times_equal_plain_sql(four_times: Repository) -> None:
    busy = four_times
    assert scalar(busy, "SELECT count(*) FROM attempt") == 1_600_000
    year = build_report(report_facts(busy, Period(*YEAR_2025), THEMES, TITLES))
    low, high = (w.replace(tzinfo=None).isoformat(" ", "microseconds")
                 for w in utc_bounds(Period(*YEAR_2025)))
    where = "started_at >= ? AND started_at < ?"
    assert year.visits == scalar(busy, f"SELECT count(*) FROM visit WHERE {where}", low, high)
    assert year.learners == scalar(
        busy, f"SELECT count(DISTINCT learner_id) FROM visit WHERE {where}", low, high)
    assert year.new_learners == scalar(busy, """
        SELECT count(*) FROM (SELECT learner_id, min(started_at) AS first FROM visit
        GROUP BY learner_id) AS firsts WHERE first >= ? AND first < ?""", low, high)
    assert year.lessons_finished == scalar(
        busy, "SELECT count(*) FROM lesson_run WHERE finished_at >= ? AND finished_at < ?",
        low, high)
    assert year.certificates == scalar(
        busy, "SELECT count(*) FROM certificate WHERE issued_on BETWEEN ? AND ?",
        *(day.isoformat() for day in YEAR_2025))
    hours = scalar(busy, f"""
        SELECT sum(min(max((julianday(coalesce(v.ended_at, a.last, v.started_at))
                            - julianday(v.started_at)) * 24, 0), 4))
        FROM visit v LEFT JOIN (SELECT visit_id, max(created_at) AS last FROM attempt
                                GROUP BY visit_id) a ON a.visit_id = v.id
        WHERE v.{where}""", low, high)
    assert year.hours == pytest.approx(hours, rel=1e-6)
    with busy.database.engine.connect() as connection:
        answers = {bool(guided): (right, total) for guided, right, total in
                   connection.exec_driver_sql(
                       "SELECT a.guided, sum(a.outcome = 'correct'), count(*) FROM attempt a "
                       "JOIN visit v ON v.id = a.visit_id WHERE v.started_at >= ? "
                       "AND v.started_at < ? AND a.step_kind IN ('tap', 'type', 'choose', "
                       "'order') GROUP BY a.guided", (low, high)).all()}
        languages = dict(connection.exec_driver_sql(
            f"SELECT l.language, count(DISTINCT v.learner_id) FROM visit v JOIN learner l "
            f"ON l.id = v.learner_id WHERE v.{where} GROUP BY l.language", (low, high)).all())
    assert (year.answers_guided, year.answers_alone) == (answers[True], answers[False])
    assert 0 < answers[False][1] < answers[True][1]
    assert year.learners_by_language == {language_name(code): n
                                         for code, n in languages.items()}
    assert set(languages) == {"nl", "ar", "tr", "uk", "en"}
    with busy.database.engine.connect() as connection:
        per_learner = {learner: (visits, last[:10]) for learner, visits, last in
                       connection.exec_driver_sql(
                           f"SELECT learner_id, count(*), max(started_at) FROM visit "
                           f"WHERE {where} GROUP BY learner_id", (low, high)).all()}
        started = dict(connection.exec_driver_sql(
            f"SELECT learner_id, count(*) FROM lesson_run WHERE {where} GROUP BY learner_id",
            (low, high)).all())
    assert len(year.per_learner) == len(set(per_learner) | set(started))
    for line in year.per_learner:
        visits, last = per_learner.get(line.learner_id, (0, None))
        assert (line.visits, line.started) == (visits, started.get(line.learner_id, 0))
        assert (line.last_visit.isoformat() if line.last_visit else None) == last


def statements(repository: Repository, period: Period) -> int:
    counted = [0]

    def one(*_args: object) -> None:
        counted[0] += 1

    event.listen(repository.database.engine, "before_cursor_execute", one)
    try:
        report_facts(repository, period, THEMES, TITLES)
    finally:
        event.remove(repository.database.engine, "before_cursor_execute", one)
    return counted[0]


def test_the_report_asks_the_same_few_queries_at_any_size(four_times: Repository,
                                                          tmp_path: Path) -> None:
    small = Repository(Database(f"sqlite:///{tmp_path / 'klein.sqlite3'}"))
    small.add_learner("Anna", "kat")
    year = Period(*YEAR_2025)
    assert statements(four_times, year) == statements(small, year) <= 12
    assert statements(four_times, Period.month(date(2025, 3, 1))) == statements(small, year)
    small.database.close()
