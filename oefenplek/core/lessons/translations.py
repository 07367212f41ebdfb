"""Lessons in the learner's own language: gettext's `lessons` domain, one catalog per language.

The msgid of a lesson text is the Dutch text as the learner sees it (facts filled in, glossary
marks kept), so a translator uses the same workflow as for the interface (`pybabel extract`
with babel-lessons.cfg, `pybabel update --no-fuzzy-matching`) and a Dutch text that changed
simply has no translation until the translator has done it again: that step falls back to
Dutch, alone, and never shows an old translation (an old amount, an old button name).

What is translated: everything the learner reads. What is not: a `type` step's answer and
field name (the learner types what the real form asks, in Dutch), the `say` texts (how the
Dutch voice says Dutch words) and the names on the simulated screens, which stay as the real
screens show them (the translator keeps them in the translation too).

A translated glossary mark names its glossary word after a bar: `[الرابط|link]` shows
"الرابط" and opens the explanation of "link" (marks.py).
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from oefenplek import i18n
from oefenplek.core.lessons import marks
from oefenplek.core.lessons.model import Catalog, GlossaryWord, Lesson, Option, Problem, Step
from oefenplek.i18n import _

DOMAIN = "lessons"
PLACEHOLDER = re.compile(r"\{[^{}\s]+\}")


def step_texts(step: Step) -> list[str]:
    """The texts of one step a learner reads, in the order they appear."""
    texts = [step.text]
    if step.hint:
        texts.append(step.hint)
    for option in step.options:
        texts.append(option.text)
        if option.feedback:
            texts.append(option.feedback)
    texts.extend(step.items)
    return [text for text in texts if text]


def lesson_texts(lesson: Lesson) -> Iterator[tuple[str, str]]:
    """(where, text) for every text of the lesson a learner reads, titles first."""
    yield "title", lesson.title
    yield "summary", lesson.summary
    for line in lesson.can_do:
        yield "can_do", line
    for step in lesson.steps:
        for text in step_texts(step):
            yield f"step {step.number} ({step.kind})", text
    for line in lesson.recap:
        yield "recap", line
    if lesson.ending:
        yield "ending", lesson.ending


def _catalog(code: str) -> gettext.NullTranslations:
    """The lessons catalog of language `code` (read once; i18n.forget_catalogs forgets)."""
    if code == i18n.DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    return i18n.translations(code, DOMAIN)


def translation(text: str, code: str) -> str | None:
    """The translation of a Dutch lesson text into `code`, or None when there is none."""
    if not text or code == i18n.DEFAULT_LANGUAGE:
        return text
    catalog = _catalog(code)
    found = catalog.gettext(text)
    if found != text:
        return found
    # A name kept as the screen shows it ("Bibliotheek-Gast") is a translation too: the
    # catalog has it, where a text nobody translated yet is not in the catalog at all.
    return text if text in getattr(catalog, "_catalog", {}) else None


def in_language(text: str, code: str) -> str:
    """The text in `code`, or the Dutch text when it has no translation (yet)."""
    return translation(text, code) or text


def missing_steps(lesson: Lesson, code: str) -> list[int]:
    """The numbers of the steps with a text that has no translation into `code`."""
    return [step.number for step in lesson.steps
            if any(translation(text, code) is None for text in step_texts(step))]


def is_whole(lesson: Lesson, code: str) -> bool:
    """Every text of the lesson has a translation into `code`."""
    return all(translation(text, code) is not None for _where, text in lesson_texts(lesson))


def whole_lessons(catalog: Catalog, code: str) -> int:
    return sum(is_whole(lesson, code) for lesson in catalog.lessons.values())


def translated_lesson(lesson: Lesson, code: str) -> Lesson:
    """The lesson with each text in `code` where it has a translation, Dutch where not.

    The answers to type, the targets and the pictures stay as they are."""
    if code == i18n.DEFAULT_LANGUAGE:
        return lesson

    def t(text: str | None) -> str | None:
        return None if text is None else in_language(text, code)

    steps = tuple(
        replace(step, text=in_language(step.text, code), hint=t(step.hint), say=None,
                options=tuple(Option(in_language(option.text, code), option.correct,
                                     t(option.feedback), option.picture)
                              for option in step.options),
                items=tuple(in_language(item, code) for item in step.items))
        for step in lesson.steps)
    return replace(lesson, title=in_language(lesson.title, code),
                   summary=in_language(lesson.summary, code),
                   can_do=tuple(in_language(line, code) for line in lesson.can_do),
                   recap=tuple(in_language(line, code) for line in lesson.recap),
                   ending=t(lesson.ending), steps=steps)


def translated_word(word: GlossaryWord, code: str) -> GlossaryWord:
    return replace(word, explain=in_language(word.explain, code),
                   say=None if code != i18n.DEFAULT_LANGUAGE else word.say)


# --- babel extractors (babel-lessons.cfg) ------------------------------------------------

def extract_lesson(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
                   ) -> Iterator[tuple[int, None, str, list[str]]]:
    """Babel extractor for a lesson.toml: its texts as the loader makes them (facts filled
    in), each with the lesson and the step it belongs to as a comment for the translator.
    A lesson with errors gives nothing: the lesson check says what is wrong."""
    from oefenplek.core.lessons.loader import load_lesson

    folder = Path(str(getattr(fileobj, "name", ""))).resolve().parent
    lesson, _problems = load_lesson(folder)
    if lesson is None:
        return
    for where, text in lesson_texts(lesson):
        yield 0, None, text, [f"{lesson.id}: {where}"]


def extract_glossary(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
                     ) -> Iterator[tuple[int, None, str, list[str]]]:
    """Babel extractor for lessons/_woordenlijst.toml: each word's explanation."""
    from oefenplek.core.lessons.glossary import load_glossary

    root = Path(str(getattr(fileobj, "name", ""))).resolve().parent
    glossary, _problems = load_glossary(root)
    for word in dict.fromkeys(glossary.values()):
        yield 0, None, word.explain, [f"glossary: {word.word}"]


# --- what the lesson check says about translations ---------------------------------------

def coverage_lines(catalog: Catalog, code: str) -> list[str]:
    """For `oefenplek lessons check`: how many lessons are whole in `code`, and the steps
    that lack a translation in the lessons that are partly translated."""
    whole, untouched, partly = 0, 0, []
    for lesson in sorted(catalog.lessons.values(), key=lambda lesson: lesson.id):
        if is_whole(lesson, code):
            whole += 1
        elif all(translation(text, code) is None for _where, text in lesson_texts(lesson)):
            untouched += 1
        else:
            steps = ", ".join(map(str, missing_steps(lesson, code))) or "-"
            partly.append(f"  {lesson.id}: " + _("steps without a translation: {steps}")
                          .format(steps=steps))
    head = _("{language}: {whole} of {total} lessons translated, {partly} partly, {none} not "
             "yet").format(language=code, whole=whole, total=len(catalog.lessons),
                           partly=len(partly), none=untouched)
    return [head, *partly]


def translation_problems(catalog: Catalog, code: str) -> list[Problem]:
    """Translations that would break the lesson: a glossary mark of a word the glossary does
    not have, or a {placeholder} the Dutch text does not have."""
    problems = []
    file = i18n.catalog_file(code, DOMAIN)
    for lesson in catalog.lessons.values():
        for where, text in lesson_texts(lesson):
            found = translation(text, code)
            if found is None:
                continue
            unknown = [word for word in marks.marked(found) if word not in catalog.glossary]
            if unknown:
                problems.append(Problem(file, _("{lesson}, {where}: '{word}' is not in the "
                                                "glossary").format(lesson=lesson.id,
                                                                   where=where,
                                                                   word=unknown[0])))
            if set(PLACEHOLDER.findall(found)) != set(PLACEHOLDER.findall(text)):
                problems.append(Problem(file, _("{lesson}, {where}: the translation has "
                                                "other placeholders than the Dutch").format(
                                                    lesson=lesson.id, where=where)))
    return problems


def extract_themes(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
                   ) -> Iterator[tuple[int, None, str, list[str]]]:
    """Babel extractor for lessons/themes.toml: each theme's title (on the theme buttons)."""
    import tomllib

    data = tomllib.loads(fileobj.read().decode("utf-8"))
    for theme in data.get("themes", []):
        if isinstance(theme, dict) and isinstance(theme.get("title"), str):
            yield 0, None, theme["title"], [f"theme: {theme.get('id', '')}"]
