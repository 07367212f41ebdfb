"""Reading lesson.toml files into Lessons, collecting every problem instead of the first.

A lesson with an error is left out; the others still load. Each problem names the file,
the step (number and kind) and the key, so an author can fix all of them in one go.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from oefenplek.core.lessons import checks, schema, svg
from oefenplek.core.lessons.collect import Collector
from oefenplek.core.lessons.model import DEVICES, Lesson, Option, Problem, Step
from oefenplek.core.lessons.readability import readability_problems
from oefenplek.core.lessons.sources import Facts, read_facts, read_sources
from oefenplek.core.lessons.stamps import Seen
from oefenplek.core.lessons.words import Words, load_words
from oefenplek.i18n import _

LESSON_FILE = "lesson.toml"
#: Step keys whose texts may use facts as {name}; options' text and feedback too.
FILLED_STEP_KEYS = ("text", "say", "hint", "field", "items")


def load_lesson(
    folder: Path, root: Path | None = None, seen: Seen | None = None,
    words: Words | None = None,
) -> tuple[Lesson | None, list[Problem]]:
    """Read one lesson folder. Returns the lesson (None when it has errors) and all problems.

    `seen`, when given, collects every file the lesson's result depends on (see stamps.py).
    `words` are the glossary and the words to avoid; without them they are read from `root`
    (the problems of those files are the catalog's to report).
    """
    file = folder / LESSON_FILE
    out = Collector(file, seen)
    root = (root or folder.parent).resolve()
    if words is None:
        words, _problems = load_words(root, seen)
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
    facts = read_facts(data.get("facts"), out)
    for key in ("title", "summary", "ending", "can_do", "recap"):
        if key in data:
            data[key] = facts.fill_any(data[key], key, out)
    can_do = _strings(data, "can_do", out)
    if "can_do" in data and not 1 <= len(can_do) <= 2:
        out.error(_("give one or two sentences"), "can_do")
    recap = _strings(data, "recap", out)
    low, high = schema.RECAP_LINES
    if isinstance(data.get("recap"), list) and not low <= len(data["recap"]) <= high:
        out.error(_("give {low} to {high} short sentences").format(low=low, high=high), "recap")
    for line in recap:
        for issue in readability_problems(line):
            out.warn(_("hard to read: {issue}").format(issue=issue), "recap")
    device = data.get("device", DEVICES[0])
    if not isinstance(device, str):
        device = DEVICES[0]  # the wrong type is reported above
    elif device not in DEVICES:
        out.error(_("use one of: {known}").format(known=", ".join(DEVICES)), "device")
    requires = _strings(data, "requires", out)
    sources = read_sources(data.get("sources"), out)
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
            step = _read_step(number, raw, folder, root, out, facts)
            if step is not None:
                steps.append(step)
        out.at(None, None)
        if raw_steps and len(steps) == len(raw_steps):  # a step left out would mislead these
            checks.nu_zelf(steps, out)
            texts = [(key, text) for key in ("title", "summary", "ending")
                     if isinstance(text := data.get(key), str)]
            texts += [("can_do", line) for line in can_do] + [("recap", line) for line in recap]
            checks.words(texts, steps, device, words, out)
    facts.unused(out.at(None, None))

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
        recap=tuple(recap),
        device=device,
        facts_checked=tuple(facts.checked.items()),
    )
    return lesson, out.problems


def _read_step(number: int, raw: Any, folder: Path, root: Path, out: Collector,
               facts: Facts) -> Step | None:
    out.at(number, None)
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
    raw = _fill_step(raw, facts, out)
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
    guided = raw.get("guided", True) is not False
    if not guided and not (isinstance(raw.get("hint"), str) and raw["hint"].strip()):
        out.error(_("a Nu zelf step (guided = false) needs a hint"), "hint")

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
        guided=guided,
    )


def _fill_step(raw: dict[str, Any], facts: Facts, out: Collector) -> dict[str, Any]:
    """The step with the facts' values in its texts (`{eigen-risico}` -> "€ 385")."""
    filled = dict(raw)
    for key in FILLED_STEP_KEYS:
        if key in raw:
            filled[key] = facts.fill_any(raw[key], key, out)
    if isinstance(raw.get("options"), list):
        filled["options"] = [
            {name: facts.fill_any(value, f"options[{index}]", out)
             if name in ("text", "feedback") else value for name, value in entry.items()}
            if isinstance(entry, dict) else entry
            for index, entry in enumerate(raw["options"], start=1)]
    return filled


def _options(
    raw: dict[str, Any], folder: Path, root: Path, out: Collector
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


def _strings(data: dict[str, Any], key: str, out: Collector) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list):
        return []
    if not all(isinstance(item, str) and item.strip() for item in value):
        out.error(_("should be a list of texts"), key)
        return []
    return [item.strip() for item in value]


def _file(folder: Path, root: Path, name: Any, key: str, out: Collector) -> Path | None:
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


def _check_length(value: Any, key: str, out: Collector) -> None:
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


def _screen_ids(screen: Path | None, out: Collector) -> frozenset[str] | None:
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
             list: _("a list"), dict: _("a table")}
    if isinstance(kind, tuple):
        return " / ".join(names[k] for k in kind)
    return names[kind]
