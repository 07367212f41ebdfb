"""What a certificate says, and when a learner has earned one. Plain data, no drawing.

A certificate is stored with everything it shows, so a reprint years later is the same
paper even when the lesson's wording has changed since.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from oefenplek.core.lessons.model import Catalog, Lesson, Theme
from oefenplek.core.lessons.translations import in_language
from oefenplek.core.progress import RunRecord
from oefenplek.core.text import LOCATION_NAME_LENGTH, STORED_NAME_LENGTH, clean_line

LESSON, THEME = "lesson", "theme"


@dataclass(frozen=True)
class Certificate:
    learner_name: str
    kind: str  # LESSON or THEME
    subject_id: str  # the lesson's or theme's id
    title: str
    can_do: tuple[str, ...]
    issued_on: date
    location: str
    theme_id: str
    signer: str = ""
    learner_id: str = ""
    id: str = ""
    #: The language the page speaks (the learner's, unless they read only Dutch): its fixed
    #: words, its date and its direction; title and lines as the learner read them.
    language: str = "nl"

    def printable(self) -> Certificate:
        """The texts as a page can show them, whatever is stored (see core.text)."""
        return replace(
            self, learner_name=clean_line(self.learner_name, STORED_NAME_LENGTH),
            title=clean_line(self.title, 200),
            can_do=tuple(clean_line(line, 300) for line in self.can_do),
            location=clean_line(self.location, LOCATION_NAME_LENGTH * 2),
            signer=clean_line(self.signer, STORED_NAME_LENGTH))


def for_lesson(learner_name: str, lesson: Lesson, location: str, issued_on: date,
               signer: str = "", learner_id: str = "", language: str = "nl") -> Certificate:
    """`language`: the page's language; the lesson's title and lines in it where they are
    translated (Dutch where not)."""
    return Certificate(learner_name, LESSON, lesson.id, in_language(lesson.title, language),
                       tuple(in_language(line, language) for line in lesson.can_do),
                       issued_on, location, lesson.theme, signer, learner_id, "", language)


def for_theme(learner_name: str, theme: Theme, catalog: Catalog, location: str,
              issued_on: date, signer: str = "", learner_id: str = "",
              language: str = "nl") -> Certificate:
    lines: list[str] = []  # all of them: the page's layout makes them fit (documents/)
    for lesson in catalog.lessons_of(theme.id):
        for line in lesson.can_do:
            shown = in_language(line, language)
            if shown not in lines:
                lines.append(shown)
    return Certificate(learner_name, THEME, theme.id, in_language(theme.title, language),
                       tuple(lines), issued_on, location, theme.id, signer,
                       learner_id, "", language)


def finished_lessons(runs: list[RunRecord]) -> set[str]:
    return {run.lesson_id for run in runs if run.finished_at is not None}


def theme_complete(theme_id: str, catalog: Catalog, runs: list[RunRecord]) -> bool:
    """Every lesson of the theme has been finished at least once."""
    lessons = catalog.lessons_of(theme_id)
    return bool(lessons) and {lesson.id for lesson in lessons} <= finished_lessons(runs)
