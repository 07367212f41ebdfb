"""The checked catalog as plain JSON values and back, for the lesson cache.

The model is frozen dataclasses of text, numbers, true/false, dates, paths, tuples, lists and
dicts,
so the codec is built from the classes' own type hints: a field added to the model is stored
without touching this file, and a type it cannot store fails at once (in the tests), not on a
learner's computer. A dataclass is stored as a list of its field values in field order; the
cache key holds `model_signature()`, so a list is never read into a changed class.

Decoding checks the type of every value and raises TypeError or ValueError on anything else,
so a damaged or foreign file is noticed (and the cache rebuilt) instead of half-read.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from oefenplek.core.lessons.model import (
    Catalog,
    GlossaryWord,
    Lesson,
    Option,
    Problem,
    Source,
    Step,
    Theme,
)

Convert = Callable[[Any], Any]

#: Every class the catalog holds; their fields are part of the cache key.
MODEL_CLASSES: tuple[type, ...] = (Option, Step, Source, Lesson, Theme, Problem, GlossaryWord,
                                   Catalog)


def model_signature() -> list[list[str]]:
    """Class and field names with their types as written: changes whenever the model does."""
    return [[cls.__name__, *(f"{field.name}:{field.type}" for field in dataclasses.fields(cls))]
            for cls in MODEL_CLASSES]


def encode_catalog(catalog: Catalog) -> Any:
    return _codec(Catalog)[0](catalog)


def decode_catalog(value: Any) -> Catalog:
    catalog = _codec(Catalog)[1](value)
    assert isinstance(catalog, Catalog)
    return catalog


def encode_part(hint: Any, value: Any) -> Any:
    """One part of the catalog (e.g. `list[Theme]`) as plain JSON values."""
    return _codec(hint)[0](value)


def decode_part(hint: Any, value: Any) -> Any:
    """One part of the catalog back from plain JSON values, every value's type checked."""
    return _codec(hint)[1](value)


def _checked(kind: type) -> Convert:
    def decode(value: Any) -> Any:
        if type(value) is not kind:  # not isinstance: True is no whole number here
            raise TypeError(f"expected {kind.__name__}, found {type(value).__name__}")
        return value

    return decode


def _same(value: Any) -> Any:
    return value


def _path(value: Any) -> Path:
    if type(value) is not str:
        raise TypeError(f"expected a path, found {type(value).__name__}")
    return _shared_path(value)


def _date(value: Any) -> date:
    """A date stored as its ISO text (2026-12-02)."""
    if type(value) is not str:
        raise TypeError(f"expected a date, found {type(value).__name__}")
    return date.fromisoformat(value)  # ValueError on anything else


def _encode_date(value: date) -> str:
    return value.isoformat()


@lru_cache(maxsize=4096)
def _shared_path(text: str) -> Path:
    """Many steps show the same screen: one Path object each, made once (Paths are immutable)."""
    return Path(text)


@cache
def _codec(hint: Any) -> tuple[Convert, Convert]:
    """(encode, decode) for values of this type hint."""
    if hint in (str, int, bool):
        return _same, _checked(hint)
    if hint is Path:
        return str, _path
    if hint is date:
        return _encode_date, _date
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return _dataclass_codec(hint)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union) and len(args) == 2 and type(None) in args:
        inner_encode, inner_decode = _codec(next(arg for arg in args if arg is not type(None)))
        return (lambda value: None if value is None else inner_encode(value),
                lambda value: None if value is None else inner_decode(value))
    if origin in (tuple, list) and (origin is list or args[1:] == (Ellipsis,)):
        item_encode, item_decode = _codec(args[0])
        build: Callable[[Any], Any] = origin

        def decode_items(value: Any) -> Any:
            if type(value) is not list:
                raise TypeError(f"expected a list, found {type(value).__name__}")
            return build(map(item_decode, value))

        return (lambda value: [item_encode(item) for item in value]), decode_items
    if origin is tuple and args and Ellipsis not in args:  # a fixed pair such as (name, date)
        parts = [_codec(arg) for arg in args]

        def decode_fixed(value: Any) -> Any:
            if type(value) is not list or len(value) != len(parts):
                raise ValueError(f"expected a list of {len(parts)} values")
            return tuple(part[1](item) for part, item in zip(parts, value, strict=True))

        return (lambda value: [part[0](item) for part, item in zip(parts, value, strict=True)],
                decode_fixed)
    if origin is dict and args[0] is str:
        value_encode, value_decode = _codec(args[1])

        def decode_mapping(value: Any) -> Any:
            if type(value) is not dict:
                raise TypeError(f"expected an object, found {type(value).__name__}")
            return {key: value_decode(item) for key, item in value.items()}

        return (lambda value: {key: value_encode(item) for key, item in value.items()},
                decode_mapping)
    raise TypeError(f"the lesson cache cannot store values of type {hint!r}")


def _dataclass_codec(cls: type) -> tuple[Convert, Convert]:
    hints = typing.get_type_hints(cls)
    fields = dataclasses.fields(cls)
    if not all(field.init for field in fields):
        raise TypeError(f"the lesson cache needs every field of {cls.__name__} in __init__")
    names = [field.name for field in fields]
    encoders = [_codec(hints[name])[0] for name in names]
    decoders = [_codec(hints[name])[1] for name in names]
    pairs = list(zip(names, encoders, strict=True))

    def encode(value: Any) -> Any:
        return [convert(getattr(value, name)) for name, convert in pairs]

    def decode(value: Any) -> Any:
        if type(value) is not list or len(value) != len(decoders):
            raise ValueError(f"a {cls.__name__} needs {len(decoders)} values")
        return cls(*[convert(item) for convert, item in zip(decoders, value, strict=True)])

    return encode, decode
