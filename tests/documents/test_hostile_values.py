"""No stored value can break an export: hostile text put straight into the database rows
(past every check a person meets) goes through every file the app writes, and each file
opens again in the program that reads it.

The values: control characters and NUL, a megabyte of text (with and without spaces),
direction overrides and right-to-left marks, spreadsheet formulas, emoji, noncharacters,
and random mixes of all of these (a fixed seed, so a failure can be replayed).
"""

from __future__ import annotations

import csv
import json
import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import update

from oefenplek.core.reports import Period, Section, build_report
from oefenplek.documents.certificate import layout, render_pdf
from oefenplek.documents.learner_export import render_learner_pdf
from oefenplek.documents.report_exports import (
    CELL_LENGTH,
    all_tidy,
    safe_text,
    write_csv,
    write_pdf,
    write_xlsx,
)
from oefenplek.storage.db import Database
from oefenplek.storage.learner_admin import LearnerAdmin
from oefenplek.storage.models import (
    AttemptRow,
    CertificateRow,
    LearnerRow,
    LessonRunRow,
    SettingRow,
    StaffRow,
    VisitRow,
)
from oefenplek.storage.report_queries import report_facts
from oefenplek.storage.repository import Repository
from oefenplek.storage.settings import LOCATION_NAME
from oefenplek.storage.staff_repository import StaffRepository

#: Characters that have broken, or could break, a file or a reader somewhere.
NASTY = ("\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\x9f",
         "\t", "\n", "\r", "\u2028", "\u2029", "\u200b", "\u200e", "\u200f", "\u202a", "\u202b",
         "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff",
         "\ufffe", "\uffff", "\ufdd0", "\U0010ffff", "\ue000", "\u0301", "\u00ad", "<", ">",
         "&", '"', "'", ";", ",", "=", "+", "-", "@", "%", "\\", "/")
LETTERS = "aZë Đ محمد שלום 李娜 Ольга 👍🏽 👩‍👩‍👧 ‍ 🇳🇱"


def random_text(rng: random.Random, length: int) -> str:
    pool = NASTY + tuple(LETTERS)
    return "".join(rng.choice(pool) for _ in range(length))


def hostile_values() -> list[str]:
    rng = random.Random(14)
    return [
        "Ann\x00a", "\x00" * 300, '=HYPERLINK("http://voorbeeld.nl","klik")', "+31612345678",
        "@SUM(1;2)", "-2+3", "\tFatima", "\r=1+1", "Anna\u202etxt.exe", "\u2067محمد\u2069",
        "شلوم \u200f Zoë", "👍🏽👩‍👩‍👧🇳🇱", "<b>vet</b> & <i>", "a" * 1_000_000,
        "a " * 500_000, "\u200b" * 10_000, "",
        *(random_text(rng, rng.choice((5, 40, 300, 5000))) for _ in range(12)),
    ]


@pytest.fixture
def location(tmp_path: Path) -> Repository:
    """A location whose stored values are all hostile: one learner per value, each with a
    visit (note), a lesson run (lesson id), an answer and a certificate, plus a volunteer,
    and the location's own name."""
    database = Database(f"sqlite:///{tmp_path / 'hostile.sqlite3'}")
    repository = Repository(database)
    staff = StaffRepository(database, repository)
    volunteer = staff.add_staff("Joke", "volunteer", "4821")
    now = datetime.now(UTC)
    values = hostile_values()
    learners = [repository.add_learner(f"Deelnemer {n}", "cat") for n in range(len(values))]
    with database.session() as session:
        for learner, value in zip(learners, values, strict=True):
            visit = VisitRow(learner_id=learner.id, started_at=now - timedelta(minutes=90),
                             ended_at=now - timedelta(minutes=10), note=value,
                             guided_by=volunteer.id, computer=value[:40])
            run = LessonRunRow(learner_id=learner.id, lesson_id=f"les {value}", lesson_version=1,
                               started_at=now - timedelta(minutes=80), finished_at=now,
                               position=0)
            session.add_all([visit, run])
            session.flush()
            session.add(AttemptRow(run_id=run.id, visit_id=visit.id, step_index=0,
                                   step_kind="type", outcome="correct", answer=value))
            session.add(CertificateRow(
                learner_id=learner.id, kind="lesson", subject_id=value, theme_id="tablet",
                learner_name=value, title=value, can_do=f"{value}\nIk kan het.",
                issued_on=date.today(), location=value, signer=value))
            session.execute(update(LearnerRow).where(LearnerRow.id == learner.id)
                            .values(name=value, first_language=value))
        session.execute(update(StaffRow).values(name=values[8]))
        session.merge(SettingRow(key=LOCATION_NAME, value="\x00=Bieb\u202e " + "x" * 100_000))
        session.commit()
    yield repository
    database.close()


def no_hidden_signs(text: str) -> bool:
    return not any(ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f or c in "\u202e\u2066\ufffe"
                   for c in text)


def test_every_report_export_is_written_and_opens_again(location: Repository,
                                                        tmp_path: Path) -> None:
    today = date.today()
    period = Period(today - timedelta(days=1), today + timedelta(days=1))
    titles = {"les": "Les"}
    report = build_report(report_facts(location, period, {}, titles))
    place = location.setting(LOCATION_NAME)
    assert "\x00" in place and len(report.per_learner) == len(hostile_values())
    for for_funder in (False, True):
        csv_file, xlsx_file, pdf_file = (tmp_path / f"rapport-{for_funder}.{kind}"
                                         for kind in ("csv", "xlsx", "pdf"))
        write_csv(report, place, csv_file, for_funder)
        write_xlsx(report, place, xlsx_file, for_funder)
        write_pdf(report, place, pdf_file, for_funder)

        with csv_file.open(encoding="utf-8-sig", newline="") as handle:
            cells = [cell for row in csv.reader(handle, delimiter=";") for cell in row]
        assert all(no_hidden_signs(cell) for cell in cells)
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
        book = load_workbook(xlsx_file)
        values = [cell.value for sheet in book.worksheets for row in sheet.iter_rows()
                  for cell in row if isinstance(cell.value, str)]
        assert values and all(no_hidden_signs(value) and len(value) <= 32_767
                              for value in values)
        assert not any(cell.data_type == "f" for sheet in book.worksheets
                       for row in sheet.iter_rows() for cell in row)
        reader = PdfReader(pdf_file)
        assert "Bieb" in reader.pages[0].extract_text()
        # The report keeps what is stored; the coordinator's files show it clean.
        assert ("Anna" in cells) is not for_funder
        assert ("Anna" in values) is not for_funder


def test_everything_about_each_learner_is_written_and_opens_again(
        location: Repository, tmp_path: Path) -> None:
    admin = LearnerAdmin(location)
    place = location.setting(LOCATION_NAME)
    for number, (learner_id, _name, _avatar, _archived) in enumerate(admin.all_learners()):
        data = admin.everything_about(learner_id)
        pdf_file = tmp_path / f"gegevens-{number}.pdf"
        render_learner_pdf(data, place, pdf_file)
        assert len(PdfReader(pdf_file).pages) >= 1
        json_file = tmp_path / f"gegevens-{number}.json"
        json_file.write_text(admin.export_json(learner_id), encoding="utf-8")
        kept = json.loads(json_file.read_text(encoding="utf-8"))
        assert kept["learner"]["name"] == data["learner"]["name"]  # the data, whole


def test_every_stored_certificate_is_drawn_and_opens_again(location: Repository,
                                                           tmp_path: Path) -> None:
    for learner in LearnerAdmin(location).all_learners():
        for certificate in location.certificates(learner[0]):
            target = tmp_path / "certificaat.pdf"
            render_pdf(layout(certificate, "#0a7d5a", None), target)
            [page] = PdfReader(target).pages
            assert "Certificaat" in page.extract_text()


def test_a_text_passes_uncleaned_only_when_cleaning_would_keep_it() -> None:
    """The CSV's quick path (whole blocks of rows checked at once) lets a text through only
    when the cell-by-cell cleaning would have written it the same."""
    ordinary = ["Deelnemer 12", "Zoë Đorđević", "محمد", "李娜", "Ольга", "👍🏽", "2025-03-04", ""]
    candidates = [*ordinary, *hostile_values()[:13], *(f"An{c}na" for c in NASTY),
                  *(c + "Anna" for c in NASTY), "Anna ", " Anna", "An  na", "e\u0301",
                  "a" * 32_001]
    for text in candidates:  # (a text it keeps, like an emoji joined by U+200D, may be
        # cleaned all the same: that only costs time)
        if all_tidy([text], CELL_LENGTH):
            assert safe_text(text) == text, repr(text)
    assert all_tidy(ordinary, CELL_LENGTH)
    for text in candidates:
        if safe_text(text) != text:
            assert not all_tidy([*ordinary, text, *ordinary], CELL_LENGTH), repr(text)


def test_a_hostile_name_among_many_is_cleaned_in_the_csv(tmp_path: Path) -> None:
    """One odd name in a long list of ordinary ones: the file is the same as when every
    cell is cleaned one by one."""
    names = [f"Deelnemer {n}" for n in range(1_000)]
    for number, value in enumerate(hostile_values()[:13]):
        names[37 * number + 5] = value
    rows: list[tuple[object, ...]] = [(name, n, n % 3, 0.5, "2025-01-02")
                                for n, name in enumerate(names)]
    report = SimpleNamespace(period=Period(date(2025, 1, 1), date(2025, 12, 31)),
                             sections=lambda _for_funder=False: [
                                 Section("Per deelnemer", ["Deelnemer", "a", "b", "c", "d"],
                                         rows)])
    target = tmp_path / "rapport.csv"
    write_csv(report, "Bieb", target)  # type: ignore[arg-type]
    with target.open(encoding="utf-8-sig", newline="") as handle:
        written = list(csv.reader(handle, delimiter=";"))
    expected = [[str(safe_text(cell)) for cell in row] for row in rows]
    start = written.index(["Per deelnemer"]) + 2
    assert written[start:start + len(rows)] == expected
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in written for cell in row)
