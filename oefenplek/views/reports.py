"""The periods the reports screen offers, computed from the day it is opened on.

Computed each time the screen is shown, never once at start-up: an app left running over
the turn of a month must not offer last month as "this month".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from oefenplek.core.reports import Period
from oefenplek.i18n import _


@dataclass(frozen=True)
class PeriodChoice:
    label: str
    period: Period


def last_month(day: date) -> Period:
    return Period.month(day.replace(day=1) - timedelta(days=1))


def period_choices(day: date) -> list[PeriodChoice]:
    """The buttons above the figures: this month, last month, this quarter, this year."""
    return [PeriodChoice(_("This month"), Period.month(day)),
            PeriodChoice(_("Last month"), last_month(day)),
            PeriodChoice(_("This quarter"), Period.quarter(day)),
            PeriodChoice(_("This year"), Period.year(day))]


def year_to_date(day: date) -> Period:
    """What the From–to fields start with: the first of January up to today."""
    return Period(date(day.year, 1, 1), day)
