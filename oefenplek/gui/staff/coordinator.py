"""The coordinator's part of the staff area: learners' data, the team, the location."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from oefenplek import paths
from oefenplek.core.extra_fields import FieldProblem, check_extra
from oefenplek.core.learners import NameProblem, check_new_learner, clean_name
from oefenplek.core.staff import PinProblem, check_new_pin
from oefenplek.documents.learner_export import render_learner_pdf
from oefenplek.gui.background import run_in_background
from oefenplek.gui.certificate_controller import documents_folder, safe_file_name
from oefenplek.gui.safely import run_safely
from oefenplek.i18n import _
from oefenplek.storage.learner_admin import LearnerAdmin
from oefenplek.storage.settings import (
    AUTO_READ,
    EXTRA,
    LOCATION_NAME,
    LOGO,
    THEMES_OFFERED,
    offered_themes,
)

if TYPE_CHECKING:
    from oefenplek.gui.staff.controller import StaffController


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
        screen.add.connect(self.add_learner)
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
        screen.selected.connect(self.show_extra)
        screen.save_extra.connect(self.save_extra)
        w.people.back.connect(staff.show_today)
        w.people.add.connect(self.add_person)
        w.people.remove.connect(self.remove_person)
        w.people.reset_pin.connect(self.reset_pin)
        w.settings.back.connect(staff.show_today)
        w.settings.save.connect(self.save_settings)
        w.settings.choose_logo.connect(self.choose_logo)
        w.settings.remove_logo.connect(self.remove_logo)

    # --- learners -----------------------------------------------------------------------
    def show_learners(self, keep: str = "") -> None:
        self.window.learners_admin.show_learners(self.admin.all_learners(), keep)
        self.window.show_screen(self.window.learners_admin)

    def _do(self, learner_id: str, action: Callable[[], object], done: str) -> None:
        """Run a storage action; on failure the screen's status line says why."""
        if not run_safely(action, self.window.learners_admin.show_status):
            return
        self.show_learners(learner_id)
        self.window.learners_admin.show_status(done)

    def enabled_extra(self) -> set[str]:
        return {key for key in self.repository.setting(EXTRA).split(",") if key}

    def show_extra(self, learner_id: str) -> None:
        self.window.learners_admin.show_extra(self.enabled_extra(),
                                              self.admin.extra_fields(learner_id))

    def save_extra(self, learner_id: str, values: dict[str, str]) -> None:
        try:
            cleaned = {key: check_extra(key, value, date.today())
                       for key, value in values.items() if key in self.enabled_extra()}
        except FieldProblem as problem:
            self.window.learners_admin.show_status(str(problem))
            return
        self._do(learner_id, lambda: self.admin.set_extra_fields(learner_id, cleaned),
                 _("The details are saved."))

    def add_learner(self, name: str, avatar: str) -> None:
        try:
            cleaned = check_new_learner(name, avatar, self.repository.learners())
        except NameProblem as problem:
            self.window.learners_admin.show_status(str(problem))
            return
        added = self.repository.add_learner(cleaned, avatar)
        self.show_learners(added.id)
        self.window.learners_admin.show_status(_("{name} is added.").format(name=cleaned))

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
                                           self.repository.setting(AUTO_READ) == "1",
                                           self.enabled_extra(), self.repository.setting(LOGO))
        self.window.show_screen(self.window.settings)

    def save_settings(self, location: str, themes: list[str], auto_read: bool,
                      extra: list[str]) -> None:
        location = " ".join(location.split())
        if not location:
            self.window.settings.show_status(_("Type the name of the location."))
            return
        if not themes:
            self.window.settings.show_status(_("Choose at least one theme."))
            return
        self.repository.set_setting(LOCATION_NAME, location)
        self.repository.set_setting(THEMES_OFFERED, ",".join(themes))
        self.repository.set_setting(AUTO_READ, "1" if auto_read else "0")
        self.repository.set_setting(EXTRA, ",".join(extra))
        self.window.settings.show_status(_("The settings are saved."))


    def choose_logo(self) -> None:
        self.window.ask_open_path(_("Choose the logo"), _("Pictures (*.png *.jpg *.jpeg *.svg)"),
                                  self.use_logo)

    def use_logo(self, path: str) -> None:
        """Keep a copy in the data folder, so the logo stays when the original moves."""
        source = Path(path)
        if source.suffix.lower() not in (".png", ".jpg", ".jpeg", ".svg"):
            self.window.settings.show_status(_("Choose a PNG, JPG or SVG picture."))
            return
        target = paths.data_dir() / f"logo{source.suffix.lower()}"
        try:
            shutil.copyfile(source, target)
        except OSError as error:
            self.window.settings.show_status(
                _("The logo could not be copied: {error}").format(error=error.strerror))
            return
        self.repository.set_setting(LOGO, str(target))
        self.window.settings.show_logo(str(target))
        self.window.settings.show_status(_("The logo is saved."))

    def remove_logo(self) -> None:
        self.repository.set_setting(LOGO, "")
        self.window.settings.show_logo("")
