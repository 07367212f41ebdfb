"""The volunteer's screens: today's overview and one learner's page, as plain rows.

Storage hands over records; these functions turn them into the sentences and switches the
screens show ("Asks for help (5 minutes)", a Certificate button on finished lessons).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from oefenplek.core.lessons.model import Catalog
from oefenplek.core.progress import (
    AnswerFact,
    LessonStatus,
    RunRecord,
    Success,
    lesson_progress,
    success_by_lesson,
)
from oefenplek.i18n import _, format_date, ngettext

if TYPE_CHECKING:  # records only; the views need no database to run
    from oefenplek.core.certificates import Certificate
    from oefenplek.core.learners import Learner
    from oefenplek.storage.staff_repository import HereToday, StuckStep, VisitNote


@dataclass(frozen=True)
class TodayRow:
    learner_id: str
    name: str
    avatar: str
    where: str  # "Wifi op een Android-tablet, stap 4" or "Niet bezig met een les"
    help_text: str  # "Vraagt hulp (5 minuten) – bij computer Balie-2" or ""
    help_request_id: str | None
    done_text: str  # "Klaar vandaag: ..." or ""
    visit_open: bool = False
    seat: str = ""  # "Bij computer Balie-1" while the learner is in at a computer, or ""


@dataclass(frozen=True)
class TodayView:
    rows: list[TodayRow]
    learners: list[tuple[str, str]]  # (id, name) for "visit without the computer"


@dataclass(frozen=True)
class LessonLine:
    lesson_id: str
    text: str  # "Wifi op een Android-tablet — klaar" / "— bezig, stap 4 van 12"
    done: bool  # finished at least once: a certificate can be made
    practise_waiting: bool  # the learner stands on a practise step
    #: "Met uitleg: 9 van 10 stappen meteen goed. Zelf: 3 van 4 stappen meteen goed."
    success: str = ""


@dataclass(frozen=True)
class LearnerView:
    learner_id: str
    name: str
    lessons: list[LessonLine]
    stuck: list[str]  # "Wifi op een Android-tablet, stap 5 (Tik op de schakelaar): 2 keer fout"
    notes: list[str]  # "12 november: wil volgende keer WhatsApp oefenen"
    note_today: str
    issued: list[tuple[str, str]] = field(default_factory=list)  # certificate id, what


def _title(catalog: Catalog, lesson_id: str) -> str:
    """A lesson's title; its id when the lesson is no longer installed."""
    lesson = catalog.lessons.get(lesson_id)
    return lesson.title if lesson else lesson_id


# --- today's overview -------------------------------------------------------------------
def today_row(here: HereToday, catalog: Catalog, now: datetime) -> TodayRow:
    where = _("Not busy with a lesson")
    if here.lesson_id is not None and here.step_index is not None:
        where = _("{lesson}, step {n}").format(lesson=_title(catalog, here.lesson_id),
                                               n=here.step_index + 1)
    done = [_title(catalog, lesson_id) for lesson_id in dict.fromkeys(here.finished_today)]
    done_text = _("Finished today: {lessons}").format(lessons=", ".join(done)) if done else ""
    seat = ""  # said once: not again under a help request from the same computer
    if here.computer and here.left is None and not (
            here.help_since is not None and here.help_computer == here.computer):
        seat = _("At computer {computer}").format(computer=here.computer)
    return TodayRow(here.learner_id, here.name, here.avatar, where, help_text(here, now),
                    here.help_request_id, done_text, here.left is None, seat)


def help_text(here: HereToday, now: datetime) -> str:
    """How long the learner waits and at which computer, so the volunteer knows where to
    walk; "" when they do not ask for help."""
    if here.help_since is None:
        return ""
    minutes = max(0, round((now - here.help_since).total_seconds() / 60))
    if here.help_computer:
        return ngettext("Asks for help ({n} minute) – at computer {computer}",
                        "Asks for help ({n} minutes) – at computer {computer}",
                        minutes).format(n=minutes, computer=here.help_computer)
    return ngettext("Asks for help ({n} minute)", "Asks for help ({n} minutes)",
                    minutes).format(n=minutes)


def today_rows(here: Sequence[HereToday], catalog: Catalog, now: datetime) -> list[TodayRow]:
    """One card per learner in, in the order storage gives (help requests first)."""
    return [today_row(one, catalog, now) for one in here]


def visit_choices(learners: Sequence[Learner], here: Sequence[HereToday] = ()
                  ) -> list[tuple[str, str]]:
    """(id, name) of learners a volunteer can start a visit for: not those in right now."""
    inside = {one.learner_id for one in here if one.left is None}
    return [(learner.id, learner.name) for learner in learners
            if learner.id not in inside and learner.name]


def today_view(here: Sequence[HereToday], learners: Sequence[Learner], catalog: Catalog,
               now: datetime) -> TodayView:
    return TodayView(today_rows(here, catalog, now), visit_choices(learners, here))


def lesson_choices(catalog: Catalog) -> list[tuple[str, str]]:
    """(id, title) of every lesson, theme by theme, for certificates for a group."""
    return [(lesson.id, lesson.title) for theme in catalog.themes
            for lesson in catalog.lessons_of(theme.id)]


# --- one learner ------------------------------------------------------------------------
def success_text(success: Success | None) -> str:
    """How the learner did with the lesson's help and alone, for the volunteer: doing it
    alone at the first try is what shows they can do it at home."""
    if success is None or not (success.guided_steps or success.alone_steps):
        return ""
    parts = []
    if success.guided_steps:
        parts.append(ngettext("With help from the lesson: {right} of {n} step right at once.",
                              "With help from the lesson: {right} of {n} steps right at once.",
                              success.guided_steps)
                     .format(right=success.guided_right, n=success.guided_steps))
    if success.alone_steps:
        parts.append(ngettext("On their own: {right} of {n} step right at once.",
                              "On their own: {right} of {n} steps right at once.",
                              success.alone_steps)
                     .format(right=success.alone_right, n=success.alone_steps))
    else:
        parts.append(_("On their own: not tried yet."))
    return " ".join(parts)


def lesson_lines(runs: Sequence[RunRecord], catalog: Catalog,
                 success: Mapping[str, Success] | None = None) -> list[LessonLine]:
    """A line per lesson the learner started, in the order they first started it."""
    success = success or {}
    lines = []
    for lesson_id in dict.fromkeys(run.lesson_id for run in runs):
        lesson = catalog.lessons.get(lesson_id)
        if lesson is None:  # no longer installed: nothing to continue or certify
            continue
        progress = lesson_progress(lesson_id, lesson.step_count, list(runs))
        busy = progress.status is LessonStatus.BUSY
        state = (_("busy, step {n} of {total}").format(n=progress.step, total=progress.total)
                 if busy else _("done"))
        waiting = busy and lesson.steps[progress.step - 1].kind == "practise"
        done = any(run.lesson_id == lesson_id and run.finished_at for run in runs)
        lines.append(LessonLine(lesson_id, f"{lesson.title} — {state}", done, waiting,
                                success_text(success.get(lesson_id))))
    return lines


def stuck_line(step: StuckStep, catalog: Catalog) -> str:
    lesson = catalog.lessons.get(step.lesson_id)
    said = ""
    if lesson and step.step_index < lesson.step_count:
        said = f" ({lesson.steps[step.step_index].text})"
    parts = []
    if step.wrong:
        parts.append(ngettext("{n} time wrong", "{n} times wrong", step.wrong)
                     .format(n=step.wrong))
    if step.helped:
        parts.append(ngettext("{n} time help", "{n} times help", step.helped)
                     .format(n=step.helped))
    return _("{lesson}, step {n}{said}: {what}").format(
        lesson=_title(catalog, step.lesson_id), n=step.step_index + 1, said=said,
        what=", ".join(parts))


def learner_view(learner: Learner, runs: Sequence[RunRecord], stuck: Sequence[StuckStep],
                 visits: Sequence[VisitNote], certificates: Sequence[Certificate],
                 catalog: Catalog, today_start: datetime,
                 answers: Sequence[AnswerFact] = ()) -> LearnerView:
    """The learner's page. `visits` come newest first, as storage hands them over."""
    notes = [f"{format_date(visit.started_at.astimezone(), 'long')}: {visit.note}"
             for visit in visits if visit.note]
    note_today = next((visit.note for visit in visits if visit.started_at >= today_start), "")
    issued = [(certificate.id, f"{certificate.title} — {format_date(certificate.issued_on)}")
              for certificate in certificates]
    return LearnerView(learner.id, learner.name,
                       lesson_lines(runs, catalog, success_by_lesson(list(answers))),
                       [stuck_line(step, catalog) for step in stuck], notes, note_today,
                       issued)
