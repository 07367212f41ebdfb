"""Optional facts about a learner that a location may collect for its funder.

Each is off until the coordinator switches it on, and each says plainly why it is asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from oefenplek.core.text import clean_line
from oefenplek.i18n import N_, _


@dataclass(frozen=True)
class ExtraField:
    key: str
    label: str  # msgid
    why: str  # msgid


EXTRA_FIELDS = (
    ExtraField("birth_year", N_("Birth year"),
               N_("Only the year, to count age groups for the funder.")),
    ExtraField("postcode", N_("Postcode (4 digits)"),
               N_("Only the 4 digits, to count neighbourhoods, never an address.")),
    ExtraField("first_language", N_("First language"),
               N_("The language someone spoke first, to count language groups.")),
    ExtraField("gender", N_("Gender"),
               N_("Only if the learner wants to say it; leave it empty otherwise.")),
)


class FieldProblem(ValueError):
    pass


def check_extra(key: str, value: str, today: date) -> str:
    """The cleaned value (core.text), or FieldProblem in plain words."""
    value = clean_line(value, 200)
    if not value:
        return ""
    if key == "birth_year" and not (
            value.isdigit() and today.year - 110 <= int(value) <= today.year - 10):
        raise FieldProblem(_("Type a birth year of 4 digits, such as 1961."))
    if key == "postcode" and not (len(value) == 4 and value.isdigit() and value[0] != "0"):
        raise FieldProblem(_("Type only the 4 digits of the postcode, such as 1234."))
    if len(value) > 40:
        raise FieldProblem(_("This is too long."))
    return value
