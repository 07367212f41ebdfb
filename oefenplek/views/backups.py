"""The coordinator's backups screen, as plain sentences: when each backup was made (local
time), why, how many learners it holds and when they were last active; where the backups
are, the second folder, and what a restore kept aside."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from oefenplek.i18n import N_, _, current_language, format_date, ngettext
from oefenplek.storage.backups import (
    BEFORE_ANONYMISE,
    BEFORE_DELETE,
    BEFORE_IMPORT,
    BEFORE_MERGE,
    BEFORE_RESTORE,
    BY_HAND,
    NIGHT,
    START,
    Backup,
    Contents,
)

REASONS = {
    START: N_("made at start"),
    NIGHT: N_("made in the evening"),
    BEFORE_DELETE: N_("made before a learner was deleted"),
    BEFORE_MERGE: N_("made before two tiles were merged"),
    BEFORE_ANONYMISE: N_("made before a learner was anonymised"),
    BEFORE_IMPORT: N_("made before an import"),
    BY_HAND: N_("made by hand"),
    BEFORE_RESTORE: N_("made before a backup was put back"),
}


@dataclass(frozen=True)
class BackupRow:
    """One backup in the list; `key` is its file name."""

    key: str
    file: Path
    when: str  #: "yesterday 17:02" or "2 March 2026 17:02", local time
    reason: str
    learners: str  #: "48 learners", or that the backup is damaged
    last_activity: str
    sound: bool

    @property
    def text(self) -> str:
        parts = [self.when, self.reason, self.learners]
        return " · ".join([*parts, self.last_activity] if self.last_activity else parts)


@dataclass(frozen=True)
class BackupsState:
    """What the screen shows besides the list."""

    on_server: str = ""  #: on a location database: why there is no list; else ""
    where: str = ""  #: where the backups are
    second: str = ""  #: the second folder, or that there is none
    has_second: bool = False
    kept: str = ""  #: after a restore: where the data of before is kept, else ""
    rows: list[BackupRow] = field(default_factory=list)


def _time(moment: datetime) -> str:
    from babel.dates import format_time

    return format_time(moment.replace(tzinfo=None), "HH:mm", locale=current_language())


def when_text(moment: datetime, today: date) -> str:
    """A moment in local time as a coordinator says it: today, yesterday, or the date."""
    local = moment.astimezone()
    day = local.date()
    if day == today:
        said = _("today")
    elif (today - day).days == 1:
        said = _("yesterday")
    else:
        said = format_date(day, "long")
    return f"{said} {_time(local)}"


def backup_row(backup: Backup, found: Contents, today: date) -> BackupRow:
    if not found.sound:
        return BackupRow(backup.file.name, backup.file, when_text(backup.made_at, today),
                         _(REASONS.get(backup.reason, backup.reason)),
                         _("damaged: cannot be put back"), "", False)
    learners = ngettext("{n} learner", "{n} learners", found.learners).format(n=found.learners)
    last = (_("last activity {when}").format(when=when_text(found.last_activity, today))
            if found.last_activity else _("no visits yet"))
    return BackupRow(backup.file.name, backup.file, when_text(backup.made_at, today),
                     _(REASONS.get(backup.reason, backup.reason)), learners, last, True)


def backups_state(rows: Sequence[tuple[Backup, Contents]], folder: Path,
                  second: Path | None, today: date, kept: Path | None = None
                  ) -> BackupsState:
    return BackupsState(
        where=_("Backups are made at every start, every evening and before a learner is "
                "deleted, merged or anonymised. They are in {folder}.").format(folder=folder),
        second=(_("Second folder: {folder}").format(folder=second) if second
                else _("No second folder chosen.")),
        has_second=second is not None,
        kept=(_("The data from before the restore is kept in {file}.").format(file=kept)
              if kept else ""),
        rows=[backup_row(backup, found, today) for backup, found in rows])


def made_text(backup: Backup, found: Contents, today: date) -> str:
    """After "Make a backup now": what was made."""
    return _("A backup is made ({when}): {learners}.").format(
        when=when_text(backup.made_at, today),
        learners=ngettext("{n} learner", "{n} learners", found.learners).format(
            n=found.learners))


def restore_question(row: BackupRow) -> str:
    return _("The data of now is first kept aside, so this can be undone. Put back the backup "
             "of {when} ({learners})?").format(when=row.when, learners=row.learners)
