"""The staff screens draw what the views decided: periods of the day they are opened on,
buttons a learner allows, and a status line only when there is something to say."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from oefenplek.core.reports import Period
from oefenplek.gui.staff.learners_admin import LearnersAdminScreen
from oefenplek.gui.staff.people import PeopleScreen
from oefenplek.gui.staff.reports import ReportsScreen
from oefenplek.views.coordinator import learners_admin_view, team_rows


def test_the_period_buttons_follow_the_day_the_screen_is_opened_on(qtbot) -> None:
    screen = ReportsScreen()
    qtbot.addWidget(screen)
    assert screen.period_buttons == []  # nothing is computed when the app starts
    chosen: list[Period] = []
    screen.period_chosen.connect(chosen.append)
    for day in (date(2026, 3, 31), date(2026, 4, 1)):  # left running past midnight
        screen.set_today(day)
        this_month = next(b for b in screen.period_buttons if b.text() == "Deze maand")
        qtbot.mouseClick(this_month, Qt.MouseButton.LeftButton)
    assert chosen == [Period(date(2026, 3, 1), date(2026, 3, 31)),
                      Period(date(2026, 4, 1), date(2026, 4, 30))]
    assert len(screen.period_buttons) == 4
    assert screen.start.date().toString("yyyy-MM-dd") == "2026-01-01"
    assert screen.end.date().toString("yyyy-MM-dd") == "2026-04-01"


def test_an_anonymised_learner_offers_only_export_and_delete(qtbot) -> None:
    screen = LearnersAdminScreen()
    qtbot.addWidget(screen)
    screen.show()
    screen.show_learners(learners_admin_view([("a", "Anna", "cat", False),
                                              ("z", "", "", True)]), keep="z")
    assert screen.current == "z"
    enabled = {button.text() for button in (
        screen.save_name, screen.save_picture, screen.merge_button, screen.archive_button,
        screen.export_pdf, screen.export_json, screen.anonymise_button, screen.delete_button,
        screen.add_button) if button.isEnabled()}
    assert enabled == {"Exporteren (PDF)", "Exporteren (JSON)", "Alles verwijderen",
                       "Toevoegen als nieuwe deelnemer"}
    screen.list.setCurrentRow(0)
    assert screen.current == "a" and screen.anonymise_button.isEnabled()
    assert screen.merge_with.count() == 0 and not screen.merge_button.isEnabled()


def test_with_no_learners_only_adding_one_is_possible(qtbot) -> None:
    screen = LearnersAdminScreen()
    qtbot.addWidget(screen)
    added: list[tuple[str, str]] = []
    screen.add.connect(lambda name, avatar: added.append((name, avatar)))
    screen.show_learners(learners_admin_view([]))
    assert not screen.delete_button.isEnabled() and not screen.save_name.isEnabled()
    qtbot.keyClicks(screen.name, "Riet")
    qtbot.mouseClick(screen.add_button, Qt.MouseButton.LeftButton)
    assert added == [("Riet", "cat")]


def test_the_status_line_takes_room_only_when_it_says_something(qtbot) -> None:
    screen = PeopleScreen()
    qtbot.addWidget(screen)
    screen.show()
    screen.show_people(team_rows([], ""))
    assert not screen.status.isVisible()
    screen.show_status("De nieuwe pincode is bewaard.")
    assert screen.status.isVisible() and screen.status.text() == "De nieuwe pincode is bewaard."
    screen.status.clear()
    assert not screen.status.isVisible()
