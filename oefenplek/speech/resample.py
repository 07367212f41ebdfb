"""The built-in voice's sound (16-bit mono, 22050 Hz) in the form a sound card asks for.

Used only when the sound output does not take the voice's own form: linear interpolation
to the card's rate, the same sample on every channel, in the card's sample format.
"""

from __future__ import annotations

import struct
from array import array
from collections.abc import Callable

from oefenplek.speech.espeak import SAMPLE_RATE


def _whole(low: int, high: int) -> Callable[[float], float]:
    middle, size = (low + high + 1) // 2, (high - low + 1) // 2
    return lambda x: min(max(round(x * size) + middle, low), high)


#: Qt's QAudioFormat.SampleFormat names, to a struct code and how to turn -1.0..1.0 into it.
_FORMATS: dict[str, tuple[str, Callable[[float], float]]] = {
    "Int16": ("h", _whole(-32768, 32767)),
    "Int32": ("i", _whole(-2147483648, 2147483647)),
    "Float": ("f", lambda x: x),
    "UInt8": ("B", _whole(0, 255)),
}


class Converter:
    """Converts piece after piece; a piece's last sample is kept to join the next one."""

    def __init__(self, rate: int, channels: int, sample_format: str) -> None:
        if sample_format not in _FORMATS:
            raise ValueError(f"unknown sample format {sample_format}")
        self.rate, self.channels = rate, max(channels, 1)
        self._code, self._scale = _FORMATS[sample_format]
        self._step = SAMPLE_RATE / rate  # input samples per output sample
        self._position = 0.0  # where the next output sample falls, from self._last
        self._last = 0.0

    def __call__(self, sound: bytes) -> bytes:
        samples = array("h", sound)
        values = [self._last, *(sample / 32768 for sample in samples)]
        out = []
        position, step, scale = self._position, self._step, self._scale
        while position <= len(values) - 1:
            index = int(position)
            before = values[index]
            after = values[index + 1] if index + 1 < len(values) else before
            value = before + (after - before) * (position - index)
            out.extend([scale(value)] * self.channels)
            position += step
        self._position = position - (len(values) - 1)
        self._last = values[-1]
        return struct.pack(f"<{len(out)}{self._code}", *out)
