"""`oefenplek database backup [FOLDER]` and `oefenplek database restore FILE`: the backups of
this computer's own database, from the command line (see storage.backup_routine).

A backup into the app's own backups folder is treated as one made in the app: old ones are
removed by the calendar rule and it is copied to the second folder. A FOLDER of your own
gets just the backup, and nothing in it is ever removed. On a location database (PostgreSQL)
both commands say that its backups are made on the server with pg_dump, and stop.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from oefenplek import paths
from oefenplek.i18n import _, ngettext


def _source() -> Path | None:
    """The SQLite file in use; None (said on stderr) on a location database."""
    from oefenplek.storage.backup_routine import on_server, sqlite_file
    from oefenplek.storage.db import database_url

    source = sqlite_file(database_url(paths.data_dir()))
    if source is None:
        print(on_server(), file=sys.stderr)
    return source


def back_up(folder: Path | None) -> int:
    from oefenplek.storage.backup_routine import BackupRoutine
    from oefenplek.storage.backups import BY_HAND, contents, make_backup
    from oefenplek.storage.errors import StorageError

    source = _source()
    if source is None:
        return 1
    if not source.is_file():
        print(_("There is no progress file at {path} yet, so there is nothing to back "
                "up.").format(path=source), file=sys.stderr)
        return 1
    now = datetime.now(UTC)
    problem = ""
    try:
        if folder is None:
            made = BackupRoutine(source, paths.data_dir()).make(BY_HAND, now)
            backup, problem = made.backup, made.problem
        else:
            backup = make_backup(source, folder, BY_HAND, now)
    except StorageError as error:
        print(str(error), file=sys.stderr)
        return 1
    learners = contents(backup.file).learners
    print(ngettext("Backup made: {file} ({n} learner).", "Backup made: {file} ({n} learners).",
                   learners).format(file=backup.file, n=learners))
    if problem:
        print(problem, file=sys.stderr)
    return 0


def restore(file: Path) -> int:
    from oefenplek.storage.backups import contents
    from oefenplek.storage.backups import restore as put_back
    from oefenplek.storage.errors import StorageError

    source = _source()
    if source is None:
        return 1
    if not file.is_file():
        print(_("There is no file {file}.").format(file=file), file=sys.stderr)
        return 1
    had_data = source.exists()
    try:
        aside = put_back(file, source, datetime.now(UTC))
    except StorageError as error:
        print(str(error), file=sys.stderr)
        return 1
    learners = contents(source).learners
    print(ngettext("The backup is put back in {path}: {n} learner.",
                   "The backup is put back in {path}: {n} learners.", learners).format(
        path=source, n=learners))
    if had_data:
        print(_("The data from before is kept in {file}; put that file back the same way to "
                "undo this.").format(file=aside))
    return 0
