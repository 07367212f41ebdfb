"""The coordinator's part of the staff area: learners' data, the team, the location."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from oefenplek.core.learners import NameProblem, clean_name
from oefenplek.core.staff import PinProblem, check_new_pin
from oefenplek.documents.learner_export import render_learner_pdf
from oefenplek.gui.background import run_in_background
from oefenplek.gui.certificate_controller import documents_folder, safe_file_name
from oefenplek.i18n import _
from oefenplek.storage.db import StorageError
from oefenplek.storage.learner_admin import LearnerAdmin

if TYPE_CHECKING:
    from oefenplek.gui.staff.controller import StaffController

THEMES_OFFERED = "themes_offered"  # setting: comma-separated theme ids; empty means all
AUTO_READ = "read_aloud_auto"  # setting: "1" when new learners hear steps by themselves


class CoordinatorController(QObject):
    def __init__(self, staff: StaffController) -> None:
        super().__init__(staff)
        self.staff = staff
        self.window = staff.window
        self.repository = staff.learners.repository
        self.admin = LearnerAdmin(self.repository)
        w = self.window
        w.today.manage_learners.connect(self.show_learners)
        w.today.manage_people.connect(self.show_people)
        w.today.manage_settings.connect(self.show_settings)
        screen = w.learners_admin
        screen.back.connect(staff.show_today)
        screen.rename.connect(self.rename)
        screen.picture.connect(lambda i, a: self._do(i, lambda: self.admin.set_picture(i, a),
                                                     _("The picture is saved.")))
        screen.archive.connect(self.archive)
        screen.merge.connect(lambda keep, drop: self._do(
            keep, lambda: self.admin.merge(keep, drop), _("The two tiles are one now.")))
        screen.anonymise.connect(lambda i: self._do(
            i, lambda: self.admin.anonymise(i), _("Name and picture are removed.")))
        screen.delete.connect(lambda i: self._do(
            "", lambda: self.admin.delete(i), _("The learner and all their data are deleted.")))
        screen.export.connect(self.export)
        w.people.back.connect(staff.show_today)
        w.people.add.connect(self.add_person)
        w.people.remove.connect(self.remove_person)
        w.people.reset_pin.connect(self.reset_pin)
        w.settings.back.connect(staff.show_today)
        w.settings.save.connect(self.save_settings)

    # --- learners -----------------------------------------------------------------------
    def show_learners(self, keep: str = "") -> None:
        self.window.learners_admin.show_learners(self.admin.all_learners(), keep)
        self.window.show_screen(self.window.learners_admin)

    def _do(self, learner_id: str, action: object, done: str) -> None:
        try:
            assert callable(action)
            action()
        except StorageError as error:
            self.window.learners_admin.show_status(str(error))
            return
        self.show_learners(learner_id)
        self.window.learners_admin.show_status(done)

    def rename(self, learner_id: str, name: str) -> None:
        try:
            cleaned = clean_name(name)
        except NameProblem as problem:
            self.window.learners_admin.show_status(str(problem))
            return
        self._do(learner_id, lambda: self.admin.rename(learner_id, cleaned),
                 _("The name is saved."))

    def archive(self, learner_id: str, archived: bool) -> None:
        self._do(learner_id, lambda: self.admin.archive(learner_id, archived),
                 _("Archived: hidden from the learners, kept for reports.") if archived
                 else _("The learner is back on the first screen."))

    def export(self, learner_id: str, kind: str) -> None:
        data = self.admin.everything_about(learner_id)
        if not data:
            return
        name = safe_file_name(f"{_('data of')} {data['learner']['name'] or learner_id[:8]}")
        location = self.repository.location_name()
        screen = self.window.learners_admin

        def write(path: str) -> None:
            target = Path(path)
            work = ((lambda: render_learner_pdf(data, location, target)) if kind == "pdf"
                    else (lambda: target.write_text(self.admin.export_json(learner_id),
                                                    encoding="utf-8")))
            run_in_background(
                work, lambda _r: screen.show_status(_("Saved: {path}").format(path=path)),
                lambda error: screen.show_status(
                    _("The file could not be saved there: {error}").format(error=error)))

        suffix = "pdf" if kind == "pdf" else "json"
        self.window.ask_save_path(str(documents_folder() / f"{name}.{suffix}"), write,
                                  suffix)

    # --- the team -----------------------------------------------------------------------
    def show_people(self) -> None:
        me = self.staff.member.id if self.staff.member else ""
        self.window.people.show_people(self.staff.repository.staff(), me)
        self.window.show_screen(self.window.people)

    def add_person(self, name: str, role: str, pin: str, again: str) -> None:
        name = " ".join(name.split())
        try:
            if not name:
                raise PinProblem(_("Type a name."))
            check_new_pin(pin, again)
        except PinProblem as problem:
            self.window.people.show_status(str(problem))
            return
        self.staff.repository.add_staff(name, role, pin)
        self.show_people()
        self.window.people.show_status(_("{name} is added.").format(name=name))

    def remove_person(self, staff_id: str) -> None:
        self.staff.repository.remove_staff(staff_id)
        self.show_people()

    def reset_pin(self, staff_id: str, pin: str, again: str) -> None:
        try:
            check_new_pin(pin, again)
        except PinProblem as problem:
            self.window.people.show_status(str(problem))
            return
        self.staff.repository.reset_pin(staff_id, pin)
        self.show_people()
        self.window.people.show_status(_("The new PIN is saved."))

    # --- the location -------------------------------------------------------------------
    def show_settings(self) -> None:
        catalog = self.staff.learners.catalog
        offered = offered_themes(self.repository.setting(THEMES_OFFERED))
        themes = [(t.id, t.title, offered is None or t.id in offered) for t in catalog.themes]
        self.window.settings.show_settings(self.repository.location_name(), themes,
                                           self.repository.setting(AUTO_READ) == "1")
        self.window.show_screen(self.window.settings)

    def save_settings(self, location: str, themes: list[str], auto_read: bool) -> None:
        location = " ".join(location.split())
        if not location:
            self.window.settings.show_status(_("Type the name of the location."))
            return
        if not themes:
            self.window.settings.show_status(_("Choose at least one theme."))
            return
        self.repository.set_setting("location_name", location)
        self.repository.set_setting(THEMES_OFFERED, ",".join(themes))
        self.repository.set_setting(AUTO_READ, "1" if auto_read else "0")
        self.window.settings.show_status(_("The settings are saved."))


def offered_themes(value: str) -> set[str] | None:
    """The themes learners may choose; None means all of them."""
    chosen = {part for part in value.split(",") if part}
    return chosen or None
