"""What one part of the app tells the others, as Qt signals.

The controllers are siblings: none of them imports another. When the volunteer handles a
help request, the learner's screens must stop saying "help is coming"; when the staff area
closes, the learner picker comes back. Such news travels over these signals.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Events(QObject):
    #: A volunteer marked this help request as handled (request id).
    help_handled = Signal(str)
    #: The staff area was closed: the learner picker comes back.
    staff_left = Signal()
    #: Back to the volunteer's overview of today (from a coordinator's screen).
    staff_home = Signal()
    #: Hand out and show a certificate: learner id, lesson id, kind, signer, screen to return to.
    certificate_wanted = Signal(str, str, str, str, object)
    #: Show a certificate handed out before: learner id, certificate id, screen to return to.
    certificate_again = Signal(str, str, object)
    #: The certificate screen was left for this screen (which may show it in its list now).
    certificate_closed = Signal(object)
    #: The location database was away: a learner's answer was kept on this computer.
    answers_kept = Signal()
