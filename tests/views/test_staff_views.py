"""What the volunteer's screens show, computed from storage's records without Qt."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from oefenplek.core.certificates import Certificate
from oefenplek.core.learners import Learner
from oefenplek.core.lessons import load_catalog
from oefenplek.core.lessons.model import Catalog
from oefenplek.core.progress import RunRecord
from oefenplek.storage.staff_repository import HereToday, StuckStep, VisitNote
from oefenplek.views.staff import (
    LessonLine,
    learner_view,
    lesson_choices,
    today_rows,
    today_view,
    visit_choices,
)

NOW = datetime(2026, 11, 22, 14, 0, tzinfo=UTC)
TODAY = datetime(2026, 11, 22, 0, 0, tzinfo=UTC)


@pytest.fixture
def catalog(fixture_lessons: Path) -> Catalog:
    return load_catalog([fixture_lessons])


def here(learner_id: str, **changes: object) -> HereToday:
    values: dict[str, object] = {
        "learner_id": learner_id, "name": learner_id.title(), "avatar": "cat",
        "arrived": NOW - timedelta(hours=1), "left": None, "lesson_id": None,
        "step_index": None, "help_since": None, "help_request_id": None,
        "finished_today": ()}
    values.update(changes)
    return HereToday(**values)  # type: ignore[arg-type]


def learner(learner_id: str, name: str) -> Learner:
    return Learner(learner_id, name, "cat", "nl", NOW - timedelta(days=30))


def run(lesson_id: str, position: int, started: datetime,
        finished: datetime | None = None) -> RunRecord:
    return RunRecord(f"run-{lesson_id}-{started.isoformat()}", "anna", lesson_id, 1, started,
                     position, finished)


def test_a_card_says_where_the_learner_is_and_how_long_they_wait(catalog: Catalog) -> None:
    rows = today_rows([
        here("fatima", lesson_id="proef-les", step_index=1,
             help_since=NOW - timedelta(minutes=5, seconds=20), help_request_id="h1"),
        here("kees", help_since=NOW - timedelta(seconds=50), help_request_id="h2"),
        here("riet", help_since=NOW + timedelta(seconds=30), help_request_id="h3"),
        here("ahmed", lesson_id="weg-les", step_index=0, left=NOW),
    ], catalog, NOW)
    assert [row.learner_id for row in rows] == ["fatima", "kees", "riet", "ahmed"]
    fatima, kees, riet, ahmed = rows
    assert fatima.where == "Proefles, stap 2"
    assert fatima.help_text == "Vraagt hulp (5 minuten)"
    assert fatima.help_request_id == "h1"
    assert kees.help_text == "Vraagt hulp (1 minuut)"
    assert kees.where == "Niet bezig met een les"
    # Another computer's clock a little ahead: never a negative wait.
    assert riet.help_text == "Vraagt hulp (0 minuten)"
    assert ahmed.where == "weg-les, stap 1"  # a lesson no longer installed: its id
    assert ahmed.help_text == "" and ahmed.help_request_id is None
    assert [row.visit_open for row in rows] == [True, True, True, False]


def test_the_minutes_follow_the_clock_that_is_passed_in(catalog: Catalog) -> None:
    waiting = [here("fatima", help_since=NOW, help_request_id="h1")]
    assert today_rows(waiting, catalog, NOW)[0].help_text == "Vraagt hulp (0 minuten)"
    later = NOW + timedelta(minutes=12)
    assert today_rows(waiting, catalog, later)[0].help_text == "Vraagt hulp (12 minuten)"


def test_a_card_says_at_which_computer_the_learner_asks_and_sits(catalog: Catalog) -> None:
    rows = today_rows([
        here("fatima", help_since=NOW - timedelta(minutes=3), help_request_id="h1",
             computer="Balie-2", help_computer="Balie-2"),
        here("kees", help_since=NOW - timedelta(minutes=1), help_request_id="h2",
             computer="Leeszaal", help_computer="Balie-1"),  # asked there, sits here now
        here("riet", help_since=NOW, help_request_id="h3", help_computer="Balie-3",
             left=NOW),  # went home: the request still says where it was asked
        here("ahmed", lesson_id="proef-les", step_index=2, computer="Balie-1"),
        here("dewi", computer="Balie-4", left=NOW),  # gone: not at a computer any more
        here("bram"),  # a visit without the computer
    ], catalog, NOW)
    fatima, kees, riet, ahmed, dewi, bram = rows
    assert fatima.help_text == "Vraagt hulp (3 minuten) – bij computer Balie-2"
    assert fatima.seat == ""  # said once, in the help line
    assert kees.help_text == "Vraagt hulp (1 minuut) – bij computer Balie-1"
    assert kees.seat == "Bij computer Leeszaal"
    assert riet.help_text == "Vraagt hulp (0 minuten) – bij computer Balie-3"
    assert riet.seat == ""
    assert (ahmed.help_text, ahmed.seat, ahmed.where) == (
        "", "Bij computer Balie-1", "Proefles, stap 3")
    assert dewi.seat == bram.seat == ""


def test_a_help_request_from_before_computer_names_reads_as_before(catalog: Catalog) -> None:
    [row] = today_rows([here("anna", help_since=NOW - timedelta(minutes=2),
                             help_request_id="h1", computer="Balie-1")], catalog, NOW)
    assert row.help_text == "Vraagt hulp (2 minuten)"
    assert row.seat == "Bij computer Balie-1"


def test_lessons_finished_today_are_named_once_each(catalog: Catalog) -> None:
    [row] = today_rows([here("anna", finished_today=("proef-les", "tweede-les", "proef-les"))],
                       catalog, NOW)
    assert row.done_text == "Vandaag klaar: Proefles, Tweede les"
    [none] = today_rows([here("bram")], catalog, NOW)
    assert none.done_text == ""


def test_a_visit_without_the_computer_is_offered_for_whoever_is_not_in(
        catalog: Catalog) -> None:
    people = [learner("anna", "Anna"), learner("bram", "Bram"), learner("cor", "Cor")]
    inside = [here("anna"), here("cor", left=NOW - timedelta(minutes=5))]
    assert visit_choices(people, inside) == [("bram", "Bram"), ("cor", "Cor")]
    view = today_view(inside, people, catalog, NOW)
    assert view.learners == [("bram", "Bram"), ("cor", "Cor")]
    assert [row.learner_id for row in view.rows] == ["anna", "cor"]


def test_the_learners_page_lists_lessons_with_their_state(catalog: Catalog) -> None:
    start = NOW - timedelta(days=3)
    runs = [
        run("tweede-les", 1, start, start + timedelta(minutes=9)),
        run("proef-les", 2, start + timedelta(hours=1), start + timedelta(hours=2)),
        run("weg-les", 0, start + timedelta(hours=2)),
        run("proef-les", 5, start + timedelta(days=1)),  # again, now on the practise step
    ]
    view = learner_view(learner("anna", "Anna"), runs, [], [], [], catalog, TODAY)
    assert view.lessons == [
        LessonLine("tweede-les", "Tweede les — klaar", True, False),
        LessonLine("proef-les", "Proefles — bezig, stap 6 van 6", True, True),
    ]
    busy = learner_view(learner("anna", "Anna"), [run("proef-les", 2, start)], [], [], [],
                        catalog, TODAY)
    assert busy.lessons == [LessonLine("proef-les", "Proefles — bezig, stap 3 van 6", False,
                                       False)]


def test_the_learners_page_says_where_it_was_hard(catalog: Catalog) -> None:
    stuck = [StuckStep("proef-les", 1, 2, 1, NOW), StuckStep("tweede-les", 1, 0, 1, NOW),
             StuckStep("weg-les", 2, 1, 0, NOW)]
    view = learner_view(learner("anna", "Anna"), [], stuck, [], [], catalog, TODAY)
    assert view.stuck == ["Proefles, stap 2 (Tik op Instellingen.): 2 keer fout, 1 keer hulp",
                          "Tweede les, stap 2 (Tik op de camera.): 1 keer hulp",
                          "weg-les, stap 3: 1 keer fout"]
    assert view.lessons == []


def test_notes_and_the_note_of_today(catalog: Catalog) -> None:
    visits = [VisitNote("v3", TODAY + timedelta(hours=11), "wil WhatsApp oefenen"),
              VisitNote("v2", TODAY - timedelta(days=7, hours=-12), ""),
              VisitNote("v1", datetime(2026, 11, 12, 12, tzinfo=UTC), "eerste keer")]
    view = learner_view(learner("anna", "Anna"), [], [], visits, [], catalog, TODAY)
    assert view.notes == ["22 november 2026: wil WhatsApp oefenen",
                          "12 november 2026: eerste keer"]
    assert view.note_today == "wil WhatsApp oefenen"
    tomorrow = learner_view(learner("anna", "Anna"), [], [], visits, [], catalog,
                            TODAY + timedelta(days=1))
    assert tomorrow.note_today == ""
    assert (view.learner_id, view.name) == ("anna", "Anna")


def test_certificates_handed_out_can_be_printed_again(catalog: Catalog) -> None:
    certificate = Certificate("Anna", "lesson", "proef-les", "Proefles", ("Ik kan tikken.",),
                              date(2026, 11, 20), "Bieb", "tablet", "Joke", "anna", "c1")
    view = learner_view(learner("anna", "Anna"), [], [], [], [certificate], catalog, TODAY)
    assert view.issued == [("c1", "Proefles — 20 november 2026")]


def test_lessons_for_group_certificates_come_theme_by_theme(catalog: Catalog) -> None:
    assert lesson_choices(catalog) == [("proef-les", "Proefles"), ("tweede-les", "Tweede les")]


def test_the_learner_page_says_how_a_lesson_went_with_help_and_alone() -> None:
    from oefenplek.core.progress import Success
    from oefenplek.views.staff import success_text

    assert success_text(Success(9, 10, 3, 4)) == (
        "Met uitleg: 9 van 10 stappen meteen goed. Zelf: 3 van 4 stappen meteen goed.")
    assert success_text(Success(1, 1, 0, 0)) == (
        "Met uitleg: 1 van 1 stap meteen goed. Zelf: nog niet geprobeerd.")
    assert success_text(Success()) == "" and success_text(None) == ""
