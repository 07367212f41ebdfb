"""The glossary (lessons/_woordenlijst.toml): words a learner can tap for a short explanation.

A lesson marks a glossary word with square brackets (`Tik op de [link].`, see marks.py).
The check finds marks of unknown words, and warns when a step uses a glossary word without
marking it, so a learner who does not know the word can always find out what it means.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from oefenplek.core.lessons.marks import key as mark_key
from oefenplek.core.lessons.model import GlossaryWord, Problem
from oefenplek.core.lessons.readability import readability_problems
from oefenplek.core.lessons.stamps import Seen
from oefenplek.i18n import _

GLOSSARY_FILE = "_woordenlijst.toml"
_WORD_KEYS: dict[str, type] = {"word": str, "forms": list, "explain": str, "picture": str,
                               "say": str}


def read_toml(file: Path, seen: Seen | None) -> tuple[dict[str, Any], list[Problem]]:
    """A shared TOML file's tables; a missing file is an empty one (the file is optional)."""
    if seen is not None:
        seen.note(file)
    try:
        return tomllib.loads(file.read_text(encoding="utf-8")), []
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return {}, [Problem(file, _("the file is not valid TOML: {error}").format(error=error))]


def load_glossary(root: Path, seen: Seen | None = None
                  ) -> tuple[dict[str, GlossaryWord], list[Problem]]:
    """The glossary keyed by each word and form in lower case, and the file's problems."""
    file = root / GLOSSARY_FILE
    data, problems = read_toml(file, seen)
    glossary: dict[str, GlossaryWord] = {}
    entries = data.get("word", [])
    if not isinstance(entries, list):
        return {}, [*problems, Problem(file, _("use [[word]] tables"), key="word")]
    for index, raw in enumerate(entries, start=1):
        where = f"word[{index}]"

        def problem(message: str, warning: bool = False, where: str = where) -> None:
            problems.append(Problem(file, message, key=where, warning=warning))

        if not isinstance(raw, dict):
            problem(_("use [[word]] tables"))
            continue
        for name, value in raw.items():
            expected = _WORD_KEYS.get(name)
            if expected is None:
                problem(_("unknown key '{name}' in a word").format(name=name))
            elif not isinstance(value, expected):
                problem(_("'{name}' should be {kind}").format(
                    name=name, kind=_("a list") if expected is list else _("a text")))
        word, explain = raw.get("word"), raw.get("explain")
        if not isinstance(word, str) or not word.strip():
            problem(_("every word needs a 'word'"))
            continue
        if not isinstance(explain, str) or not explain.strip():
            problem(_("the word '{word}' needs an 'explain' sentence").format(word=word))
            continue
        for issue in readability_problems(explain):
            problem(_("hard to read: {issue}").format(issue=issue), warning=True)
        raw_forms = raw.get("forms", [])
        forms = tuple(form.strip() for form in raw_forms if isinstance(form, str)
                      and form.strip()) if isinstance(raw_forms, list) else ()
        if isinstance(raw_forms, list) and len(forms) != len(raw_forms):
            problem(_("'forms' should be a list of texts"))
        say = raw.get("say")
        entry = GlossaryWord(word=word.strip(), forms=forms, explain=explain.strip(),
                             picture=_picture(root, raw.get("picture"), seen, problem),
                             say=say.strip() if isinstance(say, str) and say.strip() else None)
        for name in (entry.word, *entry.forms):
            if mark_key(name) in glossary:
                problem(_("'{word}' is already in the glossary").format(word=name))
            else:
                glossary[mark_key(name)] = entry
    return glossary, problems


def _picture(root: Path, name: Any, seen: Seen | None, problem: Any) -> Path | None:
    if not isinstance(name, str) or not name.strip():
        return None
    path = (root / name).resolve()
    if seen is not None:
        seen.note(path)
    if not path.is_relative_to(root.resolve()):
        problem(_("'{name}' points outside the lessons folder").format(name=name))
        return None
    if not path.is_file():
        problem(_("the file '{name}' does not exist").format(name=name))
        return None
    return path


def finder(words: list[str]) -> re.Pattern[str] | None:
    """One pattern that finds any of these words or phrases as a whole word, in any case.

    A hyphen counts as part of a word: "wifi-wachtwoord" is not a use of "wachtwoord".
    """
    if not words:
        return None
    ordered = sorted(set(words), key=len, reverse=True)  # the longest form wins
    alternatives = "|".join(r"\s+".join(map(re.escape, word.split())) for word in ordered)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
