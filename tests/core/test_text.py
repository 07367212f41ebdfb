"""Text from people, files and the command line: signs nobody can see go, letters of every
script stay, and the length is capped however much comes in."""

from __future__ import annotations

import random
import unicodedata

import pytest

from oefenplek.core.text import BIDI_CONTROLS, clean_line


@pytest.mark.parametrize("raw, kept", [
    ("  Zoë  ", "Zoë"), ("Đorđe", "Đorđe"), ("محمد", "محمد"), ("李娜", "李娜"),
    ("Anne-Marie", "Anne-Marie"), ("👩‍👩‍👧 👍🏽", "👩‍👩‍👧 👍🏽"), ("می‌خواهم", "می‌خواهم"),
    ("Ann\x00a", "Anna"), ("Anna\u202etxt.exe", "Annatxt.exe"), ("\u2067محمد\u2069", "محمد"),
    ("Jan\tPiet\r\nKlaas", "Jan Piet Klaas"), ("a\u2028b\u2029c\x85d", "a b c d"),
    ("\ufeff\u200bBram\u00ad", "Bram"), ("a\x1b[31mb\x7f\x9f", "a[31mb"),
    ("e\u0301", "é"), ("x\ufffey\U0010fffez\ue000", "xyz"), ("=1+1", "=1+1"),
])
def test_signs_nobody_can_see_go_and_letters_stay(raw: str, kept: str) -> None:
    assert clean_line(raw, 80) == kept


def test_a_megabyte_is_cut_to_the_limit_without_a_space_at_the_end() -> None:
    assert clean_line("a" * 1_000_000, 40) == "a" * 40
    assert clean_line("ab " * 300_000, 40) == ("ab " * 14)[:40]
    assert clean_line("\x00" * 1_000_000 + "Anna", 40) == ""  # only the start is looked at


def test_random_text_comes_out_clean_short_and_the_same_when_cleaned_again() -> None:
    rng = random.Random(3)
    pool = [chr(code) for code in (*range(0, 0x250), *range(0x2000, 0x2070), 0x85, 0xFEFF,
                                   0xFFFE, 0xFFFF, 0xE000, 0x600, 0x627, 0x5D0, 0x4E2D,
                                   0x1F44D, 0x1F3FD, 0x200D)]
    for _ in range(500):
        raw = "".join(rng.choice(pool) for _ in range(rng.randint(0, 120)))
        cleaned = clean_line(raw, 60)
        assert len(cleaned) <= 60 and cleaned == cleaned.strip()
        assert clean_line(cleaned, 60) == cleaned
        for char in cleaned:
            assert unicodedata.category(char) not in ("Cc", "Cs", "Co", "Zl", "Zp")
            assert char not in BIDI_CONTROLS
            assert char in "\u200c\u200d" or unicodedata.category(char) != "Cf"
