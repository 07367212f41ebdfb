"""Say words the way a person would: 'DigiD' is read as 'Die-zjie-dee', not 'Die-gied'.

Each language keeps one list in locales/<lang>/pronunciation.toml, instead of a `say` in
every step that mentions DigiD.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path


def load_pronunciations(file: Path) -> dict[str, str]:
    """Written word -> how to say it. A missing or broken list means: say words as written."""
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}
    words = data.get("words", {})
    return {str(k): str(v) for k, v in words.items() if isinstance(v, str)}


def speakable(text: str, pronunciations: dict[str, str]) -> str:
    """The text with every listed word (as a whole word, any case) replaced by its spelling."""
    if not pronunciations:
        return text
    ordered = sorted(pronunciations, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w-])(" + "|".join(re.escape(word) for word in ordered) + r")(?![\w-])",
        re.IGNORECASE,
    )
    lookup = {word.casefold(): spoken for word, spoken in pronunciations.items()}
    return pattern.sub(lambda match: lookup[match.group(1).casefold()], text)
