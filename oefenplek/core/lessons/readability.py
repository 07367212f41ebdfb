"""A plain-language check for lesson text: short sentences, few of them per step.

Learners read word for word; B1 Dutch means about 10 words per sentence. We warn at more
than 15 words in a sentence or more than 3 sentences on one step.
"""

from __future__ import annotations

import re

from oefenplek.i18n import _

MAX_WORDS = 15
MAX_SENTENCES = 3

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9À-ÖØ-Þ'\"‘“(])")
_WORD = re.compile(r"[\w'’-]+")


def sentences(text: str) -> list[str]:
    parts = _SENTENCE_END.split(" ".join(text.split()))
    return [part for part in parts if _WORD.search(part)]


def word_count(sentence: str) -> int:
    return len(_WORD.findall(sentence))


def readability_problems(text: str) -> list[str]:
    """Plain descriptions of what makes this text hard to read (empty when fine)."""
    found = []
    parts = sentences(text)
    if len(parts) > MAX_SENTENCES:
        found.append(_("{n} sentences; keep it to {most} or fewer").format(
            n=len(parts), most=MAX_SENTENCES))
    for sentence in parts:
        words = word_count(sentence)
        if words > MAX_WORDS:
            found.append(_("a sentence of {n} words (over {most}): '{sentence}'").format(
                n=words, most=MAX_WORDS, sentence=sentence))
    return found
