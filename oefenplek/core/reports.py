"""Report figures for a period, computed once from plain facts.

The screen, the CSV, the XLSX and the PDF all show `Report.sections()`, so the numbers in
an export always equal the numbers on screen. The funder's version has no names
(pseudonymous learner numbers) and hides counts under 5 in breakdowns.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from oefenplek.i18n import _, current_language

SMALL = 5  # counts under this are hidden in the funder's breakdowns
LONGEST_VISIT = timedelta(hours=4)  # a visit nobody closed counts at most this long


@dataclass(frozen=True)
class Period:
    start: date  # first day, inclusive
    end: date  # last day, inclusive

    @property
    def label(self) -> str:
        return f"{self.start.isoformat()} – {self.end.isoformat()}"

    @staticmethod
    def month(day: date) -> Period:
        first = day.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return Period(first, following - timedelta(days=1))

    @staticmethod
    def quarter(day: date) -> Period:
        first = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
        following = (first + timedelta(days=95)).replace(day=1)
        return Period(first, following - timedelta(days=1))

    @staticmethod
    def year(day: date) -> Period:
        return Period(date(day.year, 1, 1), date(day.year, 12, 31))


@dataclass(frozen=True)
class VisitFact:
    learner_id: str
    started_at: datetime
    ended_at: datetime | None
    last_activity: datetime | None
    guided_by: str | None


@dataclass(frozen=True)
class Facts:
    """Everything a report needs, as storage hands it over for one period.

    Visits come one by one (their hours, months and volunteers are counted here); lesson
    runs, help requests and certificates come already counted by the database, per learner
    and per lesson, so a year of a big location hands over hundreds of numbers, not
    hundreds of thousands of rows.
    """

    period: Period
    visits: list[VisitFact]
    started_by_learner: dict[str, int]  # learner id -> lesson runs started in the period
    started_by_lesson: dict[str, int]  # lesson id -> lesson runs started in the period
    finished_by_learner: dict[str, int]
    finished_by_lesson: dict[str, int]
    help_requests: dict[str, int]  # learner id -> help requests in the period
    certificates: dict[str, int]  # learner id -> certificates handed out in the period
    first_visit: dict[str, datetime]  # learner id -> first visit ever (of this period's)
    learner_names: dict[str, str]
    staff_names: dict[str, str]
    lesson_themes: dict[str, str]  # lesson id -> theme title
    lesson_titles: dict[str, str]
    #: Answers in the period: (right, all), with the lesson naming what to do and in its
    #: *Nu zelf* part; a funder sees whether learners can do it alone.
    answers_guided: tuple[int, int] = (0, 0)
    answers_alone: tuple[int, int] = (0, 0)
    learner_languages: dict[str, str] = field(default_factory=dict)  # learner id -> code


@dataclass(frozen=True)
class LearnerLine:
    learner_id: str
    name: str
    visits: int
    started: int
    finished: int
    help: int
    certificates: int
    last_visit: date | None


@dataclass
class Report:
    period: Period
    learners: int = 0
    new_learners: int = 0
    returning_learners: int = 0
    visits: int = 0
    hours: float = 0.0
    lessons_started: int = 0
    lessons_finished: int = 0
    help_requests: int = 0
    certificates: int = 0
    started_by_theme: dict[str, int] = field(default_factory=dict)
    finished_by_theme: dict[str, int] = field(default_factory=dict)
    started_by_lesson: dict[str, int] = field(default_factory=dict)
    finished_by_lesson: dict[str, int] = field(default_factory=dict)
    visits_by_month: dict[str, int] = field(default_factory=dict)
    visits_by_volunteer: dict[str, int] = field(default_factory=dict)
    per_learner: list[LearnerLine] = field(default_factory=list)
    answers_guided: tuple[int, int] = (0, 0)  # (right, all)
    answers_alone: tuple[int, int] = (0, 0)
    learners_by_language: dict[str, int] = field(default_factory=dict)  # language's name

    def totals(self) -> list[tuple[str, int | float]]:
        return [
            (_("Learners"), self.learners),
            (_("New learners"), self.new_learners),
            (_("Returning learners"), self.returning_learners),
            (_("Visits"), self.visits),
            (_("Practice hours"), round(self.hours, 1)),
            (_("Lessons started"), self.lessons_started),
            (_("Lessons finished"), self.lessons_finished),
            (_("Help requests"), self.help_requests),
            (_("Certificates handed out"), self.certificates),
            (_("Answers right with the lesson's help (%)"), _percent(self.answers_guided)),
            (_("Answers right on their own, Nu zelf (%)"), _percent(self.answers_alone)),
        ]

    def sections(self, for_funder: bool = False) -> list[Section]:
        """The report as titled tables: what the screen and every export show."""
        hide = _hide_small if for_funder else _as_is
        themes = sorted(set(self.started_by_theme) | set(self.finished_by_theme))
        lessons = sorted(set(self.started_by_lesson) | set(self.finished_by_lesson))
        sections = [
            Section(_("Totals"), [_("What"), _("Number")],
                    [(name, value) for name, value in self.totals()]),
            Section(_("Per month"), [_("Month"), _("Visits")],
                    [(month, hide(n)) for month, n in sorted(self.visits_by_month.items())]),
            Section(_("Per theme"), [_("Theme"), _("Started"), _("Finished")],
                    [(t, hide(self.started_by_theme.get(t, 0)),
                      hide(self.finished_by_theme.get(t, 0))) for t in themes]),
            Section(_("Per lesson"), [_("Lesson"), _("Started"), _("Finished")],
                    [(lesson, hide(self.started_by_lesson.get(lesson, 0)),
                      hide(self.finished_by_lesson.get(lesson, 0))) for lesson in lessons]),
        ]
        sections.append(Section(_("Per language"), [_("Language"), _("Learners")],
                                [(name, hide(n)) for name, n in
                                 sorted(self.learners_by_language.items())]))
        if not for_funder:
            sections.append(Section(_("Per volunteer"), [_("Volunteer"), _("Visits guided")],
                                    [(n, v) for n, v in sorted(self.visits_by_volunteer.items())]))
        header = [_("Learner"), _("Visits"), _("Started"), _("Finished"), _("Help requests"),
                  _("Certificates"), _("Last visit")]
        rows: list[tuple[object, ...]] = []
        for number, line in enumerate(self.per_learner, start=1):
            who = _("Learner {n}").format(n=number) if for_funder else line.name
            rows.append((who, line.visits, line.started, line.finished, line.help,
                         line.certificates,
                         line.last_visit.isoformat() if line.last_visit else ""))
        sections.append(Section(_("Per learner"), header, rows))
        return sections


@dataclass(frozen=True)
class Section:
    """A titled table. Its rows are tuples of texts and numbers: Python's garbage collector
    stops walking such a tuple once it has seen it, and a report of a large library has
    20,000 rows, alive while an export runs beside the window."""

    title: str
    header: list[str]
    rows: list[tuple[object, ...]]


def _percent(counts: tuple[int, int]) -> float:
    """Right answers as a share of all, one decimal; 0 when there were none."""
    right, total = counts
    return round(100 * right / total, 1) if total else 0.0


def language_name(code: str) -> str:
    """A language's name in the staff's language ("Arabisch"), for reports."""
    from babel import Locale, UnknownLocaleError

    try:
        return str(Locale.parse(code).get_display_name(current_language()) or code)
    except (UnknownLocaleError, ValueError):
        return code


def _as_is(value: int) -> int | str:
    return value


def _hide_small(value: int) -> int | str:
    return f"<{SMALL}" if 0 < value < SMALL else value


def visit_hours(visit: VisitFact) -> float:
    end = visit.ended_at or visit.last_activity or visit.started_at
    length = min(max(end - visit.started_at, timedelta(0)), LONGEST_VISIT)
    return length.total_seconds() / 3600


def build_report(facts: Facts) -> Report:
    report = Report(facts.period)
    visitors = {visit.learner_id for visit in facts.visits}
    start = datetime.combine(facts.period.start, datetime.min.time())
    report.learners = len(visitors)
    report.new_learners = sum(
        1 for learner in visitors
        if facts.first_visit.get(learner) and facts.first_visit[learner].replace(tzinfo=None)
        >= start)
    report.returning_learners = report.learners - report.new_learners
    report.visits = len(facts.visits)
    report.hours = sum(visit_hours(visit) for visit in facts.visits)
    report.lessons_started = sum(facts.started_by_lesson.values())
    report.lessons_finished = sum(facts.finished_by_lesson.values())
    report.help_requests = sum(facts.help_requests.values())
    report.certificates = sum(facts.certificates.values())

    def theme(lesson_id: str) -> str:
        return facts.lesson_themes.get(lesson_id, _("(lesson no longer offered)"))

    def title(lesson_id: str) -> str:
        return facts.lesson_titles.get(lesson_id, lesson_id)

    def by(name: Callable[[str], str], counts: dict[str, int]) -> dict[str, int]:
        total: Counter[str] = Counter()
        for lesson_id, n in counts.items():
            total[name(lesson_id)] += n
        return dict(total)

    report.started_by_theme = by(theme, facts.started_by_lesson)
    report.finished_by_theme = by(theme, facts.finished_by_lesson)
    report.started_by_lesson = by(title, facts.started_by_lesson)
    report.finished_by_lesson = by(title, facts.finished_by_lesson)
    report.visits_by_month = dict(Counter(v.started_at.strftime("%Y-%m") for v in facts.visits))
    report.answers_guided, report.answers_alone = facts.answers_guided, facts.answers_alone
    report.learners_by_language = dict(Counter(
        language_name(facts.learner_languages.get(learner, "nl")) for learner in visitors))
    report.visits_by_volunteer = dict(Counter(
        facts.staff_names.get(v.guided_by, _("(removed)")) for v in facts.visits if v.guided_by))
    visits = Counter(v.learner_id for v in facts.visits)
    started, finished = facts.started_by_learner, facts.finished_by_learner
    helps, certificates = facts.help_requests, facts.certificates
    last: dict[str, datetime] = {}
    for visit in facts.visits:
        if visit.learner_id not in last or visit.started_at > last[visit.learner_id]:
            last[visit.learner_id] = visit.started_at
    people = visitors | set(started) | set(finished)
    report.per_learner = sorted(
        (LearnerLine(learner, facts.learner_names.get(learner, "") or _("(anonymised)"),
                     visits[learner], started.get(learner, 0), finished.get(learner, 0),
                     helps.get(learner, 0), certificates.get(learner, 0),
                     last[learner].date() if learner in last else None)
         for learner in people),
        key=lambda line: (line.name.casefold(), line.learner_id))
    return report
