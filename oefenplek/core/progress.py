"""Statuses derived from stored facts: never stored twice, always computed from runs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class LessonStatus(StrEnum):
    NEW = "new"
    BUSY = "busy"
    DONE = "done"


@dataclass(frozen=True)
class RunRecord:
    """One lesson run as storage hands it over (no database objects leave storage)."""

    id: str
    learner_id: str
    lesson_id: str
    lesson_version: int
    started_at: datetime
    position: int
    finished_at: datetime | None = None


@dataclass(frozen=True)
class LessonProgress:
    status: LessonStatus
    step: int = 0  # 1-based step the learner is on, for "stap 4 van 9"
    total: int = 0
    run_id: str | None = None


def latest_runs(runs: list[RunRecord]) -> dict[str, RunRecord]:
    """The most recent run of each lesson."""
    latest: dict[str, RunRecord] = {}
    for run in sorted(runs, key=lambda r: r.started_at):
        latest[run.lesson_id] = run
    return latest


def lesson_progress(
    lesson_id: str, step_count: int, runs: list[RunRecord]
) -> LessonProgress:
    """New, busy (and where) or done, from the learner's runs of that lesson."""
    mine = [run for run in runs if run.lesson_id == lesson_id]
    if not mine:
        return LessonProgress(LessonStatus.NEW, total=step_count)
    ever_done = any(run.finished_at is not None for run in mine)
    latest = max(mine, key=lambda run: run.started_at)
    if latest.finished_at is None:
        step = min(latest.position, step_count - 1) + 1
        return LessonProgress(LessonStatus.BUSY, step, step_count, latest.id)
    return LessonProgress(LessonStatus.DONE if ever_done else LessonStatus.NEW, step_count,
                          step_count, latest.id)


def resume_position(run: RunRecord, step_count: int) -> int:
    """Where to continue a busy run; a lesson that got shorter since then is clamped."""
    return max(0, min(run.position, step_count - 1))


@dataclass(frozen=True)
class AnswerFact:
    """One answer on an answered step, as storage hands it over, oldest first."""

    lesson_id: str
    run_id: str
    step_index: int
    guided: bool
    correct: bool


@dataclass(frozen=True)
class Success:
    """Steps answered right at the first try, with the lesson's help and alone (*Nu zelf*).

    Why the first try: a learner who found it alone at once can do it at home; one who
    found it after the hint is still learning it. Each step counts once per run."""

    guided_right: int = 0
    guided_steps: int = 0
    alone_right: int = 0
    alone_steps: int = 0


def success_by_lesson(answers: list[AnswerFact]) -> dict[str, Success]:
    """Per lesson: of the steps tried, how many were right at the first try, guided and
    alone apart. `answers` must come oldest first (the first answer of a step decides)."""
    first: dict[tuple[str, str, int], AnswerFact] = {}
    for answer in answers:
        first.setdefault((answer.lesson_id, answer.run_id, answer.step_index), answer)
    counts: dict[str, list[int]] = {}
    for answer in first.values():
        tally = counts.setdefault(answer.lesson_id, [0, 0, 0, 0])
        offset = 0 if answer.guided else 2
        tally[offset] += answer.correct
        tally[offset + 1] += 1
    return {lesson_id: Success(*tally) for lesson_id, tally in counts.items()}
