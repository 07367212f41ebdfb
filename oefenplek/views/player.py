"""What the learner's player says and marks, computed without Qt so it is tested in milliseconds.

The widgets draw what these functions hand them: the kind sentence after an answer, the
number of steps on the start screen, and the text of a step with its glossary words marked
(and the word being read aloud, whose place counts in the text as it is shown: no brackets).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from oefenplek.core.engine import Feedback, Outcome
from oefenplek.core.lessons.model import Lesson, Step
from oefenplek.i18n import N_, _, ngettext
from oefenplek.views.bilingual import isolated

PRAISE = (N_("Well done!"), N_("Very good!"), N_("Great, that is right!"))
TRY_AGAIN = N_("Almost. Try again.")

#: A piece of shown text and, for a glossary word, its key (lowercase); None for plain text.
Piece = tuple[str, str | None]


def feedback_sentence(feedback: Feedback, step: Step, answer: str,
                      tr: Callable[[str], str] = _) -> str:
    """The kind words after an answer. Never 'wrong': a hint, then the answer shown.

    A guided step says where its answer is in words; a *Nu zelf* step shows it on the
    screen (a thick frame, the answer under the field) and the sentence points there. The
    sentence may hold glossary marks (from the hint), shown as marked words. `tr`: how the
    app's own words are translated (Dutch for the first line of side by side).
    """
    if feedback.outcome is Outcome.CORRECT:
        return tr(PRAISE[feedback.wrong_tries % len(PRAISE)])
    if feedback.outcome is Outcome.HELPED:
        return tr(N_("Good that you ask. Do it together with the volunteer."))
    if feedback.outcome is Outcome.SKIPPED:
        return tr(N_("No problem. You can practise this later."))
    parts = [feedback.option_feedback] if feedback.option_feedback else []
    if feedback.reveal:
        if step.kind == "tap" and step.guided:
            parts.append(tr(N_("Look: it is the place with the orange frame. Tap it.")))
        elif step.kind == "tap":
            parts.append(tr(N_("Look at the thick frame on the screen: here it is.")))
        elif step.kind == "type" and not step.guided:
            parts.append(tr(N_("The right answer is under the field. Type it over.")))
        elif answer:
            parts.append(tr(N_("The right answer is: {answer}")).format(answer=answer))
    else:
        if not parts:
            parts.append(tr(TRY_AGAIN))
        if feedback.hint:
            parts.append(feedback.hint)
    return " ".join(parts)


def steps_sentence(count: int) -> str:
    """How long the lesson is, said before it starts."""
    return ngettext("This lesson has {count} step.", "This lesson has {count} steps.",
                    count).format(count=count)


@dataclass(frozen=True)
class StartPage:
    """What the start screen of a lesson shows: the goal first."""

    title: str
    can_do: tuple[str, ...]
    steps: str
    icon: Path | None = None


def start_page(lesson: Lesson) -> StartPage:
    return StartPage(lesson.title, lesson.can_do, steps_sentence(lesson.step_count),
                     lesson.icon)


def _escaped(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def marked_html(pieces: Sequence[Piece], link_colour: str,
                spoken: tuple[int, int] | None = None, spoken_colour: str = "") -> str:
    """Rich text for pieces of a text: glossary words bold, underlined and coloured, as
    links whose address is the word's key; `spoken` (start, length in the shown text) gets
    `spoken_colour` behind it, also when it falls inside a glossary word."""
    out: list[str] = []
    offset = 0
    for text, key in pieces:
        cuts = [0, len(text)]
        if spoken is not None:
            start, end = spoken[0] - offset, spoken[0] + spoken[1] - offset
            cuts += [max(0, min(len(text), start)), max(0, min(len(text), end))]
        cuts = sorted(set(cuts))
        inner = []
        for begin, finish in pairwise(cuts):
            part = _escaped(isolated(text[begin:finish]))
            at = offset + begin
            if spoken is not None and spoken[0] <= at < spoken[0] + spoken[1]:
                part = f'<span style="background-color:{spoken_colour};">{part}</span>'
            inner.append(part)
        joined = "".join(inner)
        if key is not None:
            joined = (f'<a href="{html.escape(key)}" style="color:{link_colour}; '
                      f'font-weight:bold; text-decoration:underline;">{joined}</a>')
        out.append(joined)
        offset += len(text)
    return "".join(out)


def word_spoken(word: str, explanation: str) -> str:
    """What Luister says in a word's window: the word, then its explanation."""
    return f"{word}. {explanation}"
