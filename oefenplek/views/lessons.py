"""What the lessons screen shows: a card per offered theme, with a card per lesson that says
new, busy (and at which step) or done for this learner, in the language the learner reads.

Plain data and one plain function, tested without Qt; gui/screens/lessons.py only draws it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from oefenplek.core.lessons.model import Catalog
from oefenplek.core.lessons.translations import in_language
from oefenplek.core.progress import LessonStatus, RunRecord, lesson_progress
from oefenplek.i18n import _


@dataclass(frozen=True)
class LessonCard:
    id: str
    title: str
    icon: Path | None
    minutes: int
    status: LessonStatus
    step: int = 0
    total: int = 0

    def state_text(self) -> str:
        if self.status is LessonStatus.BUSY:
            return _("Busy: step {n} of {total}").format(n=self.step, total=self.total)
        if self.status is LessonStatus.DONE:
            return _("Done ✓")
        return _("New")


@dataclass(frozen=True)
class ThemeCard:
    id: str
    title: str
    icon: Path | None
    lessons: list[LessonCard] = field(default_factory=list)


def theme_cards(catalog: Catalog, runs: list[RunRecord], offered: set[str] | None,
                language: str) -> list[ThemeCard]:
    """The themes the location offers (`offered`; None: all), in the catalog's order, each
    with its lessons and how far the learner is in each (from the learner's `runs`)."""
    cards = []
    for theme in catalog.themes:
        if offered is not None and theme.id not in offered:
            continue
        lessons = []
        for lesson in catalog.lessons_of(theme.id):
            progress = lesson_progress(lesson.id, lesson.step_count, runs)
            lessons.append(LessonCard(lesson.id, in_language(lesson.title, language),
                                      lesson.icon or theme.icon, lesson.minutes,
                                      progress.status, progress.step, progress.total))
        cards.append(ThemeCard(theme.id, in_language(theme.title, language), theme.icon,
                               lessons))
    return cards
