"""What the whole app shares, made once by `app.build` and handed to every controller.

Controllers get their repository, lessons, voice, settings, clock and the one guarded way
to write from here, never from each other, so each can be read (and tested) on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from oefenplek.core.lessons.model import Catalog
from oefenplek.core.staff import StaffMember
from oefenplek.gui.events import Events
from oefenplek.gui.operations import Operations
from oefenplek.gui.speech import Speaker
from oefenplek.storage.backup_routine import BackupRoutine
from oefenplek.storage.db import Database
from oefenplek.storage.learner_admin import LearnerAdmin
from oefenplek.storage.repository import Repository
from oefenplek.storage.settings import Settings
from oefenplek.storage.staff_repository import StaffRepository
from oefenplek.storage.waiting import LessonWrites


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class StaffSession:
    """Who opened the staff area with their PIN; None when it is closed."""

    member: StaffMember | None = None

    @property
    def signer(self) -> str:
        return self.member.name if self.member else ""


@dataclass
class Services:
    database: Database
    repository: Repository
    staff: StaffRepository
    admin: LearnerAdmin
    settings: Settings
    catalog: Catalog
    speaker: Speaker
    ops: Operations
    events: Events
    data_dir: Path
    #: This computer's name (storage.computer): on its visits and help requests, so the
    #: volunteer on another computer of the location knows where to walk.
    computer: str
    #: A learner's answers and moves: kept on this computer while the location database
    #: is away, handed over when it is back (storage.waiting).
    writes: LessonWrites
    #: Backups of the embedded database (does nothing on a location database).
    backups: BackupRoutine
    clock: Callable[[], datetime] = utc_now
    session: StaffSession = field(default_factory=StaffSession)

    def today(self) -> date:
        """The local calendar day, from the services' clock (tests set the clock)."""
        return self.clock().astimezone().date()

    def start_of_today(self) -> datetime:
        """Local midnight of today, in UTC, as the database keeps times."""
        local = self.clock().astimezone()
        return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)
