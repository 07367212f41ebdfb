"""The coordinator's screens: the learners list and what may be done to the chosen learner,
the team, and the themes on the settings screen.

An anonymised learner is gone for good as a person: only exporting what is left and
deleting it stay possible, so no button can give a nameless tile a name or a place on the
first screen again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from oefenplek.core.lessons.model import Theme
from oefenplek.core.staff import StaffMember
from oefenplek.i18n import _


# --- learners ---------------------------------------------------------------------------
@dataclass(frozen=True)
class AdminRow:
    learner_id: str
    label: str  # as the list shows it: "Anna", "Anna (gearchiveerd)", "(geanonimiseerd) …"
    name: str
    avatar: str
    archived: bool

    @property
    def anonymised(self) -> bool:
        return not self.name


@dataclass(frozen=True)
class Chosen:
    """The panel for the chosen learner: its fields and which actions are on."""

    learner_id: str = ""
    name: str = ""
    avatar: str = ""
    archived: bool = False
    archive_text: str = ""  # "Archive" or "Bring back"
    merge_with: tuple[tuple[str, str], ...] = ()  # (id, name) of the other tiles
    rename: bool = False
    picture: bool = False
    merge: bool = False
    archive: bool = False
    export: bool = False
    anonymise: bool = False
    delete: bool = False
    details: bool = False  # the optional questions for the funder


NOBODY = Chosen()


@dataclass(frozen=True)
class LearnersAdminView:
    rows: list[AdminRow] = field(default_factory=list)

    def choose(self, learner_id: str) -> Chosen:
        """What the panel shows when this learner is chosen; NOBODY for an unknown id."""
        row = next((r for r in self.rows if r.learner_id == learner_id), None)
        if row is None:
            return NOBODY
        others = tuple((r.learner_id, r.name) for r in self.rows
                       if r.learner_id != learner_id and not r.anonymised)
        person = not row.anonymised
        return Chosen(row.learner_id, row.name, row.avatar, row.archived,
                      _("Bring back") if row.archived else _("Archive"), others,
                      rename=person, picture=person, merge=person and bool(others),
                      archive=person, export=True, anonymise=person, delete=True,
                      details=person)

    def first(self, keep: str = "") -> str:
        """The learner to choose after showing the list: `keep` if still there, else the
        first one, else nobody."""
        ids = [row.learner_id for row in self.rows]
        return keep if keep in ids else (ids[0] if ids else "")


def admin_label(name: str, archived: bool) -> str:
    shown = name or _("(anonymised)")
    return _("{name} (archived)").format(name=shown) if archived else shown


def learners_admin_view(learners: Sequence[tuple[str, str, str, bool]]) -> LearnersAdminView:
    """From storage's (id, name, avatar, archived) of every learner, archived ones too:
    by name, the nameless (anonymised) ones at the end."""
    rows = [AdminRow(learner_id, admin_label(name, archived), name, avatar, archived)
            for learner_id, name, avatar, archived in learners]
    return LearnersAdminView(sorted(rows, key=lambda row: (row.anonymised, row.name.casefold())))


# --- the team ---------------------------------------------------------------------------
@dataclass(frozen=True)
class TeamRow:
    staff_id: str
    name: str
    text: str  # "Anja — Vrijwilliger"
    removable: bool  # nobody removes themselves: the area would have no one to open it


def team_rows(staff: Sequence[StaffMember], me: str) -> list[TeamRow]:
    return [TeamRow(member.id, member.name,
                    f"{member.name} — "
                    f"{_('Coordinator') if member.is_coordinator else _('Volunteer')}",
                    member.id != me)
            for member in staff]


# --- the location's settings ------------------------------------------------------------
class ThemeChoice(NamedTuple):
    theme_id: str
    title: str
    offered: bool


def theme_choices(themes: Sequence[Theme], offered: set[str] | None) -> list[ThemeChoice]:
    """Every theme with a tick where learners see it; None offered means all of them."""
    return [ThemeChoice(theme.id, theme.title, offered is None or theme.id in offered)
            for theme in themes]
