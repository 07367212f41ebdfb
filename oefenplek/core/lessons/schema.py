"""The keys of lesson format v1: which keys a lesson and each step kind may have.

One table, used by the validator, by the JSON Schema export and by the README's lesson guide.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from oefenplek.core.lessons.model import DEVICES

SCHEMA_VERSION = 1

#: Top-level keys: name -> (python type, required, what it is for).
LESSON_KEYS: dict[str, tuple[type | tuple[type, ...], bool, str]] = {
    "schema_version": (int, True, "Always 1 for this format."),
    "id": (str, True, "Unique name, equal to the lesson's folder name."),
    "version": (int, True, "Raise it when the steps change; runs remember it."),
    "theme": (str, True, "A theme id from lessons/themes.toml."),
    "title": (str, True, "Short title on the lesson tile."),
    "summary": (str, True, "One sentence: what the learner will do."),
    "minutes": (int, True, "About how long the lesson takes."),
    "level": (int, True, "1 = first steps, 2 = next, 3 = more."),
    "can_do": (list, True, "One or two 'Ik kan ...' sentences (certificates print these)."),
    "steps": (list, True, "The steps, in order."),
    "icon": (str, False, "Picture for the tile; the theme's icon when left out."),
    "requires": (list, False, "Ids of lessons that should come first."),
    "sources": (list, True, "Where the facts come from: tables with title, organisation, url "
                "and checked (a date); shown to staff, never to learners."),
    "recap": (list, True, "One to three short sentences: what the learner knows now."),
    "next": (str, False, "Id of the lesson the end screen suggests next."),
    "ending": (str, False, "A kind closing sentence on the end screen."),
    "device": (str, False, "tablet (default), phone or computer: tik, or klik on a computer."),
    "facts": (dict, False, "Values that change each year, used in texts as {name}."),
}

COMMON_STEP_KEYS = {"kind", "text", "say"}

#: Per step kind: required keys and optional keys (besides kind, text, say).
STEP_KEYS: dict[str, tuple[set[str], set[str]]] = {
    "explain": (set(), {"picture", "screen", "show", "hide"}),
    "tap": ({"screen", "target"}, {"hint", "show", "hide", "guided"}),
    "type": ({"answer"}, {"hint", "screen", "show", "hide", "match_case", "field", "guided"}),
    "choose": ({"options"}, {"hint", "picture", "screen", "show", "hide", "guided"}),
    "order": ({"items"}, {"hint", "guided"}),
    "practise": (set(), {"picture", "screen", "show", "hide"}),
}

KEY_TYPES: dict[str, type | tuple[type, ...]] = {
    "kind": str,
    "text": str,
    "say": str,
    "hint": str,
    "picture": str,
    "screen": str,
    "target": str,
    "show": list,
    "hide": list,
    "answer": str,
    "match_case": bool,
    "field": str,
    "options": list,
    "items": list,
    "guided": bool,
}

OPTION_KEYS = {"text": str, "correct": bool, "feedback": str, "picture": str}

CHOICES = (2, 4)  # a choose step offers 2 to 4 answers
ORDER_ITEMS = (3, 5)  # an order step has 3 to 5 items
RECAP_LINES = (1, 3)  # a recap has 1 to 3 sentences
#: The keys of a source table and of a fact table, with their types (a date is a TOML date).
SOURCE_KEYS: dict[str, type] = {"title": str, "organisation": str, "url": str, "checked": date}
FACT_KEYS: dict[str, type] = {"value": str, "checked": date, "source": str}

# Limits that keep a lesson light to load and to show; a lesson over one is left out with
# the reason, like any broken lesson. The shipped lessons stay far below them.
MAX_FILE_BYTES = 256 * 1024  # lesson.toml
MAX_STEPS = 60
MAX_TEXT = 2_000  # characters in any one text (a title, a step's text, an option, a source)
MAX_PICTURE_BYTES = 2 * 1024 * 1024  # any file a lesson names: picture, screen, icon


def json_schema() -> dict[str, Any]:
    """The lesson format as JSON Schema, so an editor can check a lesson while it is written."""
    names = {str: "string", int: "integer", bool: "boolean", list: "array", dict: "object"}

    def prop(kind: Any) -> dict[str, Any]:
        if kind is str:
            return {"type": "string", "maxLength": MAX_TEXT}
        if kind is date:  # a TOML date; TOML-aware editors check it as a text in ISO form
            return {"type": "string", "format": "date"}
        return {"type": names[kind]}

    def table(keys: dict[str, type]) -> dict[str, Any]:
        return {"type": "object", "properties": {key: prop(kind) for key, kind in keys.items()},
                "required": list(keys), "additionalProperties": False}

    step_variants = []
    for kind, (required, optional) in STEP_KEYS.items():
        keys = COMMON_STEP_KEYS | required | optional
        properties = {key: prop(KEY_TYPES[key]) for key in sorted(keys)}
        properties["kind"] = {"const": kind}
        step_variants.append(
            {
                "type": "object",
                "properties": properties,
                "required": sorted({"kind", "text"} | required),
                "additionalProperties": False,
            }
        )
    lesson_props: dict[str, Any] = {key: prop(spec[0]) for key, spec in LESSON_KEYS.items()}
    lesson_props["steps"] = {"type": "array", "minItems": 1, "maxItems": MAX_STEPS,
                             "items": {"oneOf": step_variants}}
    lesson_props["schema_version"] = {"const": SCHEMA_VERSION}
    lesson_props["sources"] = {"type": "array", "minItems": 1, "items": table(SOURCE_KEYS)}
    lesson_props["recap"] = {"type": "array", "minItems": RECAP_LINES[0],
                             "maxItems": RECAP_LINES[1], "items": prop(str)}
    lesson_props["device"] = {"enum": list(DEVICES)}
    lesson_props["facts"] = {"type": "object", "additionalProperties": table(FACT_KEYS),
                             "propertyNames": {"pattern": "^[A-Za-z0-9][A-Za-z0-9_-]*$"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "oefenplek lesson (lesson.toml)",
        "type": "object",
        "properties": lesson_props,
        "required": [key for key, spec in LESSON_KEYS.items() if spec[1]],
        "additionalProperties": False,
    }
