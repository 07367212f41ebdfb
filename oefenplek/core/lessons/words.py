"""The words lessons share: the glossary and the list of words to avoid (lessons/_taal.toml).

Learners meet the same word for the same thing in every lesson: "vrijwilliger", never
"begeleider" in one lesson and "docent" in the next; "tik" on a tablet or phone and "klik"
on a computer with a mouse, never both in one lesson.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from oefenplek.core.lessons.glossary import finder, load_glossary, read_toml
from oefenplek.core.lessons.marks import key as mark_key
from oefenplek.core.lessons.model import GlossaryWord, Problem
from oefenplek.core.lessons.stamps import Seen
from oefenplek.i18n import _

LANGUAGE_FILE = "_taal.toml"
_AVOID_KEYS = {"word", "use", "forms"}

#: Forms of "tikken" (tablet, phone) and of "klikken" (computer with a mouse).
TAP_WORDS = re.compile(r"(?<![\w-])(?:aan|in|weg)?(?:ge)?tik(?:t|te|ten|ken)?(?![\w-])",
                       re.IGNORECASE)
CLICK_WORDS = re.compile(
    r"(?<![\w-])(?:aan|dubbel|weg)?(?:ge)?klik(?:t|te|ten|ken)?(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True)
class Avoid:
    """A word lessons do not use, and the word they use instead."""

    word: str
    use: str
    forms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Words:
    """The glossary (keyed by every form, lower case) and the words to avoid."""

    glossary: dict[str, GlossaryWord] = field(default_factory=dict)
    avoid: tuple[Avoid, ...] = ()

    @cached_property
    def _glossary_finder(self) -> re.Pattern[str] | None:
        return finder(list(self.glossary))

    @cached_property
    def _avoid_finder(self) -> re.Pattern[str] | None:
        return finder([form for entry in self.avoid for form in (entry.word, *entry.forms)])

    def glossary_uses(self, text: str) -> list[tuple[str, GlossaryWord]]:
        """(the word as written, its entry) for every glossary word or form in the text."""
        if self._glossary_finder is None:
            return []
        return [(found.group(0), self.glossary[mark_key(found.group(0))])
                for found in self._glossary_finder.finditer(text)]

    def avoided(self, text: str) -> list[tuple[str, Avoid]]:
        """(the word as written, its entry) for every avoided word in the text."""
        if self._avoid_finder is None:
            return []
        by_form = {mark_key(form): entry for entry in self.avoid
                   for form in (entry.word, *entry.forms)}
        return [(found.group(0), by_form[mark_key(found.group(0))])
                for found in self._avoid_finder.finditer(text)]


def load_words(root: Path, seen: Seen | None = None) -> tuple[Words, list[Problem]]:
    """The glossary and the words to avoid of a lessons folder, with their files' problems."""
    glossary, problems = load_glossary(root, seen)
    file = root / LANGUAGE_FILE
    data, found = read_toml(file, seen)
    problems.extend(found)
    avoid: list[Avoid] = []
    entries = data.get("avoid", [])
    for index, raw in enumerate(entries if isinstance(entries, list) else [], start=1):
        where = f"avoid[{index}]"
        if not isinstance(raw, dict):
            problems.append(Problem(file, _("use [[avoid]] tables"), key=where))
            continue
        for name in sorted(set(raw) - _AVOID_KEYS):
            problems.append(Problem(file, _("unknown key '{name}' in an avoided word").format(
                name=name), key=where))
        word, use, forms = raw.get("word"), raw.get("use"), raw.get("forms", [])
        if not (isinstance(word, str) and word.strip() and isinstance(use, str) and use.strip()
                and isinstance(forms, list) and all(isinstance(f, str) for f in forms)):
            problems.append(Problem(file, _(
                "an avoided word needs 'word' and 'use' (texts) and may have 'forms' "
                "(a list of texts)"), key=where))
            continue
        avoid.append(Avoid(word.strip(), use.strip(),
                           tuple(form.strip() for form in forms if form.strip())))
    if not isinstance(entries, list):
        problems.append(Problem(file, _("use [[avoid]] tables"), key="avoid"))
    return Words(glossary, tuple(avoid)), problems
