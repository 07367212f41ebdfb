"""The keys of lesson format v1: which keys a lesson and each step kind may have.

One table, used by the validator, by the JSON Schema export and by the README's lesson guide.
"""

from __future__ import annotations

from typing import Any

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
    "sources": (list, False, "Where the facts come from (never shown to learners)."),
    "next": (str, False, "Id of the lesson the end screen suggests next."),
    "ending": (str, False, "A kind closing sentence on the end screen."),
}

COMMON_STEP_KEYS = {"kind", "text", "say"}

#: Per step kind: required keys and optional keys (besides kind, text, say).
STEP_KEYS: dict[str, tuple[set[str], set[str]]] = {
    "explain": (set(), {"picture", "screen", "show", "hide"}),
    "tap": ({"screen", "target"}, {"hint", "show", "hide"}),
    "type": ({"answer"}, {"hint", "screen", "show", "hide", "match_case", "field"}),
    "choose": ({"options"}, {"hint", "picture", "screen", "show", "hide"}),
    "order": ({"items"}, {"hint"}),
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
}

OPTION_KEYS = {"text": str, "correct": bool, "feedback": str, "picture": str}

CHOICES = (2, 4)  # a choose step offers 2 to 4 answers
ORDER_ITEMS = (3, 5)  # an order step has 3 to 5 items

# Limits that keep a lesson light to load and to show; a lesson over one is left out with
# the reason, like any broken lesson. The shipped lessons stay far below them.
MAX_FILE_BYTES = 256 * 1024  # lesson.toml
MAX_STEPS = 60
MAX_TEXT = 2_000  # characters in any one text (a title, a step's text, an option, a source)
MAX_PICTURE_BYTES = 2 * 1024 * 1024  # any file a lesson names: picture, screen, icon


def json_schema() -> dict[str, Any]:
    """The lesson format as JSON Schema, so an editor can check a lesson while it is written."""
    names = {str: "string", int: "integer", bool: "boolean", list: "array"}

    def prop(kind: Any) -> dict[str, Any]:
        if kind is str:
            return {"type": "string", "maxLength": MAX_TEXT}
        return {"type": names[kind]}

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
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "oefenplek lesson (lesson.toml)",
        "type": "object",
        "properties": lesson_props,
        "required": [key for key, spec in LESSON_KEYS.items() if spec[1]],
        "additionalProperties": False,
    }
