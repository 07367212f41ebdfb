"""The coordinator's part of the staff area: learners' data, the team, the location and
the name of this computer.

Every change goes through `services.ops`: on a full disk or a read-only database the
screen stays as it was and its status line says what happened.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices

from oefenplek.core.extra_fields import FieldProblem, check_extra
from oefenplek.core.learners import Learner, NameProblem, check_new_learner, clean_name
from oefenplek.core.staff import PinProblem, check_new_pin
from oefenplek.core.text import LOCATION_NAME_LENGTH, STAFF_NAME_LENGTH, clean_line
from oefenplek.documents.files import write_whole
from oefenplek.gui.files import documents_folder, private_names, safe_file_name
from oefenplek.gui.main_window import MainWindow
from oefenplek.gui.services import Services
from oefenplek.i18n import _
from oefenplek.storage.backups import BEFORE_ANONYMISE, BEFORE_DELETE, BEFORE_MERGE
from oefenplek.storage.computer import clean_computer_name, save_computer_name
from oefenplek.views.coordinator import learners_admin_view, team_rows, theme_choices


class CoordinatorController(QObject):
    def __init__(self, window: MainWindow, services: Services) -> None:
        super().__init__(window)
        self.window, self.services = window, services
        self.repository, self.admin, self.settings = (
            services.repository, services.admin, services.settings)
        w, home = window, services.events.staff_home.emit
        w.today.manage_learners.connect(self.show_learners)
        w.today.manage_people.connect(self.show_people)
        w.today.manage_settings.connect(self.show_settings)
        screen = w.learners_admin
        screen.back.connect(home)
        screen.rename.connect(self.rename)
        screen.add.connect(self.add_learner)
        screen.picture.connect(lambda i, a: self._learners(
            i, lambda: self.admin.set_picture(i, a), _("The picture is saved.")))
        screen.archive.connect(self.archive)
        screen.merge.connect(lambda keep, drop: self._learners(
            keep, self._backed_up(BEFORE_MERGE, lambda: self.admin.merge(keep, drop)),
            _("The two tiles are one now.")))
        screen.anonymise.connect(lambda i: self._learners(
            i, self._backed_up(BEFORE_ANONYMISE, lambda: self.admin.anonymise(i)),
            _("Name and picture are removed.")))
        screen.delete.connect(lambda i: self._learners(
            "", self._backed_up(BEFORE_DELETE, lambda: self.admin.delete(i)),
            _("The learner and all their data are deleted.")))
        screen.export.connect(self.export)
        screen.selected.connect(self.show_extra)
        screen.save_extra.connect(self.save_extra)
        w.people.back.connect(home)
        w.people.add.connect(self.add_person)
        w.people.remove.connect(self.remove_person)
        w.people.reset_pin.connect(self.reset_pin)
        w.settings.back.connect(home)
        w.settings.save.connect(self.save_settings)
        w.settings.choose_logo.connect(self.choose_logo)
        w.settings.remove_logo.connect(self.remove_logo)
        w.settings.open_log.connect(self.open_log)

    # --- learners -----------------------------------------------------------------------
    def show_learners(self, keep: str = "") -> None:
        self.window.learners_admin.show_learners(learners_admin_view(self.admin.all_learners()),
                                                 keep)
        self.window.show_screen(self.window.learners_admin)

    def _learners(self, learner_id: str, action: Callable[[], object], done: str) -> None:
        """A change to learners' data; the list shows it, or the status line says why not."""
        def shown(_result: object) -> None:
            self.show_learners(learner_id)
            self.window.learners_admin.show_status(done)

        self.services.ops.run(action, self.window.learners_admin.show_status, shown)

    def _backed_up(self, reason: str, change: Callable[[], None]) -> Callable[[], None]:
        """The change, with a backup made first in the same guarded action: when the backup
        cannot be made, the change is not made (storage.backup_routine)."""
        def guarded() -> None:
            self.services.backups.before(reason, self.services.clock())
            change()
        return guarded

    def show_extra(self, learner_id: str) -> None:
        self.window.learners_admin.show_extra(self.settings.extra_fields(),
                                              self.admin.extra_fields(learner_id))

    def save_extra(self, learner_id: str, values: dict[str, str]) -> None:
        enabled = self.settings.extra_fields()
        try:
            cleaned = {key: check_extra(key, value, self.services.today())
                       for key, value in values.items() if key in enabled}
        except FieldProblem as problem:
            self.window.learners_admin.show_status(str(problem))
            return
        self._learners(learner_id, lambda: self.admin.set_extra_fields(learner_id, cleaned),
                       _("The details are saved."))

    def add_learner(self, name: str, avatar: str) -> None:
        screen = self.window.learners_admin
        try:
            cleaned = check_new_learner(name, avatar, self.repository.learner_entries())
        except NameProblem as problem:
            screen.show_status(str(problem))
            return
        def shown(added: Learner) -> None:
            self.show_learners(added.id)
            screen.show_status(_("{name} is added.").format(name=cleaned))

        self.services.ops.run(lambda: self.repository.add_learner(cleaned, avatar),
                              screen.show_status, shown)

    def rename(self, learner_id: str, name: str) -> None:
        try:
            cleaned = clean_name(name)
        except NameProblem as problem:
            self.window.learners_admin.show_status(str(problem))
            return
        self._learners(learner_id, lambda: self.admin.rename(learner_id, cleaned),
                       _("The name is saved."))

    def archive(self, learner_id: str, archived: bool) -> None:
        self._learners(learner_id, lambda: self.admin.archive(learner_id, archived),
                       _("Archived: hidden from the learners, kept for reports.") if archived
                       else _("The learner is back on the first screen."))

    def export(self, learner_id: str, kind: str) -> None:
        data = self.admin.everything_about(learner_id)
        if not data:
            return
        name = safe_file_name(f"{_('data of')} {data['learner']['name'] or learner_id[:8]}")
        location = self.settings.location_name()
        screen = self.window.learners_admin

        def write(path: str) -> None:
            from oefenplek.documents.learner_export import render_learner_pdf

            render: Callable[[Path, object], Any] = (
                (lambda target, _progress: render_learner_pdf(data, location, target))
                if kind == "pdf" else (lambda target, _progress: target.write_text(
                    self.admin.export_json(learner_id), encoding="utf-8")))
            self.services.ops.save_file(
                Path(path), render, screen.show_status,
                lambda _r: screen.show_status(_("Saved: {path}").format(path=path)),
                private=private_names(data["learner"]["name"] or "", learner_id))

        suffix = "pdf" if kind == "pdf" else "json"
        self.window.ask_save_path(str(documents_folder() / f"{name}.{suffix}"), write, suffix)

    # --- the team -----------------------------------------------------------------------
    def show_people(self) -> None:
        member = self.services.session.member
        self.window.people.show_people(team_rows(self.services.staff.staff(),
                                                 member.id if member else ""))
        self.window.show_screen(self.window.people)

    def _team(self, action: Callable[[], object], done: str) -> None:
        def shown(_result: object) -> None:
            self.show_people()
            self.window.people.show_status(done)

        self.services.ops.run(action, self.window.people.show_status, shown)

    def add_person(self, name: str, role: str, pin: str, again: str) -> None:
        name = clean_line(name, STAFF_NAME_LENGTH)
        try:
            if not name:
                raise PinProblem(_("Type a name."))
            check_new_pin(pin, again)
        except PinProblem as problem:
            self.window.people.show_status(str(problem))
            return
        self._team(lambda: self.services.staff.add_staff(name, role, pin),
                   _("{name} is added.").format(name=name))

    def remove_person(self, staff_id: str) -> None:
        self._team(lambda: self.services.staff.remove_staff(staff_id), _("Removed."))

    def reset_pin(self, staff_id: str, pin: str, again: str) -> None:
        try:
            check_new_pin(pin, again)
        except PinProblem as problem:
            self.window.people.show_status(str(problem))
            return
        self._team(lambda: self.services.staff.reset_pin(staff_id, pin),
                   _("The new PIN is saved."))

    # --- the location -------------------------------------------------------------------
    def show_settings(self) -> None:
        themes = theme_choices(self.services.catalog.themes, self.settings.themes_offered())
        self.window.settings.show_settings(self.settings.location_name(), themes,
                                           self.settings.read_aloud_auto(),
                                           self.settings.extra_fields(),
                                           self.settings.logo_setting(),
                                           self.services.computer)
        self.window.settings.show_log(str(self.services.ops.log_file))
        self.window.show_screen(self.window.settings)

    def save_settings(self, location: str, themes: list[str], auto_read: bool,
                      extra: list[str], computer: str) -> None:
        screen = self.window.settings
        location = clean_line(location, LOCATION_NAME_LENGTH)
        computer = clean_computer_name(computer)
        if not location:
            screen.show_status(_("Type the name of the location."))
            return
        if not computer:
            screen.show_status(_("Type a name for this computer."))
            return
        if not themes:
            screen.show_status(_("Choose at least one theme."))
            return
        old = self.services.computer

        def save() -> None:
            """This computer's file first, then the location's settings; when those are
            refused, the computer's old name is put back: all is saved, or nothing."""
            if computer != old:
                save_computer_name(self.services.data_dir, computer)
            try:
                self.settings.save_location(location, themes, auto_read, extra)
            except BaseException:
                if computer != old:
                    with suppress(OSError):
                        save_computer_name(self.services.data_dir, old)
                raise

        def saved(_result: object) -> None:
            self.services.computer = computer
            screen.show_computer(computer)
            screen.show_status(_("The settings are saved."))

        self.services.ops.run(save, screen.show_status, saved)

    def choose_logo(self) -> None:
        self.window.ask_open_path(_("Choose the logo"), _("Pictures (*.png *.jpg *.jpeg *.svg)"),
                                  self.use_logo)

    def use_logo(self, path: str) -> None:
        """Keep a copy in the data folder, so the logo stays when the original moves."""
        source, screen = Path(path), self.window.settings
        if source.suffix.lower() not in (".png", ".jpg", ".jpeg", ".svg"):
            screen.show_status(_("Choose a PNG, JPG or SVG picture."))
            return
        stamp = self.services.clock().strftime("%Y%m%d%H%M%S")
        target = self.services.data_dir / f"logo-{stamp}{source.suffix.lower()}"
        old = self.settings.logo_path()

        def copy_and_remember() -> None:
            """A new file beside the old logo; the old one goes only once the new is set."""
            try:
                write_whole(target, lambda made: shutil.copyfile(source, made))
                self.settings.set_logo(str(target))
            except BaseException:
                target.unlink(missing_ok=True)
                raise
            if old is not None and old != target:
                old.unlink(missing_ok=True)

        def shown(_result: object) -> None:
            screen.show_logo(str(target))
            screen.show_status(_("The logo is saved."))

        self.services.ops.run(copy_and_remember, screen.show_status, shown)

    def open_log(self) -> None:
        """The log in the computer's own program for text; a line first, so it is there."""
        file = self.services.ops.log_file
        self.services.ops.log("The log was opened from Settings")
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(file))):
            self.window.settings.show_status(
                _("The logbook did not open. You find it here: {path}").format(path=file))

    def remove_logo(self) -> None:
        screen = self.window.settings
        self.services.ops.run(lambda: self.settings.set_logo(""), screen.show_status,
                              lambda _r: screen.show_logo(""))
