"""How a learner with their own language reads a lesson: which language the buttons speak,
which language the lesson's text is in, and whether a second line in their own language
stands under the Dutch. Plain functions, no Qt.

The forms a learner practises (DigiD, the gemeente) stay Dutch in real life, so Dutch is
never hidden unless the learner chooses so: by default a learner whose language is not
Dutch reads the Dutch text with their own language under it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from oefenplek import i18n
from oefenplek.core.learners import DUTCH_ONLY, OWN_ONLY
from oefenplek.core.lessons.model import Lesson
from oefenplek.core.lessons.translations import translated_lesson, translation

#: Unicode's isolates: a run of Dutch (or digits) inside Arabic text keeps its own order
#: ("Typ: Hoi Sanne, hoe gaat het?" must not become "?Hoi Sanne, hoe gaat het").
LTR_ISOLATE, POP_ISOLATE = "\u2066", "\u2069"


@dataclass(frozen=True)
class Reading:
    """`interface`: the language of buttons and messages; `lesson`: the language of a
    lesson's first line; `second`: the language of the line under it, or None."""

    interface: str
    lesson: str
    second: str | None = None

    @property
    def two_lines(self) -> bool:
        return self.second is not None

    @property
    def lesson_language(self) -> str | None:
        """The language of a lesson's texts when it is not the interface's (else None)."""
        return self.lesson if self.lesson != self.interface else None

    def shown(self, lesson: Lesson) -> Lesson:
        """The lesson as this learner reads it: in their language (only my language), or
        Dutch (side by side and only Dutch, where the second line comes on top)."""
        return translated_lesson(lesson, self.lesson)

    def second_of(self, text: str | None) -> str | None:
        """`text` (Dutch) in the learner's language for the line under it, if translated."""
        if text is None or self.second is None:
            return None
        return translation(text, self.second)

    def step_language(self, original: Lesson | None, position: int) -> str | None:
        """The language a step's text is shown in: the learner's own, or Dutch where that
        step has no translation yet (so the Dutch voice reads it); None: the interface's.
        `original`: the Dutch lesson."""
        language = self.lesson
        if language != i18n.DEFAULT_LANGUAGE and original is not None \
                and translation(original.steps[position].text, language) is None:
            language = i18n.DEFAULT_LANGUAGE
        return language if language != self.interface else None


def reading(language: str, mode: str) -> Reading:
    """How a learner with `language` and `mode` (core.learners) reads."""
    dutch = i18n.DEFAULT_LANGUAGE
    if language not in i18n.languages() or language == dutch or mode == DUTCH_ONLY:
        return Reading(dutch, dutch)
    if mode == OWN_ONLY:
        return Reading(language, language)
    return Reading(language, dutch, language)


#: A run of left-to-right text: it starts and ends with a Latin letter or a digit and may
#: hold spaces, punctuation and symbols in between (but no right-to-left letter).
_LTR_RUN = re.compile(r"[0-9A-Za-zÀ-ɏ€@][^\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff()\"]*"
                      r"[0-9A-Za-zÀ-ɏ?!%]|[0-9A-Za-zÀ-ɏ]")


def isolated(text: str) -> str:
    """Right-to-left text with each run of Dutch, digits or an address isolated, so it is
    shown in its own order; left-to-right text is returned as it is."""
    if not any(unicodedata.bidirectional(char) in ("R", "AL") for char in text):
        return text
    return _LTR_RUN.sub(lambda found: LTR_ISOLATE + found.group(0) + POP_ISOLATE, text)


def plain(text: str) -> str:
    """The text without the isolates (for read-aloud and for tests that read the screen)."""
    return text.replace(LTR_ISOLATE, "").replace(POP_ISOLATE, "")
