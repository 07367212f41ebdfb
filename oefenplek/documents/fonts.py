"""The shipped fonts (assets/fonts, SIL Open Font License), registered once for reportlab.

Noto Sans reads calmly and covers Latin with accents, Greek and Cyrillic; Noto Sans Arabic
covers Arabic. TrueType fonts are always embedded (as subsets) in the PDF.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# reportlab ships no type hints and types-reportlab is not a dev dependency: import-untyped.
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]

from oefenplek import paths

FONT_FILES = {
    "Sans": "NotoSans-Regular.ttf",
    "Sans-Bold": "NotoSans-Bold.ttf",
    "Arabic": "NotoSansArabic-Regular.ttf",
    "Arabic-Bold": "NotoSansArabic-Bold.ttf",
}


@lru_cache(maxsize=1)
def register_fonts() -> None:
    for name, file in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(paths.asset("fonts", file))))


def font_for(text: str, bold: bool = False) -> str:
    """The first shipped font that has every letter of the text."""
    register_fonts()
    for family in ("Sans", "Arabic"):
        name = f"{family}-Bold" if bold else family
        covered = pdfmetrics.getFont(name).face.charToGlyph
        if all(ord(char) in covered or char.isspace() for char in text):
            return name
    return "Sans-Bold" if bold else "Sans"


def is_rtl(text: str) -> bool:
    """True when the first letter with a direction is written right to left."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False
