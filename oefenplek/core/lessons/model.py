"""What a lesson is, once it has been read and checked: plain frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from oefenplek.core.lessons.marks import plain

#: The step kinds of lesson format v1, in the order a reader meets them in the README.
STEP_KINDS = ("explain", "tap", "type", "choose", "order", "practise")

#: Step kinds in which the learner does something that can be right or wrong.
ANSWERED_KINDS = frozenset({"tap", "type", "choose", "order"})

#: The devices a lesson can be about; on a computer you click, elsewhere you tap.
DEVICES = ("tablet", "phone", "computer")


@dataclass(frozen=True)
class Source:
    """Where a lesson's facts come from, and when someone last checked they still hold.

    Shown to staff only, never to learners.
    """

    title: str
    organisation: str
    url: str
    checked: date

    def __str__(self) -> str:
        return f"{self.title} ({self.organisation}), {self.url}, {self.checked.isoformat()}"


@dataclass(frozen=True)
class GlossaryWord:
    """A word from lessons/_woordenlijst.toml that a learner can tap for a short explanation."""

    word: str
    forms: tuple[str, ...]
    explain: str
    picture: Path | None
    say: str | None

    @property
    def spoken(self) -> str:
        """What read-aloud says for the explanation."""
        return self.say or self.explain


@dataclass(frozen=True)
class Option:
    """One answer of a `choose` step."""

    text: str
    correct: bool = False
    feedback: str | None = None
    picture: Path | None = None


@dataclass(frozen=True)
class Step:
    """One screen of a lesson. Only the fields of its kind are set."""

    number: int  # 1-based, as a person counts
    kind: str
    text: str
    say: str | None = None
    hint: str | None = None
    picture: Path | None = None
    screen: Path | None = None
    target: str | None = None
    show: tuple[str, ...] = ()
    hide: tuple[str, ...] = ()
    answer: str | None = None
    match_case: bool = False
    field_label: str | None = None
    options: tuple[Option, ...] = ()
    items: tuple[str, ...] = ()
    guided: bool = True  # False: a "Nu zelf" step that says what to do, not where

    @property
    def spoken(self) -> str:
        """What read-aloud says for this step: without the brackets of glossary marks."""
        return plain(self.say or self.text)

    @property
    def is_answered(self) -> bool:
        return self.kind in ANSWERED_KINDS


@dataclass(frozen=True)
class Lesson:
    id: str
    version: int
    theme: str
    title: str
    summary: str
    minutes: int
    level: int
    can_do: tuple[str, ...]
    steps: tuple[Step, ...]
    folder: Path
    icon: Path | None = None
    requires: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    next: str | None = None
    ending: str | None = None
    recap: tuple[str, ...] = ()
    device: str = "tablet"
    facts_checked: tuple[tuple[str, date], ...] = ()  # (fact name, checked), for staff

    @property
    def step_count(self) -> int:
        return len(self.steps)


@dataclass(frozen=True)
class Theme:
    id: str
    title: str
    icon: Path | None
    colour: str


@dataclass(frozen=True)
class Problem:
    """Something wrong in a lesson file, named precisely enough to find and fix it."""

    file: Path
    message: str
    step: int | None = None
    kind: str | None = None
    key: str | None = None
    warning: bool = False

    def __str__(self) -> str:
        where = [str(self.file)]
        if self.step is not None:
            where.append(f"step {self.step}" + (f" ({self.kind})" if self.kind else ""))
        if self.key:
            where.append(f"'{self.key}'")
        level = "warning" if self.warning else "error"
        return f"{': '.join(where)}: {level}: {self.message}"


@dataclass
class Catalog:
    """All lessons the app can offer, and the problems of those it had to leave out."""

    themes: list[Theme] = field(default_factory=list)
    lessons: dict[str, Lesson] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: Glossary words keyed by the word and by each of its forms, in lower case.
    glossary: dict[str, GlossaryWord] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.warning]

    def lessons_of(self, theme_id: str) -> list[Lesson]:
        """A theme's lessons in the order their writers meant: each lesson's `next` follows it.

        Lessons no other lesson of the theme leads to start a path (easiest first, then by
        title); a path goes on while `next` stays in the theme.
        """
        mine = {lesson.id: lesson for lesson in self.lessons.values() if lesson.theme == theme_id}
        led_to = {lesson.next for lesson in mine.values() if lesson.next in mine}
        by_level = sorted(mine.values(), key=lambda lesson: (lesson.level, lesson.title))
        starts = [lesson for lesson in by_level if lesson.id not in led_to]
        ordered: dict[str, Lesson] = {}
        for start in starts + by_level:  # by_level again: lessons on a loop of `next` links
            lesson: Lesson | None = start
            while lesson is not None and lesson.id not in ordered:
                ordered[lesson.id] = lesson
                lesson = mine.get(lesson.next or "")
        return list(ordered.values())

    def theme(self, theme_id: str) -> Theme | None:
        return next((t for t in self.themes if t.id == theme_id), None)
