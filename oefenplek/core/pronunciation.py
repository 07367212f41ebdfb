"""Say words the way a person would: 'DigiD' is read as 'Die-zjie-dee', not 'Die-gied'.

Each language keeps one list in locales/<lang>/pronunciation.toml, instead of a `say` in
every step that mentions DigiD.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from pathlib import Path


def load_pronunciations(file: Path) -> dict[str, str]:
    """Written word -> how to say it. A missing or broken list means: say words as written."""
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}
    words = data.get("words", {})
    return {str(k): str(v) for k, v in words.items() if isinstance(v, str)}


def _pattern(pronunciations: dict[str, str]) -> re.Pattern[str]:
    ordered = sorted(pronunciations, key=len, reverse=True)

    def one(word: str) -> str:
        # Words are matched whole; a sign such as "@" is said wherever it stands.
        if re.search(r"\w", word):
            return r"(?<![\w-])" + re.escape(word) + r"(?![\w-])"
        return re.escape(word)

    return re.compile("(" + "|".join(one(word) for word in ordered) + ")", re.IGNORECASE)


def speakable(text: str, pronunciations: dict[str, str]) -> str:
    """The text with every listed word (as a whole word, any case) replaced by its spelling."""
    return SpokenText.of(text, pronunciations).spoken


class SpokenText:
    """A text as it is said, with a way back from a place in the spoken words to the text.

    The speech engine reports which word it says in the *spoken* text; the screen marks
    that word in the *written* text, so 'Die-zjie-dee' lights up 'DigiD'.
    """

    def __init__(self, spoken: str, pieces: list[tuple[int, int, int, int]]) -> None:
        self.spoken = spoken
        self._pieces = pieces  # (spoken start, spoken end, written start, written end)

    @classmethod
    def of(cls, text: str, pronunciations: dict[str, str]) -> SpokenText:
        if not pronunciations:
            return cls(text, [])
        lookup = {word.casefold(): spoken for word, spoken in pronunciations.items()}
        parts: list[str] = []
        pieces: list[tuple[int, int, int, int]] = []
        written = said = 0
        for match in _pattern(pronunciations).finditer(text):
            parts.append(text[written:match.start()])
            said += match.start() - written
            replacement = lookup[match.group(1).casefold()]
            pieces.append((said, said + len(replacement), match.start(), match.end()))
            parts.append(replacement)
            said += len(replacement)
            written = match.end()
        parts.append(text[written:])
        return cls("".join(parts), pieces)

    def written_span(self, start: int, length: int) -> tuple[int, int]:
        """Where the spoken word at `start` stands in the written text: (start, length)."""
        shift = 0
        for said_start, said_end, written_start, written_end in self._pieces:
            if start < said_start:
                break
            if start < said_end:
                return written_start, written_end - written_start
            shift += (written_end - written_start) - (said_end - said_start)
        return start + shift, length


def word_at(text: str, position: int) -> tuple[int, int]:
    """The written word at `position`: (start, length), (position, 0) on a space.

    A word runs from space to space, without the punctuation around it ("DigiD-app." is
    "DigiD-app"), so a word a voice says in parts ("112" as "honderd twaalf") is one mark.
    """
    if not 0 <= position < len(text) or text[position].isspace():
        return position, 0
    start = position
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = position
    while end < len(text) and not text[end].isspace():
        end += 1
    inner_start, inner_end = start, end
    while inner_start < inner_end and _punctuation(text[inner_start]):
        inner_start += 1
    while inner_end > inner_start and _punctuation(text[inner_end - 1]):
        inner_end -= 1
    if inner_start == inner_end:  # only signs, such as "-": the whole of it
        return start, end - start
    return inner_start, inner_end - inner_start


def _punctuation(char: str) -> bool:
    """Signs around a word that are no part of it; an apostrophe is ('s Avonds)."""
    return unicodedata.category(char).startswith("P") and char not in "'’"
