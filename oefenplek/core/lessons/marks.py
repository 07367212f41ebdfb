"""Glossary marks in lesson text: `Tik op de [link].` marks "link" as a word a learner can tap.

The player shows a marked word so it stands out and opens its explanation when tapped;
read-aloud and every plain use of the text drop the brackets.
"""

from __future__ import annotations

import re

#: A mark: one or more characters between square brackets, on one line, no brackets inside.
MARK = re.compile(r"\[([^\[\]\n]+)\]")


def key(word: str) -> str:
    """The glossary key of a marked word: lower case, single spaces. In a translation the
    mark names its Dutch glossary word after a bar: `[الرابط|link]` has the key "link"."""
    if "|" in word:
        word = word.rsplit("|", 1)[1]
    return " ".join(word.split()).lower()


def shown(word: str) -> str:
    """What a mark shows: the word itself, or in a translation the part before the bar."""
    return word.rsplit("|", 1)[0] if "|" in word else word


def segments(text: str) -> list[tuple[str, str | None]]:
    """The text in pieces: (plain text, None) and (marked word, its glossary key).

    `"Open de [Links]."` gives `[("Open de ", None), ("Links", "links"), (".", None)]`.
    """
    pieces: list[tuple[str, str | None]] = []
    start = 0
    for found in MARK.finditer(text):
        if found.start() > start:
            pieces.append((text[start:found.start()], None))
        pieces.append((shown(found.group(1)), key(found.group(1))))
        start = found.end()
    if start < len(text):
        pieces.append((text[start:], None))
    return pieces


def plain(text: str) -> str:
    """The text without the brackets of its marks, as read-aloud says it."""
    return MARK.sub(lambda found: shown(found.group(1)), text)


def marked(text: str) -> list[str]:
    """The glossary keys marked in the text, in order."""
    return [key(found.group(1)) for found in MARK.finditer(text)]
