"""The problems of one lesson file, each with the step and key being read as its place."""

from __future__ import annotations

from pathlib import Path

from oefenplek.core.lessons.model import Problem
from oefenplek.core.lessons.stamps import Seen


class Collector:
    """Problems of one file, with the step being read as context."""

    def __init__(self, file: Path, seen: Seen | None = None) -> None:
        self.file = file
        self.seen = seen
        self.problems: list[Problem] = []
        self.step: int | None = None
        self.kind: str | None = None

    def look(self, path: Path) -> None:
        """Remember a file the loader reads or checks, for the lesson cache."""
        if self.seen is not None:
            self.seen.note(path)

    def at(self, step: int | None, kind: str | None) -> Collector:
        """Report the next problems at this step (None, None: the lesson as a whole)."""
        self.step, self.kind = step, kind
        return self

    def error(self, message: str, key: str | None = None) -> None:
        self.problems.append(Problem(self.file, message, self.step, self.kind, key))

    def warn(self, message: str, key: str | None = None) -> None:
        self.problems.append(Problem(self.file, message, self.step, self.kind, key, True))

    @property
    def has_errors(self) -> bool:
        return any(not problem.warning for problem in self.problems)
