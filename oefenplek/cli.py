"""Commands without a window: `oefenplek lessons check [DIR]`, `oefenplek lessons schema`,
`oefenplek database copy --to URL`, `oefenplek database backup [FOLDER]`,
`oefenplek database restore FILE` (those two in oefenplek.backup_commands)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from oefenplek import __version__, i18n, logbook, paths
from oefenplek.i18n import _, ngettext
from oefenplek.privacy import close_to_others


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="oefenplek",
        description=_("Practise digital skills step by step. Without a command the app opens."),
    )
    top.add_argument("--version", action="version", version=f"oefenplek {__version__}")
    top.add_argument("--self-test", action="store_true",
                     help=_("check that this installation works, then stop"))
    commands = top.add_subparsers(dest="command")
    lessons = commands.add_parser("lessons", help=_("check or describe lesson files"))
    lesson_commands = lessons.add_subparsers(dest="lessons_command", required=True)
    check = lesson_commands.add_parser("check", help=_("check all lessons in a folder"))
    check.add_argument("folder", nargs="?", type=Path, default=None,
                       help=_("a lessons folder (default: the app's lessons)"))
    check.add_argument("--strict", action="store_true",
                       help=_("also fail on readability warnings"))
    lesson_commands.add_parser("schema", help=_("print the lesson format as JSON Schema"))
    database = commands.add_parser("database", help=_("the location's shared database"))
    database_commands = database.add_subparsers(dest="database_command", required=True)
    copy = database_commands.add_parser(
        "copy", help=_("copy everything from this computer into an empty location database"))
    copy.add_argument("--to", required=True, metavar="URL", dest="target",
                      help=_("the location database, as postgresql://user:password@computer/name"))
    backup = database_commands.add_parser(
        "backup", help=_("make a backup of this computer's database now"))
    backup.add_argument("folder", nargs="?", type=Path, default=None,
                        help=_("where to put it (default: the backups folder in the data "
                               "folder)"))
    restore = database_commands.add_parser(
        "restore", help=_("put a backup back; close oefenplek on this computer first"))
    restore.add_argument("file", type=Path, help=_("the backup file"))
    return top


def copy_database(target: str) -> int:
    """Everything from this computer's database into the empty location database."""
    from oefenplek.storage.copy import copy_database as copy_all
    from oefenplek.storage.db import database_url
    from oefenplek.storage.errors import StorageError
    from oefenplek.storage.location import safe_url

    try:
        source = database_url(paths.data_dir())
        counts = copy_all(source, target)
    except StorageError as error:
        print(str(error), file=sys.stderr)
        return 1
    for table, rows in counts.items():
        print(f"{table}: {rows}")
    print(ngettext("{n} record copied from {source} to {target}; both hold the same.",
                   "{n} records copied from {source} to {target}; both hold the same.",
                   sum(counts.values())).format(
        n=sum(counts.values()), source=safe_url(source), target=safe_url(target)))
    return 0


def check_lessons(folder: Path | None, strict: bool = False) -> int:
    from oefenplek.core.lessons import load_catalog
    from oefenplek.core.lessons.fit import screen_problems
    from oefenplek.core.lessons.translations import coverage_lines, translation_problems

    roots = [folder] if folder else [paths.lessons_dir(), *paths.extra_lesson_dirs()]
    if folder and not (folder / "themes.toml").exists():
        roots = [paths.lessons_dir(), folder]  # a location's folder uses the app's themes
    catalog = load_catalog(roots)
    for root in roots:  # letters that fit: checked here, not at every start of the app
        catalog.problems.extend(screen_problems(root / "_screens"))
    if folder and roots[0] != folder:
        catalog.lessons = {k: v for k, v in catalog.lessons.items()
                           if v.folder.resolve().is_relative_to(folder.resolve())}
        catalog.problems = [p for p in catalog.problems
                            if p.file.resolve().is_relative_to(folder.resolve())]
    for code in i18n.languages():  # translations: a missing one is Dutch, not an error
        if code != i18n.DEFAULT_LANGUAGE:
            catalog.problems.extend(translation_problems(catalog, code))
    for problem in catalog.problems:
        print(problem)
    for code in i18n.languages():
        if code != i18n.DEFAULT_LANGUAGE:
            print("\n".join(coverage_lines(catalog, code)))
    errors, warnings = len(catalog.errors), len(catalog.warnings)
    print(ngettext("{n} lesson is fine", "{n} lessons are fine", len(catalog.lessons)).format(
        n=len(catalog.lessons)) + "; " + ngettext(
        "{n} error", "{n} errors", errors).format(n=errors) + ", " + ngettext(
        "{n} warning", "{n} warnings", warnings).format(n=warnings) + ".")
    return 1 if errors or (strict and warnings) else 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    close_to_others(paths.data_dir())  # closed to other users, whatever the command does
    logbook.start(paths.data_dir())
    if args.self_test:
        from oefenplek.selftest import run

        return run()
    if args.command == "database":
        from oefenplek import backup_commands

        if args.database_command == "backup":
            return backup_commands.back_up(args.folder)
        if args.database_command == "restore":
            return backup_commands.restore(args.file)
        return copy_database(args.target)
    if args.command == "lessons":
        if args.lessons_command == "check":
            return check_lessons(args.folder, args.strict)
        from oefenplek.core.lessons.schema import json_schema

        json.dump(json_schema(), sys.stdout, indent=2)
        print()
        return 0
    from oefenplek.app import run_gui

    return run_gui(sys.argv[:1])
