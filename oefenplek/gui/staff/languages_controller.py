"""The languages screen under Settings: how complete and how checked each language is,
counted from the catalogs and the lessons when the coordinator opens it."""

from __future__ import annotations

from PySide6.QtCore import QObject

from oefenplek import i18n
from oefenplek.core.lessons.translations import whole_lessons
from oefenplek.gui.main_window import MainWindow
from oefenplek.gui.services import Services
from oefenplek.gui.staff.languages import LanguagesScreen
from oefenplek.views.languages import language_rows


class LanguagesController(QObject):
    def __init__(self, window: MainWindow, services: Services) -> None:
        super().__init__(window)
        self.window, self.services = window, services
        self.screen = LanguagesScreen()
        window.stack.addWidget(self.screen)
        window.settings.languages.connect(self.show)
        self.screen.back.connect(window.today.manage_settings.emit)

    def show(self) -> None:
        catalog = self.services.catalog
        offered = i18n.languages()
        interface = {code: i18n.completeness(code) for code in offered}
        lessons = {code: whole_lessons(catalog, code) for code in offered
                   if code != i18n.DEFAULT_LANGUAGE}
        self.screen.show_rows(language_rows(offered, interface, lessons, len(catalog.lessons)))
        self.window.show_screen(self.screen)
