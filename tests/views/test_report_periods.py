"""The reports screen's periods follow the day it is opened on, also across a month's end."""

from __future__ import annotations

from datetime import date, datetime

from oefenplek.core.reports import Period
from oefenplek.views.reports import period_choices, year_to_date


def periods(moment: datetime) -> dict[str, Period]:
    return {choice.label: choice.period for choice in period_choices(moment.date())}


def test_one_minute_before_midnight_on_the_last_day_of_a_month() -> None:
    assert periods(datetime(2026, 3, 31, 23, 59)) == {
        "Deze maand": Period(date(2026, 3, 1), date(2026, 3, 31)),
        "Vorige maand": Period(date(2026, 2, 1), date(2026, 2, 28)),
        "Dit kwartaal": Period(date(2026, 1, 1), date(2026, 3, 31)),
        "Dit jaar": Period(date(2026, 1, 1), date(2026, 12, 31)),
    }


def test_at_midnight_on_the_first_of_the_next_month() -> None:
    assert periods(datetime(2026, 4, 1, 0, 0)) == {
        "Deze maand": Period(date(2026, 4, 1), date(2026, 4, 30)),
        "Vorige maand": Period(date(2026, 3, 1), date(2026, 3, 31)),
        "Dit kwartaal": Period(date(2026, 4, 1), date(2026, 6, 30)),
        "Dit jaar": Period(date(2026, 1, 1), date(2026, 12, 31)),
    }


def test_across_the_turn_of_the_year() -> None:
    before = periods(datetime(2025, 12, 31, 23, 59))
    after = periods(datetime(2026, 1, 1, 0, 0))
    assert before["Deze maand"] == Period(date(2025, 12, 1), date(2025, 12, 31))
    assert before["Dit jaar"] == Period(date(2025, 1, 1), date(2025, 12, 31))
    assert after["Deze maand"] == Period(date(2026, 1, 1), date(2026, 1, 31))
    assert after["Vorige maand"] == Period(date(2025, 12, 1), date(2025, 12, 31))
    assert after["Dit kwartaal"] == Period(date(2026, 1, 1), date(2026, 3, 31))
    assert after["Dit jaar"] == Period(date(2026, 1, 1), date(2026, 12, 31))


def test_a_leap_february_is_last_month_in_march() -> None:
    assert periods(datetime(2028, 3, 1, 0, 0))["Vorige maand"] == Period(
        date(2028, 2, 1), date(2028, 2, 29))


def test_the_own_period_starts_on_the_first_of_january_up_to_today() -> None:
    assert year_to_date(date(2026, 4, 1)) == Period(date(2026, 1, 1), date(2026, 4, 1))
