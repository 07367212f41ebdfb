"""Hulp: the learner asks for the volunteer, and sees "help is coming" until a volunteer on
any computer of the location marks the request handled.

While a request of this computer is open, a timer asks every 1.5 s whether it was handled;
it runs only then, so an idle app does nothing. A read that fails says nothing to the
learner: "help is coming" stays, and the next tick asks again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from oefenplek.gui.main_window import MainWindow
from oefenplek.gui.services import Services

HELP_POLL_MS = 1_500  # "help is coming" goes within 2 s of "Geholpen" on another computer

#: Where the learner is when asking: learner id, run id, lesson id, step (None: not in one).
Where = tuple[str | None, str | None, str | None, int | None]


class HelpCall(QObject):
    def __init__(self, window: MainWindow, services: Services, where: Callable[[], Where],
                 tell: Callable[[str], None]) -> None:
        super().__init__(window)
        self.window, self.services, self.where, self.tell = window, services, where, tell
        self.request: str | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(HELP_POLL_MS)
        self.timer.timeout.connect(self._check)
        for screen in window.learner_screens():
            screen.help_requested.connect(self.ask)
        window.ask_help.call_volunteer.connect(self.call)
        window.ask_help.cancel_help.connect(self.cancel)
        window.closing.connect(self.timer.stop)
        services.events.help_handled.connect(self.given)

    def ask(self) -> None:
        self.window.ask_help.ask(coming=self.request is not None)

    def call(self) -> None:
        learner, run, lesson, step = self.where()
        repository = self.services.repository
        self.services.ops.run(lambda: repository.ask_help(learner, run, lesson, step,
                                                          self.services.computer),
                              self.tell, self.coming)

    def coming(self, request_id: str | None) -> None:
        """`request_id` is open now (None: no request, or the screen forgets it)."""
        self.request = request_id
        for screen in self.window.learner_screens():
            screen.set_help_coming(request_id is not None)
        if request_id is None:
            self.timer.stop()
        elif not self.timer.isActive():
            self.timer.start()

    def _check(self) -> None:
        request = self.request
        if request is None:
            self.timer.stop()
            return
        self.services.ops.run(lambda: self.services.repository.help_handled(request),
                              lambda _m: None,
                              lambda handled: self.given(request) if handled else None)

    def cancel(self) -> None:
        request = self.request
        if request:
            self.services.ops.run(
                lambda: self.services.repository.handle_help_request(request), self.tell,
                lambda _done: self.coming(None))

    def given(self, request_id: str) -> None:
        """A volunteer marked this request as handled in their overview."""
        if self.request == request_id:
            self.coming(None)
