"""Learners as the picker knows them: a first name or nickname and a picture. No password.

Names come in every script and shape (Zoë, Đorđe, محمد, Anne-Marie); we only tidy spaces, drop
signs nobody can see (core.text) and refuse what cannot be shown on a tile.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import NamedTuple

from oefenplek.core.text import clean_line
from oefenplek.i18n import N_, _

MAX_NAME_LENGTH = 40

#: The pictures a learner can choose from: file key -> English name (translated where shown).
AVATARS: dict[str, str] = {
    "cat": N_("cat"),
    "dog": N_("dog"),
    "fish": N_("fish"),
    "bird": N_("bird"),
    "tulip": N_("tulip"),
    "sun": N_("sun"),
    "tree": N_("tree"),
    "apple": N_("apple"),
    "bicycle": N_("bicycle"),
    "boat": N_("boat"),
    "windmill": N_("windmill"),
    "house": N_("house"),
    "star": N_("star"),
    "moon": N_("moon"),
    "coffee": N_("coffee"),
    "butterfly": N_("butterfly"),
}


#: How a learner with another language reads: only Dutch, only their own language, or
#: Dutch with their own language under it (the default: the forms they practise stay Dutch
#: in real life, so Dutch is never hidden unless they choose so).
DUTCH_ONLY, OWN_ONLY, SIDE_BY_SIDE = "nl", "own", "both"
LANGUAGE_MODES = (SIDE_BY_SIDE, OWN_ONLY, DUTCH_ONLY)

#: Text sizes a learner can choose, in percent.
TEXT_SCALES = (100, 150, 200)


@dataclass(frozen=True)
class Preferences:
    """How a learner sees and hears best; chosen with pictures and kept per learner."""

    text_scale: int = 100
    high_contrast: bool = False
    read_aloud_auto: bool = False
    speech_slow: bool = True
    #: For a learner whose language is not Dutch: DUTCH_ONLY, OWN_ONLY or SIDE_BY_SIDE.
    language_mode: str = "both"


@dataclass(frozen=True)
class Learner:
    id: str
    name: str
    avatar: str
    language: str
    created_at: datetime
    preferences: Preferences = Preferences()

    def with_preferences(self, preferences: Preferences) -> Learner:
        return replace(self, preferences=preferences)


class LearnerEntry(NamedTuple):
    """A learner as the list to choose from shows them: who, by name and picture.

    A plain tuple, not a Learner: a large library lists tens of thousands of learners at
    every start, and a tuple costs a tenth of a Learner to make (no date to read, no
    preferences).
    """

    id: str
    name: str
    avatar: str


class NameProblem(ValueError):
    """A name or picture we cannot use, with a message in plain words for the person.

    `field` is "name" or "picture": which of the two the person should change.
    """

    def __init__(self, message: str, field: str = "name") -> None:
        super().__init__(message)
        self.field = field


def clean_name(raw: str) -> str:
    """The name as it will be shown, or NameProblem saying plainly what to change.

    Signs nobody can see (control characters, NUL, direction overrides) are dropped rather
    than refused: they come from a paste or an import, not from what the person meant.
    """
    name = clean_line(raw, MAX_NAME_LENGTH * 4)
    if not name:
        raise NameProblem(_("Type your first name or a nickname."))
    if len(name) > MAX_NAME_LENGTH:
        raise NameProblem(_("This name is too long. Use at most {n} letters.").format(
            n=MAX_NAME_LENGTH))
    if not any(char.isalpha() for char in name):
        raise NameProblem(_("Use at least one letter in the name."))
    return name


def check_new_learner(name: str, avatar: str, existing: list[LearnerEntry]) -> str:
    """The cleaned name, if this name and picture can be told apart from the existing tiles
    (`existing`: the learners as the picker lists them)."""
    cleaned = clean_name(name)
    if avatar not in AVATARS:
        raise NameProblem(_("Choose a picture."), "picture")
    for learner in existing:
        if learner.avatar == avatar and learner.name.casefold() == cleaned.casefold():
            raise NameProblem(_(
                "There is already a {name} with this picture. Choose another picture."
            ).format(name=cleaned), "picture")
    return cleaned
