"""The recovery screen, as plain sentences: one for the learner, and for the coordinator what
is wrong with the data, where the damaged file is kept, the newest good backup and what it
holds ("Back-up van gisteren 17:02: 48 deelnemers"), and the questions asked before acting.

Times are shown in local time; `today` comes in as an argument (no clock read here).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from oefenplek.i18n import _, ngettext
from oefenplek.storage.backups import Backup, Contents
from oefenplek.storage.health import (
    DAMAGED,
    EMPTY,
    FOREIGN,
    NEWER,
    NOT_A_DATABASE,
    Health,
    newer_sentence,
)
from oefenplek.views.backups import when_text


@dataclass(frozen=True)
class RecoveryView:
    learner: str  #: the one sentence for the learner, read aloud by Luister
    problem: str  #: what is wrong, for the coordinator
    kept: str  #: where the damaged file is kept ("" when nothing was moved)
    backup: str  #: the newest good backup and what it holds; "" when there is none
    advice: str  #: what the coordinator can do
    needs_pin: bool  #: the coordinator's part opens with a PIN (checked in the backup)
    can_restore: bool
    can_start_empty: bool
    restore_question: str = ""
    empty_question: str = ""


def learner_sentence() -> str:
    return _("Something is wrong with the data. Ask the volunteer.")


def backup_text(backup: Backup, found: Contents, today: date) -> str:
    """"Back-up van gisteren 17:02: 48 deelnemers"."""
    return ngettext("Backup of {when}: {n} learner", "Backup of {when}: {n} learners",
                    found.learners).format(when=when_text(backup.made_at, today),
                                           n=found.learners)


def _problem(kind: str) -> str:
    return {
        EMPTY: _("The data file on this computer is empty: the learners and their progress "
                 "are not in it any more."),
        NOT_A_DATABASE: _("The data file on this computer is no longer a database: "
                          "something else was written over it."),
        FOREIGN: _("The data file on this computer holds other data, not oefenplek's."),
        DAMAGED: _("The data file on this computer is damaged: part of it cannot be read."),
        NEWER: newer_sentence(),
    }.get(kind, _("The data file on this computer is damaged: part of it cannot be read."))


def recovery_view(found: Health, newest: tuple[Backup, Contents] | None, today: date,
                  database: Path) -> RecoveryView:
    """What the screen says about `found` (the file at `database`), with the newest sound
    backup when there is one. A file is named with its folder apart, so that a long path
    can wrap between the two."""
    if found.kind == NEWER:  # nothing to put right here: the file is fine, the app is old
        return RecoveryView(learner_sentence(), _problem(NEWER), "", "", _(
            "The data file has been left where it was: {name} in the folder {folder}"
        ).format(name=database.name, folder=database.parent),
            needs_pin=False, can_restore=False, can_start_empty=False)
    kept = (_("The damaged file is kept, unchanged: {name} in the folder {folder}").format(
        name=found.kept.name, folder=found.kept.parent) if found.kept else _(
        "The damaged file could not be moved aside; it is still there, unchanged: {name} "
        "in the folder {folder}").format(name=database.name, folder=database.parent))
    empty_question = _("Start with an empty database? The learners and their progress are "
                       "then no longer in oefenplek. The damaged file stays kept.")
    if newest is None:
        return RecoveryView(
            learner_sentence(), _problem(found.kind), kept, "",
            _("There is no backup to put back, so no PIN can be checked either. You can "
              "start with an empty database; the damaged file stays kept, so that an expert "
              "may still rescue something from it."),
            needs_pin=False, can_restore=False, can_start_empty=True,
            empty_question=empty_question)
    backup, contents = newest
    when = when_text(backup.made_at, today)
    last = (_("Last activity in this backup: {when}.").format(
        when=when_text(contents.last_activity, today)) if contents.last_activity else "")
    return RecoveryView(
        learner_sentence(), _problem(found.kind), kept, backup_text(backup, contents, today),
        last,
        needs_pin=True, can_restore=True, can_start_empty=True,
        restore_question=_("Put back the backup of {when}? What was done after that is not "
                           "in it. The damaged file stays kept.").format(when=when),
        empty_question=empty_question)
