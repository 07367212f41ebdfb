"""The voice's sound for a sound card that wants another form (Windows often: 48 kHz stereo)."""

from __future__ import annotations

import struct
from array import array

import pytest

from oefenplek.speech.espeak import SAMPLE_RATE
from oefenplek.speech.resample import Converter


def test_a_rising_line_stays_a_rising_line_at_twice_the_rate_in_stereo_floats() -> None:
    convert = Converter(SAMPLE_RATE * 2, 2, "Float")
    first = convert(array("h", range(0, 10000, 100)).tobytes())
    second = convert(array("h", range(10000, 20000, 100)).tobytes())
    values = struct.unpack(f"<{(len(first) + len(second)) // 4}f", first + second)
    left, right = values[0::2], values[1::2]
    assert left == right
    assert len(left) == pytest.approx(400, abs=2)
    assert list(left) == sorted(left) and left[-1] == pytest.approx(19900 / 32768, abs=1e-3)


@pytest.mark.parametrize(("name", "code", "loud"), [
    ("Int16", "h", 32767), ("Int32", "i", 32767 * 65536), ("UInt8", "B", 255)])
def test_each_sample_format(name: str, code: str, loud: int) -> None:
    convert = Converter(SAMPLE_RATE, 1, name)
    out = convert(array("h", [32767] * 10).tobytes())
    values = struct.unpack(f"<{len(out) // struct.calcsize(code)}{code}", out)
    assert values[-1] == loud


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="Unknown"):
        Converter(SAMPLE_RATE, 1, "Unknown")
