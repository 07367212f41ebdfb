"""All lessons of the app: the shipped folder plus the location's own folders.

Folders and files whose name starts with '_' hold shared things (simulated screens, pictures,
the glossary `_woordenlijst.toml`, the words list `_taal.toml`) and are no lessons. A lesson
with errors is left out and its problems are kept, so the app can start anyway and tell the
coordinator what was skipped.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from oefenplek.core.lessons import cache, sources
from oefenplek.core.lessons.loader import LESSON_FILE, load_lesson
from oefenplek.core.lessons.model import Catalog, Lesson, Problem, Theme
from oefenplek.core.lessons.stamps import Seen
from oefenplek.core.lessons.words import load_words
from oefenplek.i18n import _

THEMES_FILE = "themes.toml"
_THEME_KEYS = {"id", "title", "icon", "colour"}


def load_themes(
    lessons_root: Path, seen: Seen | None = None
) -> tuple[list[Theme], list[Problem]]:
    file = lessons_root / THEMES_FILE
    problems: list[Problem] = []
    if seen is not None:
        seen.note(file)
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return [], [Problem(file, _("themes.toml is missing"))]
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        return [], [Problem(file, _("the file is not valid TOML: {error}").format(error=error))]
    themes: list[Theme] = []
    for index, raw in enumerate(data.get("themes", []), start=1):
        key = f"themes[{index}]"
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
            problems.append(Problem(file, _("every theme needs an id"), key=key))
            continue
        unknown = set(raw) - _THEME_KEYS
        for name in sorted(unknown):
            problems.append(Problem(file, _("unknown key '{name}' in a theme").format(name=name),
                                    key=key))
        if not isinstance(raw.get("title"), str):
            problems.append(Problem(file, _("every theme needs a title"), key=key))
            continue
        icon = None
        if isinstance(raw.get("icon"), str):
            icon = (lessons_root / raw["icon"]).resolve()
            if seen is not None:
                seen.note(icon)
            if not icon.is_file():
                problems.append(Problem(file, _("the file '{name}' does not exist").format(
                    name=raw["icon"]), key=key))
                icon = None
        if any(theme.id == raw["id"] for theme in themes):
            problems.append(Problem(file, _("the theme id '{id}' is used twice").format(
                id=raw["id"]), key=key))
            continue
        themes.append(Theme(raw["id"], raw["title"], icon, str(raw.get("colour", "#1f6feb"))))
    if not data.get("themes"):
        problems.append(Problem(file, _("no themes are listed"), key="themes"))
    return themes, problems


def possible_lessons(root: Path) -> list[str]:
    """The names of the folders in `root` that could hold a lesson (not '_' or '.'), in the
    order of their paths, whether or not a lesson.toml is in them yet."""
    if not root.is_dir():
        return []
    names = []
    with os.scandir(root) as entries:
        for entry in entries:
            if entry.name.startswith(("_", ".")):
                continue
            try:
                if entry.is_dir():  # no extra system call on most file systems
                    names.append(entry.name)
            except OSError:
                continue
    return sorted(names, key=os.path.normcase)  # as Path objects sort


def lesson_folders(root: Path) -> list[Path]:
    return [root / name for name in possible_lessons(root)
            if (root / name / LESSON_FILE).exists()]


def load_catalog(roots: Iterable[Path], cache_file: Path | None = None,
                 today: date | None = None) -> Catalog:
    """Load themes, glossary and words list from the first folder and lessons from all folders,
    checking them as a whole.

    With `cache_file` the checked catalog is kept in that file and reused at the next start
    while no file the loader looked at has changed (see cache.py); without, all is read anew.
    A cached catalog reads its lessons from the file only when they are first asked for.
    Sources and facts checked over a year before `today` (default: the real today) are warned
    about after that, so the cache never depends on the date.
    """
    roots = [Path(root) for root in roots]
    if not roots:
        return Catalog()
    on = today or sources.today()

    def aged(lessons: dict[str, Lesson]) -> list[Problem]:
        return [problem for lesson in lessons.values()
                for problem in sources.age_problems(lesson, lesson.folder / LESSON_FILE, on)]

    if cache_file is None:
        catalog = _check(roots, [lesson_folders(root) for root in roots], None)
        catalog.problems.extend(aged(catalog.lessons))
        return catalog
    listing = [possible_lessons(root) for root in roots]

    def build(looked_at: Seen) -> Catalog:
        # A folder is a lesson when its lesson.toml is there; its stamp, missing or not, is
        # kept, so a lesson.toml that appears or goes later is noticed.
        folders = [[root / name for name in names
                    if looked_at.note(root / name / LESSON_FILE) is not None]
                   for root, names in zip(roots, listing, strict=True)]
        return _check(roots, folders, looked_at)

    return cache.load(cache_file, roots, listing, build, aged)


def _check(roots: list[Path], folders: list[list[Path]], looked_at: Seen | None) -> Catalog:
    """Read and check every lesson; `looked_at` collects the files read, for the cache."""
    catalog = Catalog()
    catalog.themes, theme_problems = load_themes(roots[0], looked_at)
    catalog.problems.extend(theme_problems)
    words, word_problems = load_words(roots[0], looked_at)
    catalog.glossary = dict(words.glossary)
    catalog.problems.extend(word_problems)
    theme_ids = {theme.id for theme in catalog.themes}
    loaded: list[Lesson] = []
    for root, found in zip(roots, folders, strict=True):
        for folder in found:
            lesson, problems = load_lesson(folder, root, looked_at, words)
            catalog.problems.extend(problems)
            if lesson is not None:
                loaded.append(lesson)
    seen: dict[str, Lesson] = {}
    for lesson in loaded:
        file = lesson.folder / LESSON_FILE
        if lesson.id in seen:
            catalog.problems.append(Problem(file, _(
                "the id '{id}' is also used by {other}").format(
                    id=lesson.id, other=seen[lesson.id].folder), key="id"))
            continue
        if lesson.theme not in theme_ids:
            catalog.problems.append(Problem(file, _(
                "the theme '{theme}' is not in themes.toml").format(theme=lesson.theme),
                key="theme"))
            continue
        seen[lesson.id] = lesson
    for lesson in seen.values():
        file = lesson.folder / LESSON_FILE
        for required in lesson.requires:
            if required not in seen:
                catalog.problems.append(Problem(file, _(
                    "'{id}' names no lesson").format(id=required), key="requires"))
        if lesson.next and lesson.next not in seen:
            catalog.problems.append(Problem(file, _(
                "'{id}' names no lesson").format(id=lesson.next), key="next"))
    # A wrong `requires` or `next` is reported, but the lesson itself can still be played.
    catalog.lessons = seen
    return catalog
