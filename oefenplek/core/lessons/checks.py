"""Checks over a whole lesson: the *Nu zelf* part at its end, and the words it uses.

A lesson ends with steps the learner does alone (guided = false), so they leave knowing they
can do it without being told where to tap. Words: glossary marks must name glossary words,
a glossary word used without a mark is a warning, avoided words and a tik/klik mix-up are
errors. Text in double quotes ("Klik hier" in a scam message) quotes a screen or message and
is not held to the word rules.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from oefenplek.core.lessons.collect import Collector
from oefenplek.core.lessons.marks import marked, plain
from oefenplek.core.lessons.model import Step
from oefenplek.core.lessons.words import CLICK_WORDS, TAP_WORDS, Words
from oefenplek.i18n import _

#: Kinds whose answers the learner taps or types on a simulated screen.
SCREEN_KINDS = ("tap", "type")
#: Keys whose texts may hold glossary marks; tiles, certificates and field labels cannot.
MARKABLE = frozenset({"text", "hint", "recap", "options"})
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|„[^”\"]*[”\"]|‘[^’]*’")


def step_texts(step: Step) -> Iterator[tuple[str, str]]:
    """(key, text) for every text of a step the learner sees or hears."""
    yield "text", step.text
    for key, value in (("say", step.say), ("hint", step.hint), ("field", step.field_label)):
        if value:
            yield key, value
    for index, option in enumerate(step.options, start=1):
        yield f"options[{index}]", option.text
        if option.feedback:
            yield f"options[{index}]", option.feedback
    for item in step.items:
        yield "items", item


def nu_zelf(steps: list[Step], out: Collector) -> None:
    """The lesson ends with a Nu zelf part, and a third of its screen steps are unguided."""
    answered = [step for step in steps if step.is_answered]
    if not answered:
        out.at(None, None).error(_(
            "a lesson needs a Nu zelf part: end with a choose or order step the learner does "
            "alone (guided = false)"), "steps")
        return
    last = answered[-1]
    if last.guided:
        out.at(last.number, last.kind).error(_(
            "the lesson must end with a Nu zelf part: make its last tap, type, choose or order "
            "step unguided (guided = false)"), "guided")
    on_screen = [step for step in steps if step.kind in SCREEN_KINDS]
    need = math.ceil(len(on_screen) / 3)
    alone = sum(not step.guided for step in on_screen)
    if alone < need:
        out.at(None, None).error(_(
            "{alone} of {total} tap and type steps are unguided; make at least {need} of them "
            "Nu zelf steps (guided = false)").format(
                alone=alone, total=len(on_screen), need=need), "steps")


def words(lesson_texts: list[tuple[str, str]], steps: list[Step], device: str, known: Words,
          out: Collector) -> None:
    """Glossary marks, unmarked glossary words, avoided words and tik/klik in every text."""
    out.at(None, None)
    for key, text in lesson_texts:
        _check_text(key, text, device, known, out)
    for step in steps:
        out.at(step.number, step.kind)
        texts = list(step_texts(step))
        for key, text in texts:
            _check_text(key, text, device, known, out)
        _unmarked(step, known, out)
    out.at(None, None)


def _base_key(key: str) -> str:
    return key.split("[", 1)[0]


def _check_text(key: str, text: str, device: str, known: Words, out: Collector) -> None:
    for name in marked(text):
        if _base_key(key) not in MARKABLE:
            out.error(_("mark glossary words only in a step's text or hint, not here: "
                        "'[{word}]'").format(word=name), key)
        elif name not in known.glossary:
            out.error(_("'[{word}]' is not in the glossary (lessons/_woordenlijst.toml)").format(
                word=name), key)
    unquoted = _QUOTED.sub(" ", plain(text))
    for word, entry in known.avoided(unquoted):
        out.error(_("avoid the word '{word}': use '{use}'").format(word=word, use=entry.use), key)
    if device == "computer":
        for found in TAP_WORDS.finditer(unquoted):
            out.error(_("this lesson is on a computer: say klik (mouse) or typ (keyboard), "
                        "not '{word}'").format(word=found.group(0)), key)
    else:
        for found in CLICK_WORDS.finditer(unquoted):
            out.error(_("this lesson is on a tablet or phone: say tik, not '{word}' (a lesson "
                        "on a computer has device = \"computer\")").format(word=found.group(0)),
                      key)


def _unmarked(step: Step, known: Words, out: Collector) -> None:
    """Warn once per glossary word a step uses in its text or hint without marking it."""
    texts = [("text", step.text)] + ([("hint", step.hint)] if step.hint else [])
    marked_words = {known.glossary[name].word for _key, text in texts for name in marked(text)
                    if name in known.glossary}
    warned: set[str] = set()
    for key, text in texts:
        for written, entry in known.glossary_uses(_QUOTED.sub(" ", plain(text))):
            if entry.word in marked_words or entry.word in warned:
                continue
            warned.add(entry.word)
            out.warn(_("'{word}' is in the glossary: mark it once in this step, as [{word}]"
                       ).format(word=written), key)
