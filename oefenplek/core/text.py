"""Text that people type, files bring and the command line passes, made safe to keep and show.

Names, notes and settings come from a keyboard, a paste, an import or another program. What
is kept is one line of ordinary text in any script (Zoë, Đorđe, محمد, 李雷, 👍🏽):
- control characters (C0 and C1, NUL among them) go; tabs, line breaks and other
  separators become a space;
- invisible format characters go, among them the bidi overrides and isolates (U+202A–U+202E,
  U+2066–U+2069) that can make "Anna‮txt.exe" read differently from what it is; the
  joiners that some scripts and emoji need (U+200C, U+200D) stay;
- surrogates, private-use characters and noncharacters (U+FFFE, …) go;
- spaces are tidied and the text is cut at a limit.

Exports run stored values through the same cleaning at write time, so a value that came in
before these rules (or past them, straight into the database) cannot break a file.
"""

from __future__ import annotations

import unicodedata

#: What a person may type, in characters (the database columns leave room for these).
STAFF_NAME_LENGTH = 40
LOCATION_NAME_LENGTH = 80
NOTE_LENGTH = 1000
#: A stored learner or staff name, wherever it came from (the columns hold 80).
STORED_NAME_LENGTH = 80

BIDI_CONTROLS = frozenset(chr(code) for code in (*range(0x202A, 0x202F),
                                                   *range(0x2066, 0x206A)))
JOINERS = frozenset("\u200c\u200d")  # needed by Persian, Indic scripts and emoji sequences
_SEPARATORS = frozenset("\t\n\v\f\r\x1c\x1d\x1e\x1f\x85")


def _kept(char: str) -> str:
    """The character itself, a space for a separator, or nothing for what must go."""
    if char.isprintable() or char == " ":
        return char
    if char in _SEPARATORS:
        return " "
    category = unicodedata.category(char)
    if category in ("Zl", "Zp", "Zs"):
        return " "
    if category in ("Cc", "Cs", "Co") or char in BIDI_CONTROLS:
        return ""
    if category == "Cf":
        return char if char in JOINERS else ""
    code = ord(char)
    if 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
        return ""  # noncharacters: no XML file (XLSX) may hold them
    return char  # unassigned today (Cn): may be a letter of a newer Unicode


def clean_line(raw: str, limit: int) -> str:
    """`raw` as one clean line of at most `limit` characters (see the module's rules).

    However long `raw` is, only its start is looked at: a megabyte pasted into a field
    costs no more than a long name.
    """
    start = unicodedata.normalize("NFC", raw[: limit * 4 + 64])
    return " ".join("".join(map(_kept, start)).split())[:limit].rstrip()


def export_value(value: object, limit: int) -> object:
    """A stored value as a file may hold it: text cleaned and cut, anything else as it is."""
    return clean_line(value, limit) if isinstance(value, str) else value
