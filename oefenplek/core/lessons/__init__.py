"""Lessons as data: the model, the loader with its checks, and the catalog of all lessons."""

from oefenplek.core.lessons.catalog import load_catalog
from oefenplek.core.lessons.loader import load_lesson
from oefenplek.core.lessons.model import (
    STEP_KINDS,
    Catalog,
    Lesson,
    Option,
    Problem,
    Step,
    Theme,
)

__all__ = [
    "STEP_KINDS",
    "Catalog",
    "Lesson",
    "Option",
    "Problem",
    "Step",
    "Theme",
    "load_catalog",
    "load_lesson",
]
