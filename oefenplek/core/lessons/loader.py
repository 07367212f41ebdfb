"""Reading lesson.toml files into Lessons, collecting every problem instead of the first.

A lesson with an error is left out; the others still load. Each problem names the file,
the step (number and kind) and the key, so an author can fix all of them in one go.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from oefenplek.core.lessons import schema, svg
from oefenplek.core.lessons.model import Lesson, Option, Problem, Step
from oefenplek.core.lessons.readability import readability_problems
from oefenplek.core.lessons.stamps import Seen
from oefenplek.i18n import _

LESSON_FILE = "lesson.toml"


class _Collector:
    """Problems of one file, with the step being read as context."""

    def __init__(self, file: Path, seen: Seen | None = None) -> None:
        self.file = file
        self.seen = seen
        self.problems: list[Problem] = []
        self.step: int | None = None
        self.kind: str | None = None

    def look(self, path: Path) -> None:
        """Remember a file the loader reads or checks, for the lesson cache."""
        if self.seen is not None:
            self.seen.note(path)

    def error(self, message: str, key: str | None = None) -> None:
        self.problems.append(Problem(self.file, message, self.step, self.kind, key))

    def warn(self, message: str, key: str | None = None) -> None:
        self.problems.append(Problem(self.file, message, self.step, self.kind, key, True))

    @property
    def has_errors(self) -> bool:
        return any(not problem.warning for problem in self.problems)


def load_lesson(
    folder: Path, root: Path | None = None, seen: Seen | None = None
) -> tuple[Lesson | None, list[Problem]]:
    """Read one lesson folder. Returns the lesson (None when it has errors) and all problems.

    `seen`, when given, collects every file the lesson's result depends on (see stamps.py).
    """
    file = folder / LESSON_FILE
    out = _Collector(file, seen)
    root = (root or folder.parent).resolve()
    out.look(file)
    try:
        if file.stat().st_size > schema.MAX_FILE_BYTES:
            out.error(_("the file is larger than {n} KB: split the lesson in two").format(
                n=schema.MAX_FILE_BYTES // 1024))
            return None, out.problems
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        out.error(_("there is no lesson.toml in this folder"))
        return None, out.problems
    except UnicodeDecodeError:
        out.error(_("the file is not UTF-8 text"))
        return None, out.problems
    except tomllib.TOMLDecodeError as error:
        out.error(_("the file is not valid TOML: {error}").format(error=error))
        return None, out.problems

    for key in data:
        if key not in schema.LESSON_KEYS:
            out.error(_("unknown key"), key)
        elif key != "steps":
            _check_length(data[key], key, out)
    for key, (kind, required, _purpose) in schema.LESSON_KEYS.items():
        if key not in data:
            if required:
                out.error(_("this key is missing"), key)
        elif not isinstance(data[key], kind) or (kind is int and isinstance(data[key], bool)):
            out.error(_("should be {kind}").format(kind=_type_name(kind)), key)
    if data.get("schema_version", schema.SCHEMA_VERSION) != schema.SCHEMA_VERSION:
        out.error(_("this app reads schema_version {n}").format(n=schema.SCHEMA_VERSION),
                  "schema_version")
    if isinstance(data.get("id"), str) and data["id"] != folder.name:
        out.error(_("the id must equal the folder name '{name}'").format(name=folder.name), "id")
    for key in ("minutes", "level", "version"):
        if isinstance(data.get(key), int) and data[key] < 1:
            out.error(_("should be 1 or more"), key)
    for key in ("title", "summary"):
        if isinstance(data.get(key), str) and not data[key].strip():
            out.error(_("is empty"), key)
    can_do = _strings(data, "can_do", out)
    if "can_do" in data and not 1 <= len(can_do) <= 2:
        out.error(_("give one or two sentences"), "can_do")
    requires = _strings(data, "requires", out)
    sources = _strings(data, "sources", out)
    icon = _file(folder, root, data.get("icon"), "icon", out) if "icon" in data else None

    steps: list[Step] = []
    raw_steps = data.get("steps")
    if isinstance(raw_steps, list):
        if not raw_steps:
            out.error(_("a lesson needs at least one step"), "steps")
        if len(raw_steps) > schema.MAX_STEPS:
            out.error(_("a lesson has at most {n} steps; this one has {count}: split it "
                        "in two").format(n=schema.MAX_STEPS, count=len(raw_steps)), "steps")
        for number, raw in enumerate(raw_steps, start=1):
            step = _read_step(number, raw, folder, root, out)
            if step is not None:
                steps.append(step)
        out.step = out.kind = None

    if out.has_errors:
        return None, out.problems
    lesson = Lesson(
        id=data["id"],
        version=data["version"],
        theme=data["theme"],
        title=data["title"].strip(),
        summary=data["summary"].strip(),
        minutes=data["minutes"],
        level=data["level"],
        can_do=tuple(can_do),
        steps=tuple(steps),
        folder=folder,
        icon=icon,
        requires=tuple(requires),
        sources=tuple(sources),
        next=data.get("next"),
        ending=data.get("ending"),
    )
    return lesson, out.problems


def _read_step(number: int, raw: Any, folder: Path, root: Path, out: _Collector) -> Step | None:
    out.step, out.kind = number, None
    if not isinstance(raw, dict):
        out.error(_("a step must be a table ([[steps]])"))
        return None
    kind = raw.get("kind")
    if kind not in schema.STEP_KEYS:
        known = ", ".join(schema.STEP_KEYS)
        if kind is None:
            out.error(_("the step has no kind; use one of: {known}").format(known=known), "kind")
        else:
            out.error(_("unknown step kind '{kind}'; use one of: {known}").format(
                kind=kind, known=known), "kind")
        return None
    out.kind = kind
    before = len(out.problems)
    required, optional = schema.STEP_KEYS[kind]
    allowed = schema.COMMON_STEP_KEYS | required | optional
    for key in raw:
        if key not in allowed:
            out.error(_("a step of kind '{kind}' cannot have this key").format(kind=kind), key)
    for key in {"text"} | required:
        if key not in raw:
            out.error(_("this key is missing"), key)
    for key, value in raw.items():
        expected = schema.KEY_TYPES.get(key)
        if expected is not None and key in allowed and not isinstance(value, expected):
            out.error(_("should be {kind}").format(kind=_type_name(expected)), key)
        _check_length(value, key, out)
    for key in ("text", "say", "hint", "field"):
        if isinstance(raw.get(key), str):
            for issue in readability_problems(raw[key]):
                out.warn(_("hard to read: {issue}").format(issue=issue), key)
    if any(not problem.warning for problem in out.problems[before:]):
        return None

    text = raw["text"].strip()
    if not text:
        out.error(_("is empty"), "text")

    picture = _file(folder, root, raw.get("picture"), "picture", out) if "picture" in raw else None
    screen = _file(folder, root, raw.get("screen"), "screen", out) if "screen" in raw else None
    ids = _screen_ids(screen, out)
    show = tuple(_strings(raw, "show", out))
    hide = tuple(_strings(raw, "hide", out))
    for key, names in (("show", show), ("hide", hide)):
        if names and screen is None:
            out.error(_("needs a screen to show or hide parts of"), key)
        for name in names:
            if ids is not None and name not in ids:
                out.error(_("'{id}' is not an element of {screen}").format(
                    id=name, screen=raw["screen"]), key)
    target = raw.get("target")
    if kind == "tap" and ids is not None and target not in ids:
        out.error(_("'{id}' is not an element of {screen}").format(
            id=target, screen=raw["screen"]), "target")
    if kind == "tap" and target in hide:
        out.error(_("the target is hidden on this step"), "target")

    options = _options(raw, folder, root, out) if kind == "choose" else ()
    items = tuple(_strings(raw, "items", out)) if kind == "order" else ()
    if kind == "order":
        low, high = schema.ORDER_ITEMS
        if not low <= len(items) <= high:
            out.error(_("give {low} to {high} items").format(low=low, high=high), "items")
        if len(set(items)) != len(items):
            out.error(_("two items are the same"), "items")
    if kind == "type" and not raw["answer"].strip():
        out.error(_("is empty"), "answer")

    return Step(
        number=number,
        kind=kind,
        text=text,
        say=raw.get("say"),
        hint=raw.get("hint"),
        picture=picture,
        screen=screen,
        target=target,
        show=show,
        hide=hide,
        answer=raw["answer"].strip() if kind == "type" else None,
        match_case=bool(raw.get("match_case", False)),
        field_label=raw.get("field"),
        options=options,
        items=items,
    )


def _options(
    raw: dict[str, Any], folder: Path, root: Path, out: _Collector
) -> tuple[Option, ...]:
    options = []
    for index, entry in enumerate(raw["options"], start=1):
        key = f"options[{index}]"
        if not isinstance(entry, dict):
            out.error(_("an option must be a table such as {{ text = \"...\" }}"), key)
            continue
        for name, value in entry.items():
            expected = schema.OPTION_KEYS.get(name)
            if expected is None:
                out.error(_("unknown key '{name}' in an option").format(name=name), key)
            elif not isinstance(value, expected):
                out.error(_("'{name}' should be {kind}").format(
                    name=name, kind=_type_name(expected)), key)
        if not isinstance(entry.get("text"), str) or not entry["text"].strip():
            out.error(_("every option needs a text"), key)
            continue
        picture = entry.get("picture")
        feedback = entry.get("feedback")
        picture_path = _file(folder, root, picture, key, out) if isinstance(picture, str) else None
        options.append(
            Option(
                text=entry["text"].strip(),
                correct=entry.get("correct") is True,
                feedback=feedback if isinstance(feedback, str) else None,
                picture=picture_path,
            )
        )
    low, high = schema.CHOICES
    if not low <= len(raw["options"]) <= high:
        out.error(_("give {low} to {high} options").format(low=low, high=high), "options")
    if sum(option.correct for option in options) != 1:
        out.error(_("exactly one option must have correct = true"), "options")
    return tuple(options)


def _strings(data: dict[str, Any], key: str, out: _Collector) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list):
        return []
    if not all(isinstance(item, str) and item.strip() for item in value):
        out.error(_("should be a list of texts"), key)
        return []
    return [item.strip() for item in value]


def _file(folder: Path, root: Path, name: Any, key: str, out: _Collector) -> Path | None:
    """A file the lesson names, relative to its folder; it must exist inside the lessons folder."""
    if not isinstance(name, str) or not name.strip():
        return None
    path = (folder / name).resolve()
    out.look(path)
    if not path.is_relative_to(root) and not path.is_relative_to(folder.resolve()):
        out.error(_("'{name}' points outside the lessons folder").format(name=name), key)
        return None
    if not path.is_file():
        out.error(_("the file '{name}' does not exist").format(name=name), key)
        return None
    if path.stat().st_size > schema.MAX_PICTURE_BYTES:
        out.error(_("the file '{name}' is larger than {n} MB: make it smaller").format(
            name=name, n=schema.MAX_PICTURE_BYTES // (1024 * 1024)), key)
        return None
    return path


def _check_length(value: Any, key: str, out: _Collector) -> None:
    """One problem for `key` when any text in it (in lists and tables too) is too long."""
    def longest(item: Any) -> int:
        if isinstance(item, str):
            return len(item)
        if isinstance(item, list):
            return max(map(longest, item), default=0)
        if isinstance(item, dict):
            return max(map(longest, item.values()), default=0)
        return 0

    if longest(value) > schema.MAX_TEXT:
        out.error(_("a text is longer than {n} characters: make it shorter").format(
            n=schema.MAX_TEXT), key)


def _screen_ids(screen: Path | None, out: _Collector) -> frozenset[str] | None:
    if screen is None:
        return None
    if screen.suffix.lower() != ".svg":
        out.error(_("a screen must be an .svg file"), "screen")
        return None
    try:
        return svg.element_ids(screen)
    except svg.SvgError as error:
        out.error(_("the screen cannot be read: {error}").format(error=error), "screen")
        return None


def _type_name(kind: type | tuple[type, ...]) -> str:
    names = {str: _("a text"), int: _("a whole number"), bool: _("true or false"),
             list: _("a list")}
    if isinstance(kind, tuple):
        return " / ".join(names[k] for k in kind)
    return names[kind]
