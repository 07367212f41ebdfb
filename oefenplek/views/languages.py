"""The staff's table of languages: how much of each is translated and how much is checked.

*Checked* means a person who reads the language looked at the translation (it is no longer
marked fuzzy in the catalog); machine-made translations are shown to learners all the same,
and this table says how far each language is from being trusted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from oefenplek.i18n import Completeness, Language, _, format_number


@dataclass(frozen=True)
class LanguageRow:
    code: str
    name: str  # "العربية (Arabic)"
    interface: str  # "100 %"
    checked: str  # "12 %"
    lessons: str  # "10 of 44"
    complete: bool  # interface whole and at least MOST_USED lessons


#: A language is complete with its whole interface and at least this many lessons (the most
#: used ones first).
MOST_USED = 10


def percent(part: int, whole: int) -> str:
    if whole == 0:
        return "–"
    return f"{format_number(int(100 * part / whole))} %"


def language_rows(languages: Mapping[str, Language], interface: Mapping[str, Completeness],
                  lessons: Mapping[str, int], lesson_count: int) -> list[LanguageRow]:
    """One row per language on offer. `lessons`: per language, how many lessons are fully
    translated (Dutch has them all)."""
    rows = []
    for code, language in languages.items():
        done = interface[code]
        translated = lesson_count if code == "nl" else lessons.get(code, 0)
        name = (language.name if language.name == language.english
                else f"{language.name} ({language.english})")
        rows.append(LanguageRow(
            code, name, percent(done.translated, done.total), percent(done.checked, done.total),
            _("{n} of {total}").format(n=translated, total=lesson_count),
            done.translated == done.total and translated >= min(MOST_USED, lesson_count)))
    return rows
