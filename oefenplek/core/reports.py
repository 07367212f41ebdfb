"""Report figures for a period, computed once from plain facts.

The screen, the CSV, the XLSX and the PDF all show `Report.sections()`, so the numbers in
an export always equal the numbers on screen. The funder's version has no names
(pseudonymous learner numbers) and hides counts under 5 in breakdowns.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from oefenplek.i18n import _

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
class RunFact:
    learner_id: str
    lesson_id: str
    started_at: datetime
    finished_at: datetime | None


@dataclass(frozen=True)
class Facts:
    """Everything a report needs, as storage hands it over for one period."""

    period: Period
    visits: list[VisitFact]
    runs_started: list[RunFact]
    runs_finished: list[RunFact]
    help_requests: list[str]  # learner id per request in the period
    certificates: list[str]  # learner id per certificate handed out in the period
    first_visit: dict[str, datetime]  # learner id -> first visit ever
    learner_names: dict[str, str]
    staff_names: dict[str, str]
    lesson_themes: dict[str, str]  # lesson id -> theme title
    lesson_titles: dict[str, str]


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
        ]

    def sections(self, for_funder: bool = False) -> list[Section]:
        """The report as titled tables: what the screen and every export show."""
        hide = _hide_small if for_funder else _as_is
        themes = sorted(set(self.started_by_theme) | set(self.finished_by_theme))
        lessons = sorted(set(self.started_by_lesson) | set(self.finished_by_lesson))
        sections = [
            Section(_("Totals"), [_("What"), _("Number")],
                    [[name, value] for name, value in self.totals()]),
            Section(_("Per month"), [_("Month"), _("Visits")],
                    [[month, hide(n)] for month, n in sorted(self.visits_by_month.items())]),
            Section(_("Per theme"), [_("Theme"), _("Started"), _("Finished")],
                    [[t, hide(self.started_by_theme.get(t, 0)),
                      hide(self.finished_by_theme.get(t, 0))] for t in themes]),
            Section(_("Per lesson"), [_("Lesson"), _("Started"), _("Finished")],
                    [[lesson, hide(self.started_by_lesson.get(lesson, 0)),
                      hide(self.finished_by_lesson.get(lesson, 0))] for lesson in lessons]),
        ]
        if not for_funder:
            sections.append(Section(_("Per volunteer"), [_("Volunteer"), _("Visits guided")],
                                    [[n, v] for n, v in sorted(self.visits_by_volunteer.items())]))
        header = [_("Learner"), _("Visits"), _("Started"), _("Finished"), _("Help requests"),
                  _("Certificates"), _("Last visit")]
        rows = []
        for number, line in enumerate(self.per_learner, start=1):
            who = _("Learner {n}").format(n=number) if for_funder else line.name
            rows.append([who, line.visits, line.started, line.finished, line.help,
                         line.certificates,
                         line.last_visit.isoformat() if line.last_visit else ""])
        sections.append(Section(_("Per learner"), header, rows))
        return sections


@dataclass(frozen=True)
class Section:
    title: str
    header: list[str]
    rows: list[list[object]]


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
    report.lessons_started = len(facts.runs_started)
    report.lessons_finished = len(facts.runs_finished)
    report.help_requests = len(facts.help_requests)
    report.certificates = len(facts.certificates)

    def theme(lesson_id: str) -> str:
        return facts.lesson_themes.get(lesson_id, _("(lesson no longer offered)"))

    def title(lesson_id: str) -> str:
        return facts.lesson_titles.get(lesson_id, lesson_id)

    report.started_by_theme = dict(Counter(theme(r.lesson_id) for r in facts.runs_started))
    report.finished_by_theme = dict(Counter(theme(r.lesson_id) for r in facts.runs_finished))
    report.started_by_lesson = dict(Counter(title(r.lesson_id) for r in facts.runs_started))
    report.finished_by_lesson = dict(Counter(title(r.lesson_id) for r in facts.runs_finished))
    report.visits_by_month = dict(Counter(v.started_at.strftime("%Y-%m") for v in facts.visits))
    report.visits_by_volunteer = dict(Counter(
        facts.staff_names.get(v.guided_by, _("(removed)")) for v in facts.visits if v.guided_by))
    visits = Counter(v.learner_id for v in facts.visits)
    started = Counter(r.learner_id for r in facts.runs_started)
    finished = Counter(r.learner_id for r in facts.runs_finished)
    helps, certificates = Counter(facts.help_requests), Counter(facts.certificates)
    last: dict[str, datetime] = {}
    for visit in facts.visits:
        if visit.learner_id not in last or visit.started_at > last[visit.learner_id]:
            last[visit.learner_id] = visit.started_at
    people = visitors | set(started) | set(finished)
    report.per_learner = sorted(
        (LearnerLine(learner, facts.learner_names.get(learner, "") or _("(anonymised)"),
                     visits[learner], started[learner], finished[learner], helps[learner],
                     certificates[learner],
                     last[learner].date() if learner in last else None)
         for learner in people),
        key=lambda line: (line.name.casefold(), line.learner_id))
    return report
