"""LessonRun: one learner going through one lesson, as a state machine without Qt.

The player shows what the run says and hands it the learner's answers. A wrong answer is
never a failure: the first gets the step's hint, the second also shows the right answer,
and then the learner may go on. Going back never forgets what was already done.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from oefenplek.core.lessons.model import Lesson, Step

#: After this many wrong tries the right answer is shown.
TRIES_BEFORE_REVEAL = 2


class Outcome(StrEnum):
    """What one answer was. Stored per attempt; statuses are derived from these."""

    CORRECT = "correct"
    WRONG = "wrong"
    HELPED = "helped"  # a practise step done with the volunteer's help
    SKIPPED = "skipped"  # a practise step the learner could not do now (no device at hand)


class PractiseAnswer(StrEnum):
    DONE = "done"
    HELP = "help"
    SKIP = "skip"


@dataclass(frozen=True)
class Feedback:
    """What the player shows after an answer."""

    outcome: Outcome
    wrong_tries: int
    reveal: bool = False
    hint: str | None = None
    option_feedback: str | None = None

    @property
    def correct(self) -> bool:
        return self.outcome is Outcome.CORRECT


class RunError(RuntimeError):
    """The player asked for something the run cannot do (a bug, not a learner's mistake)."""


@dataclass
class _StepState:
    wrong_tries: int = 0
    solved: bool = False
    helped: bool = False


class LessonRun:
    """Where a learner is in a lesson and what they did on each step."""

    def __init__(
        self,
        lesson: Lesson,
        position: int = 0,
        wrong_tries: Mapping[int, int] | None = None,
    ) -> None:
        """`position` is the 0-based step to start on (resuming); steps before it count as done."""
        if lesson.step_count == 0:
            raise RunError("a lesson without steps cannot be played")
        self.lesson = lesson
        self.position = max(0, min(position, lesson.step_count - 1))
        self.finished = False
        self._states = [_StepState() for _ in lesson.steps]
        for index in range(self.position):
            self._states[index].solved = True
        for index, tries in (wrong_tries or {}).items():
            if 0 <= index < len(self._states):
                self._states[index].wrong_tries = tries

    # --- where we are -------------------------------------------------------------------
    @property
    def step(self) -> Step:
        return self.lesson.steps[self.position]

    @property
    def number(self) -> int:
        """The step's number as a person counts (1-based)."""
        return self.position + 1

    @property
    def total(self) -> int:
        return self.lesson.step_count

    @property
    def wrong_tries(self) -> int:
        return self._states[self.position].wrong_tries

    @property
    def solved(self) -> bool:
        """The current step needs nothing more from the learner."""
        state = self._states[self.position]
        return self.step.kind == "explain" or state.solved

    @property
    def revealed(self) -> bool:
        """The right answer is being shown, after enough wrong tries."""
        return self.step.is_answered and self.wrong_tries >= TRIES_BEFORE_REVEAL

    @property
    def can_go_on(self) -> bool:
        return not self.finished and (self.solved or self.revealed)

    @property
    def can_go_back(self) -> bool:
        return not self.finished and self.position > 0

    @property
    def is_last(self) -> bool:
        return self.position == self.total - 1

    def step_done(self, index: int) -> bool:
        return self._states[index].solved or self.lesson.steps[index].kind == "explain"

    # --- moving -------------------------------------------------------------------------
    def go_on(self) -> bool:
        """Next step; returns True when this finished the lesson."""
        if not self.can_go_on:
            raise RunError("the current step is not done yet")
        self._states[self.position].solved = True
        if self.is_last:
            self.finished = True
            return True
        self.position += 1
        return False

    def go_back(self) -> None:
        if not self.can_go_back:
            raise RunError("there is no step before this one")
        self.position -= 1

    # --- answering ----------------------------------------------------------------------
    def answer(self, value: object) -> Feedback:
        """Check an answer for the current step and remember the outcome.

        tap: True when the click fell inside the target; type: the text typed;
        choose: the index of the option; order: the item indexes in the order given;
        practise: a PractiseAnswer.
        """
        feedback = self.check(value)
        self.accept(feedback)
        return feedback

    def check(self, value: object) -> Feedback:
        """What an answer is worth, without remembering it yet: the caller saves it first
        and then calls `accept`, so a failed save leaves the run as it was."""
        step = self.step
        if self.finished or step.kind == "explain":
            raise RunError(f"a {step.kind} step takes no answer")
        tries = self._states[self.position].wrong_tries
        if step.kind == "practise":
            outcome = {PractiseAnswer.HELP: Outcome.HELPED, PractiseAnswer.SKIP: Outcome.SKIPPED,
                       PractiseAnswer.DONE: Outcome.CORRECT}[PractiseAnswer(str(value))]
            return Feedback(outcome, tries)
        if _is_correct(step, value):
            return Feedback(Outcome.CORRECT, tries)
        option_feedback = None
        if step.kind == "choose" and isinstance(value, int) and 0 <= value < len(step.options):
            option_feedback = step.options[value].feedback
        return Feedback(
            Outcome.WRONG,
            tries + 1,
            reveal=tries + 1 >= TRIES_BEFORE_REVEAL,
            hint=step.hint,
            option_feedback=option_feedback,
        )

    def accept(self, feedback: Feedback) -> None:
        """Remember an answer that `check` judged (and that is now saved)."""
        state = self._states[self.position]
        if feedback.outcome is Outcome.WRONG:
            state.wrong_tries = feedback.wrong_tries
            return
        state.solved = True
        state.helped = state.helped or feedback.outcome is Outcome.HELPED


def normalise_typed(text: str, match_case: bool) -> str:
    """Spaces at the ends never count; case counts only when the step says so."""
    text = " ".join(text.split())
    return text if match_case else text.casefold()


def _is_correct(step: Step, value: object) -> bool:
    if step.kind == "tap":
        return value is True
    if step.kind == "type":
        expected = step.answer or ""
        return isinstance(value, str) and (
            normalise_typed(value, step.match_case) == normalise_typed(expected, step.match_case)
        )
    if step.kind == "choose":
        return isinstance(value, int) and 0 <= value < len(step.options) and (
            step.options[value].correct
        )
    if step.kind == "order":
        return isinstance(value, Sequence) and list(value) == list(range(len(step.items)))
    raise RunError(f"unknown step kind {step.kind}")


def shuffled_order(count: int, seed: int) -> list[int]:
    """A fixed, never-already-correct order in which to show the items of an order step."""
    if count < 2:
        return list(range(count))
    shift = 1 + seed % (count - 1)
    order = [(index + shift) % count for index in range(count)]
    if count > 2 and seed % 2:
        order.reverse()
    return order if order != list(range(count)) else order[::-1]
