"""A small ctypes binding to eSpeak NG: text in, 16-bit PCM samples and word positions out.

eSpeak NG is initialised once in synchronous (retrieval) mode: espeak_Synth calls our
callback with each piece of sound and the events in it, on the calling thread, and returns
when the text is said. It keeps its state in globals, so every call holds one lock.

The library and its voice data come from the `espeakng_loader` wheel (Linux, Windows,
macOS), so nothing needs to be installed on the computer. OEFENPLEK_ESPEAK_LIBRARY names
another library file to load instead (the tests use it to break the voice on purpose).
"""

from __future__ import annotations

import ctypes
import logging
import os
import threading
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

SAMPLE_RATE = 22050  # what eSpeak NG makes: mono, 16 bit
#: Words per minute for the learner's two speeds (eSpeak's own default is 175).
RATES = {False: 150, True: 110}
#: The languages the app speaks, to the eSpeak NG voice that says them.
VOICES = {"nl": "nl", "en": "en", "ar": "ar", "tr": "tr", "uk": "uk", "pl": "pl"}
CHUNK_MS = 60  # sound per callback: small, so the first piece is there quickly

# speak_lib.h
_AUDIO_OUTPUT_SYNCHRONOUS = 2
_INITIALIZE_DONT_EXIT = 0x8000
_EVENT_LIST_TERMINATED, _EVENT_WORD = 0, 1
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_PHONEMES_IPA = 0x02
_RATE, _VOLUME = 1, 2
_EE_OK = 0


class _EventId(ctypes.Union):
    _fields_ = [("number", ctypes.c_int), ("name", ctypes.c_char_p),
                ("string", ctypes.c_char * 8)]


class _Event(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("unique_identifier", ctypes.c_uint),
                ("text_position", ctypes.c_int), ("length", ctypes.c_int),
                ("audio_position", ctypes.c_int), ("sample", ctypes.c_int),
                ("user_data", ctypes.c_void_p), ("id", _EventId)]


class _VoiceSpec(ctypes.Structure):
    _fields_ = [("name", ctypes.c_char_p), ("languages", ctypes.c_char_p),
                ("identifier", ctypes.c_char_p), ("gender", ctypes.c_ubyte),
                ("age", ctypes.c_ubyte), ("variant", ctypes.c_ubyte),
                ("xx1", ctypes.c_ubyte), ("score", ctypes.c_int), ("spare", ctypes.c_void_p)]


LOGGER = logging.getLogger(__name__)

_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int,
                             ctypes.POINTER(_Event))


class SpeechError(RuntimeError):
    """The built-in voice cannot speak (library or voice data missing or broken)."""


@dataclass(frozen=True)
class Word:
    """A word eSpeak said: where it stands in the text (characters) and where its sound
    starts (a sample number from the start of the speech)."""

    start: int
    length: int
    sample: int


@dataclass
class Speech:
    """What a text sounds like: mono 16-bit samples at SAMPLE_RATE, and its words."""

    samples: array[int] = field(default_factory=lambda: array("h"))
    words: list[Word] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return len(self.samples) / SAMPLE_RATE


#: Called with each new piece of sound and the words whose sound starts in it; returning
#: True stops the speech.
OnChunk = Callable[["array[int]", list[Word]], bool]

_lock = threading.RLock()
_library: ctypes.CDLL | None = None


def library_files() -> tuple[Path, Path]:
    """The eSpeak NG library and its espeak-ng-data folder, as shipped by espeakng_loader."""
    try:
        import espeakng_loader  # type: ignore[import-untyped]  # the wheel has no py.typed
    except ImportError as error:
        raise SpeechError(f"espeakng-loader is not installed ({error})") from error
    library = Path(os.environ.get("OEFENPLEK_ESPEAK_LIBRARY")
                   or espeakng_loader.get_library_path())
    data = Path(espeakng_loader.__file__).parent / "espeak-ng-data"
    return library, data


def _load() -> ctypes.CDLL:
    """The library, initialised once (under the lock)."""
    global _library
    if _library is not None:
        return _library
    library_path, data = library_files()
    if not data.is_dir():
        raise SpeechError(f"the voice data is missing: {data}")
    try:
        lib = ctypes.CDLL(str(library_path))
    except OSError as error:
        raise SpeechError(f"eSpeak NG could not be loaded: {error}") from error
    lib.espeak_Initialize.restype = ctypes.c_int
    lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
    lib.espeak_SetSynthCallback.restype = None
    lib.espeak_SetSynthCallback.argtypes = [_CALLBACK]
    lib.espeak_Synth.restype = ctypes.c_int
    lib.espeak_Synth.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
                                 ctypes.c_uint, ctypes.c_uint,
                                 ctypes.POINTER(ctypes.c_uint), ctypes.c_void_p]
    lib.espeak_SetParameter.restype = ctypes.c_int
    lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
    lib.espeak_SetVoiceByProperties.restype = ctypes.c_int
    lib.espeak_SetVoiceByProperties.argtypes = [ctypes.POINTER(_VoiceSpec)]
    lib.espeak_TextToPhonemes.restype = ctypes.c_char_p
    lib.espeak_TextToPhonemes.argtypes = [ctypes.POINTER(ctypes.c_char_p), ctypes.c_int,
                                          ctypes.c_int]
    lib.espeak_Info.restype = ctypes.c_char_p
    lib.espeak_Info.argtypes = [ctypes.POINTER(ctypes.c_char_p)]
    rate = lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, CHUNK_MS,
                                 os.fsencode(data), _INITIALIZE_DONT_EXIT)
    if rate != SAMPLE_RATE:
        raise SpeechError(f"eSpeak NG did not start (data in {data}, answer {rate})")
    lib.espeak_SetSynthCallback(_on_sound)
    _library = lib
    return lib


# The one callback eSpeak calls; it hands each piece to the synthesis running now.
_current: Callable[[ctypes.Array[ctypes.c_short] | None, int, list[tuple[int, int, int]]],
                   bool] | None = None


@_CALLBACK  # type: ignore[untyped-decorator]  # ctypes' CFUNCTYPE is untyped in typeshed
def _on_sound(wave: ctypes._Pointer[ctypes.c_short], count: int,
              events: ctypes._Pointer[_Event]) -> int:
    found: list[tuple[int, int, int]] = []
    index = 0
    while events[index].type != _EVENT_LIST_TERMINATED:
        event = events[index]
        if event.type == _EVENT_WORD:
            found.append((event.text_position, event.length, event.audio_position))
        index += 1
    piece = (ctypes.c_short * count).from_address(ctypes.addressof(wave.contents)) \
        if count > 0 and wave else None
    handler = _current
    try:
        return 1 if handler is not None and handler(piece, count, found) else 0
    except Exception:  # an error may not cross into C: stop this text, say why
        LOGGER.exception("Reading aloud stopped")
        return 1


def version() -> str:
    """eSpeak NG's version, such as '1.52.0'."""
    with _lock:
        lib = _load()
        info = lib.espeak_Info(None)
    return info.decode("utf-8", "replace") if info else "?"


def _set_voice(lib: ctypes.CDLL, language: str, slow: bool) -> None:
    name = VOICES.get(language.split("_")[0].lower(), language)
    spec = _VoiceSpec(languages=name.encode("ascii"))
    if lib.espeak_SetVoiceByProperties(ctypes.byref(spec)) != _EE_OK:
        raise SpeechError(f"eSpeak NG has no voice for '{language}'")
    lib.espeak_SetParameter(_RATE, RATES[slow], 0)
    lib.espeak_SetParameter(_VOLUME, 100, 0)


def synthesize(text: str, language: str = "nl", slow: bool = False,
               on_chunk: OnChunk | None = None) -> Speech:
    """Say `text` in the language's voice; all its samples and words.

    `on_chunk` gets each piece as soon as it is made (to start playing before the whole
    text is done) and stops the speech by returning True. Word positions are characters
    of `text`, from 0.
    """
    global _current
    speech = Speech()
    if not text.strip():
        return speech
    encoded = text.encode("utf-8") + b"\0"
    # eSpeak counts positions in characters, from 1.
    stopped = False

    def handle(piece: ctypes.Array[ctypes.c_short] | None, count: int,
               found: list[tuple[int, int, int]]) -> bool:
        nonlocal stopped
        new = array("h", piece) if piece is not None else array("h")
        words = [Word(max(position - 1, 0), length, round(ms * SAMPLE_RATE / 1000))
                 for position, length, ms in found if length > 0]
        speech.samples.extend(new)
        speech.words.extend(words)
        if on_chunk is not None and (len(new) or words) and on_chunk(new, words):
            stopped = True
        return stopped

    with _lock:
        lib = _load()
        _set_voice(lib, language, slow)
        _current = handle
        try:
            result = lib.espeak_Synth(encoded, len(encoded), 0, _POS_CHARACTER, 0, _CHARS_UTF8,
                                      None, None)
        finally:
            _current = None
    if result != _EE_OK and not stopped:
        raise SpeechError(f"eSpeak NG could not say the text (error {result})")
    return speech


def phonemes(text: str, language: str = "nl") -> str:
    """How eSpeak will pronounce `text`, in IPA (clause by clause, joined by spaces)."""
    encoded = ctypes.c_char_p(text.encode("utf-8"))
    keep = encoded  # the library moves the pointer through this buffer
    parts = []
    with _lock:
        lib = _load()
        _set_voice(lib, language, False)
        pointer = ctypes.pointer(encoded)
        while pointer.contents.value:
            found = lib.espeak_TextToPhonemes(pointer, _CHARS_UTF8, _PHONEMES_IPA)
            if found:
                parts.append(found.decode("utf-8", "replace"))
    del keep
    return " ".join(parts)
