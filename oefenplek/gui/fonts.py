"""The app's letters: Noto Sans, shipped in assets/fonts, on every computer the same.

Registered with Qt once at start, made the application font (with Noto Sans Arabic behind it
for names in Arabic script), and put in for the generic families a drawing may name
(`sans-serif`), so the simulated SVG screens are drawn in the same letters as the words
beside them, also on a computer that has no Noto Sans of its own.

Qt's SVG renderer takes a list such as `font-family="Noto Sans, DejaVu Sans, sans-serif"` as
the name of one family, which no computer has; `fit_svg_fonts` tells Qt that this name means
the families in it, so the first of them that is there (the shipped Noto Sans) is used.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from oefenplek import paths

FAMILY = "Noto Sans"
FALLBACK = "Noto Sans Arabic"
#: A font-family in an SVG: as an attribute (either quote) or in a style.
SVG_FAMILY = re.compile(r"""font-family\s*=\s*"([^"]*)"|font-family\s*=\s*'([^']*)'"""
                        r"""|font-family\s*:\s*([^;"<}]*)""")
_fitted: set[str] = set()

#: Family names an SVG may use that should be drawn in the app's letters when the computer
#: does not have them (Qt looks at a substitute only for a family it cannot find).
GENERIC = ("sans-serif", "Sans Serif", "sans", "system-ui", "Arial", "Helvetica")


@lru_cache(maxsize=1)
def load_shipped_fonts() -> tuple[str, ...]:
    """Register every font file in assets/fonts; the families Qt found in them."""
    families: list[str] = []
    for file in sorted(paths.asset("fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(file))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return tuple(dict.fromkeys(families))


def use_shipped_fonts() -> None:
    """Make Noto Sans the font of the whole app and of the SVG screens' generic families."""
    families = load_shipped_fonts()
    if FAMILY not in families:
        return  # a broken install: Qt's own choice is better than nothing
    for generic in GENERIC:
        if FAMILY not in QFont.substitutes(generic):
            QFont.insertSubstitution(generic, FAMILY)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        font = QFont(app.font())
        font.setFamilies([FAMILY, *([FALLBACK] if FALLBACK in families else [])])
        app.setFont(font)


def fit_svg_fonts(data: bytes) -> None:
    """Make the family lists an SVG names findable, before Qt draws it (see above)."""
    text = data.decode("utf-8", errors="ignore")
    for groups in SVG_FAMILY.findall(text):
        value = "".join(groups).strip()
        if value in _fitted or "," not in value:
            continue
        _fitted.add(value)
        # The name Qt looks for: the value, without a quote at both ends (as Qt reads it).
        name = value[1:-1] if value[:1] in "'\"" else value
        families = [part.strip().strip("'\"") for part in value.split(",")]
        wanted = [family for family in families if family] + [FAMILY]
        QFont.insertSubstitutions(name, list(dict.fromkeys(wanted)))
