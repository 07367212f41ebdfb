"""The reports screen left open over the turn of a month offers the new month when it is
opened again: the periods come from the app's clock at the moment the screen opens."""

from __future__ import annotations

from datetime import datetime

from .people import click, click_named, sign_in_as_coordinator


def shows(qtbot, reports, label: str) -> None:
    qtbot.waitUntil(lambda: reports.period_label.text() == label, timeout=10_000)


def test_the_months_move_on_at_midnight(qtbot, start_app) -> None:
    app = start_app()
    now = [datetime(2026, 3, 31, 23, 59).astimezone()]
    app.services.clock = lambda: now[0]
    sign_in_as_coordinator(qtbot, app)
    reports = app.window.reports
    click(qtbot, app.window.today.reports_button)
    qtbot.waitUntil(lambda: reports.period_label.text() != "", timeout=10_000)
    assert reports.period_label.text() == "2026-03-01 – 2026-03-31"
    click_named(qtbot, reports, "Vorige maand")
    shows(qtbot, reports, "2026-02-01 – 2026-02-28")

    now[0] = datetime(2026, 4, 1, 0, 0).astimezone()  # a minute later
    click(qtbot, reports.back_button)
    click(qtbot, app.window.today.reports_button)
    shows(qtbot, reports, "2026-04-01 – 2026-04-30")
    click_named(qtbot, reports, "Vorige maand")
    shows(qtbot, reports, "2026-03-01 – 2026-03-31")
