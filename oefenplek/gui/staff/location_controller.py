"""The location database, for the coordinator: test it and save it, copy this computer's
data into it, or go back to this computer's own database.

Testing a connection can take seconds and copying minutes, so both run off the GUI thread
(through `services.ops`, which says failures in plain words and logs them). The running app
keeps its database; what is saved is used once oefenplek is started again. No password ever
goes to the screen or the log: those get `safe_text()` / `safe_url()`.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

from PySide6.QtCore import QObject

from oefenplek.gui.main_window import MainWindow
from oefenplek.gui.operations import Report
from oefenplek.gui.services import Services
from oefenplek.gui.staff.location_db import LocationDatabaseScreen, LocationState
from oefenplek.i18n import _, ngettext
from oefenplek.storage.errors import StorageError
from oefenplek.storage.location import (
    DEFAULT_PORT,
    EMBEDDED_FILE,
    ENVIRONMENT,
    LocationDatabase,
    check_connection,
    load_location_database,
    safe_url,
    save_location_database,
)

T = TypeVar("T")


def restart_sentence() -> str:
    return _("Then start oefenplek again on all computers of this location.")


class FormProblem(ValueError):
    """What is missing or wrong in the form, in one plain sentence."""


def location_from_form(host: str, port: str, name: str, user: str, password: str,
                       tls: bool, saved: LocationDatabase | None) -> LocationDatabase:
    """The location database the form describes; an empty password keeps the saved one.
    `tls`: the connection must be protected (libpq's sslmode=require)."""
    host, name, user = host.strip(), name.strip(), user.strip()
    if not host or any(c.isspace() for c in host):
        raise FormProblem(_("Type the name or address of the computer with the database."))
    try:
        number = int(port.strip() or DEFAULT_PORT)
    except ValueError:
        number = 0
    if not 0 < number < 65536:
        raise FormProblem(_("The port is a number, most often 5432."))
    if not name:
        raise FormProblem(_("Type the name of the database."))
    if not user:
        raise FormProblem(_("Type the user name."))
    # Ticked: TLS is required; not ticked: libpq's own default (TLS when the server offers it).
    sslmode = "require" if tls else ""
    if saved is None:
        return LocationDatabase(host, number, name, user, password, sslmode)
    if tls and saved.sslmode in ("verify-ca", "verify-full"):
        sslmode = saved.sslmode  # stricter than the box can say: kept
    return replace(saved, host=host, port=number, name=name, user=user,
                   password=password or saved.password, sslmode=sslmode)


def requires_tls(where: LocationDatabase) -> bool:
    """libpq refuses a connection without TLS in these modes (the others only prefer it)."""
    return where.sslmode in ("require", "verify-ca", "verify-full")


def in_use_text(url: str, alone: bool = False) -> str:
    if alone:
        return _("In use now: this computer's copy of the location database. The location "
                 "database did not answer at start; what learners do is handed over to it "
                 "when it is back.")
    if url.startswith("sqlite"):
        return _("In use now: this computer's own database.")
    return _("In use now: the location database {where}.").format(where=safe_url(url))


def location_state(in_use: str, saved: LocationDatabase | None, environment: str,
                   own_data: bool, readable: bool = True, alone: bool = False
                   ) -> LocationState:
    """What the screen shows: the database in use, what a restart would change, the form
    filled from what is saved (or from IT's setting, which locks it)."""
    if environment:
        try:
            fixed: LocationDatabase | None = LocationDatabase.from_url(environment)
        except ValueError:
            fixed = None
        return LocationState(
            in_use_text(in_use, alone),
            locked=_("The IT administrator has set the database of this computer "
                     "({setting}). Ask them to change it.").format(setting=ENVIRONMENT),
            host=fixed.host if fixed else "", port=str(fixed.port) if fixed else "",
            name=fixed.name if fixed else "", user=fixed.user if fixed else "",
            tls=bool(fixed and requires_tls(fixed)))
    after = ""
    if saved is not None and safe_url(saved.url()) != safe_url(in_use):
        after = _("Saved: {where}. It is used once oefenplek is started again.").format(
            where=saved.safe_text())
    elif saved is None and readable and not in_use.startswith("sqlite"):
        after = _("Saved: this computer's own database. It is used once oefenplek is "
                  "started again.")
    if saved is None:
        return LocationState(in_use_text(in_use, alone), after, port=str(DEFAULT_PORT),
                             name="oefenplek", can_go_back=not readable)
    return LocationState(in_use_text(in_use, alone), after, host=saved.host,
                         port=str(saved.port), name=saved.name, user=saved.user,
                         password_saved=bool(saved.password), tls=requires_tls(saved),
                         can_copy=own_data, can_go_back=True)


def _without(text: str, secret: str) -> str:
    """`text` with the password (as typed and as written in a URL) blotted out."""
    for form in {secret, quote(secret, safe="")} - {""}:
        text = text.replace(form, "***")
    return text


def _guarded(work: Callable[[], T], message: str, secret: str) -> T:
    """Run `work` on the worker thread; a fault of ours becomes `message` (the log gets
    the details, without the password)."""
    try:
        return work()
    except (StorageError, OSError):
        raise
    except Exception as error:
        detail = _without("".join(traceback.format_exception(error)), secret)
        raise StorageError(message, detail) from error


class LocationController(QObject):
    def __init__(self, window: MainWindow, services: Services) -> None:
        super().__init__(window)
        self.window, self.services = window, services
        self.screen = LocationDatabaseScreen()
        window.stack.addWidget(self.screen)
        window.settings.location_database.connect(self.show)
        self.screen.back.connect(lambda: window.show_screen(window.settings))
        self.screen.test_and_save.connect(self.test_and_save)
        self.screen.copy_data.connect(self.copy)
        self.screen.use_own.connect(self.use_own)

    @property
    def data_dir(self) -> Path:
        return self.services.data_dir

    @property
    def own_file(self) -> Path:
        return self.data_dir / EMBEDDED_FILE

    def show(self) -> None:
        self.screen.show_status("")
        self.refresh()
        self.window.show_screen(self.screen)

    def refresh(self) -> None:
        found: list[LocationDatabase | None] = []
        readable = self.services.ops.run(lambda: load_location_database(self.data_dir),
                                         self.screen.show_status, found.append)
        self.screen.show_state(location_state(
            self.services.database.url, found[0] if found else None,
            os.environ.get(ENVIRONMENT, ""), self.own_file.is_file(), readable,
            self.services.writes.alone))

    def _saved_location(self) -> LocationDatabase | None:
        """What is saved now; an unreadable file counts as nothing saved (`refresh` says
        so on the screen)."""
        found: list[LocationDatabase | None] = []
        self.services.ops.run(lambda: load_location_database(self.data_dir),
                              lambda _message: None, found.append)
        return found[0] if found else None

    def _failed(self, message: str) -> None:
        self.screen.show_busy(False)
        self.screen.show_status(message)

    # --- test, then save -----------------------------------------------------------------
    def test_and_save(self, host: str, port: str, name: str, user: str, password: str,
                      tls: bool) -> None:
        if os.environ.get(ENVIRONMENT):
            return
        try:
            where = location_from_form(host, port, name, user, password, tls,
                                       self._saved_location())
        except FormProblem as problem:
            self.screen.show_status(str(problem))
            return
        self.screen.show_busy(True, _("Trying to reach the database on {host}…").format(
            host=where.host))
        self.services.ops.background(
            lambda _report: _guarded(lambda: check_connection(where.url()), _(
                "Testing the connection did not work. Nothing has been saved."), where.password),
            self._failed, lambda problem: self._checked(where, problem))

    def _checked(self, where: LocationDatabase, problem: str | None) -> None:
        if problem:
            self.services.ops.log(f"Location database {where.safe_text()} not saved: {problem}")
            self._failed(problem)
            return
        self.services.ops.run(lambda: save_location_database(self.data_dir, where),
                              self._failed, lambda _done: self._saved(where))

    def _saved(self, where: LocationDatabase) -> None:
        self.services.ops.log(f"Location database saved: {where.safe_text()}")
        self.screen.show_busy(False)
        self.refresh()
        if self.screen.state.can_copy:
            self.screen.point_to_copy()
        self.screen.show_status(" ".join((_(
            "The location database answers and is saved. If this computer has learners, "
            "copy its data to the location database now."), restart_sentence())))

    # --- copy ----------------------------------------------------------------------------
    def copy(self) -> None:
        target = self._saved_location()
        if os.environ.get(ENVIRONMENT) or target is None:
            self.screen.show_status(_("Test and save the location database first."))
            return
        source = self.own_file
        if not source.is_file():
            self.screen.show_status(_("This computer has no data of its own to copy."))
            return
        source_url = f"sqlite:///{source}"
        self.screen.show_busy(True, _("Copying… Do not close oefenplek."))
        self.services.ops.background(
            lambda report: _guarded(lambda: _copy_all(source_url, target.url(), report), _(
                "Copying did not work. Ask for help."), target.password),
            self._failed, lambda counts: self._copied(source_url, target, counts),
            progress=self.screen.show_progress)

    def _copied(self, source_url: str, target: LocationDatabase,
                counts: dict[str, int]) -> None:
        rows = sum(counts.values())
        self.services.ops.log(f"Copied {rows} records from {safe_url(source_url)} to "
                              f"{target.safe_text()}")
        self.screen.show_busy(False)
        self.screen.show_status(" ".join((ngettext(
            "{n} record is copied to the location database; both hold the same.",
            "{n} records are copied to the location database; both hold the same.",
            rows).format(n=rows), restart_sentence())))

    # --- back to this computer's own database ------------------------------------------
    def use_own(self) -> None:
        if os.environ.get(ENVIRONMENT):
            return
        self.services.ops.run(lambda: save_location_database(self.data_dir, None),
                              self._failed, lambda _done: self._own())

    def _own(self) -> None:
        self.services.ops.log("Location database setting removed: this computer's own "
                              "database is used after a restart")
        self.refresh()
        if self.services.database.url.startswith("sqlite"):
            self.screen.show_status(_("The location database is no longer set. This "
                                      "computer keeps using its own database."))
        else:
            self.screen.show_status(_("This computer uses its own database again once "
                                      "oefenplek is started again."))


def _copy_all(source_url: str, target_url: str, report: Report) -> dict[str, int]:
    """Copy, reporting (rows copied, rows in all) as the tables fill."""
    from oefenplek.storage.copy import copy_database, table_counts

    total = sum(table_counts(source_url).values())
    copied: dict[str, int] = {}

    def progress(table: str, rows: int) -> None:
        copied[table] = rows
        report(sum(copied.values()), total)

    return copy_database(source_url, target_url, progress)
