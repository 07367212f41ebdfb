"""Moving a location onto a shared database: everything in this computer's database (normally
its SQLite file) is copied into an empty location database, or nothing is.

The target is migrated to the newest schema first, then filled table by table in dependency
order in one transaction, and checked before that transaction commits: the same number of rows
and the same checksum of every row on both sides. The source is only read.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import psycopg
from sqlalchemy import Connection, Table, func, insert, inspect, pool, select, text
from sqlalchemy import create_engine as sqlalchemy_engine
from sqlalchemy.exc import DataError, DBAPIError, SQLAlchemyError

from oefenplek.i18n import _
from oefenplek.storage import location
from oefenplek.storage.db import Database
from oefenplek.storage.errors import StorageError, not_saved
from oefenplek.storage.models import Base

#: Every table of the app, parents before children (so foreign keys hold while copying).
TABLES: Sequence[Table] = Base.metadata.sorted_tables
CHUNK = 5000
#: Sums of row hashes are kept modulo 2**64, so the order rows come back in does not matter.
MODULUS = 2**64


def copy_database(source_url: str, target_url: str,
                  progress: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Copy every table from source to the empty target; the rows per table.

    Raises StorageError with a plain sentence when the target is not empty or cannot be
    used, or when the copy does not match (then nothing stays in the target).
    """
    source_url, target_url = location.with_driver(source_url), location.with_driver(target_url)
    if _same_database(source_url, target_url):
        raise StorageError(_("The database to copy to is the one this computer already uses. "
                             "Choose the location database."))
    _refuse_unless_empty(target_url)
    source = Database(source_url)
    try:
        target = Database(target_url)
    except BaseException:
        source.close()
        raise
    try:
        return _copy(source, target, progress or (lambda _table, _rows: None))
    finally:
        source.close()
        target.close()


def _copy(source: Database, target: Database,
          progress: Callable[[str, int], None]) -> dict[str, int]:
    counts: dict[str, int] = {}
    table = TABLES[0]
    try:
        with source.engine.connect() as reading, target.engine.begin() as writing:
            if writing.dialect.name == "postgresql":  # nobody writes while we copy
                names = ", ".join(f'"{table.name}"' for table in TABLES)
                writing.execute(text(f"LOCK TABLE {names} IN EXCLUSIVE MODE"))
            if _rows_in(writing):
                raise _not_empty(target.url)
            for table in TABLES:
                copied, checksum = 0, 0
                for chunk in _chunks(reading, table):
                    _insert(writing, table, chunk)
                    copied += len(chunk)
                    checksum = (checksum + _checksum(tuple(r.values()) for r in chunk)) % MODULUS
                    progress(table.name, copied)
                counts[table.name] = copied
                found, found_sum = _count_and_checksum(writing, table)
                if (found, found_sum) != (copied, checksum):
                    raise StorageError(_(
                        "The copy did not come out the same ({table}: {found} of {rows} rows). "
                        "Nothing has been kept in the location database; try again.").format(
                            table=table.name, found=found, rows=copied),
                        f"{table.name}: {found} rows, checksum {found_sum} != {checksum}")
    except DataError as error:  # SQLite lets a text grow past its column's length
        raise StorageError(_(
            "Some of this computer's records ({table}) do not fit in the location database. "
            "Nothing has been copied; ask for help.").format(table=table.name),
            str(error.orig)) from error
    except SQLAlchemyError as error:
        raise _failed(target.url, error) from error
    return counts


def _chunks(connection: Connection, table: Table) -> Iterable[list[dict[str, Any]]]:
    """The table's rows as dicts, a chunk at a time, in primary key order."""
    result = connection.execute(select(table).order_by(*table.primary_key.columns)
                               .execution_options(yield_per=CHUNK))
    for rows in result.mappings().partitions(CHUNK):
        yield [dict(row) for row in rows]


def _insert(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """PostgreSQL takes rows fastest by COPY (ten times an INSERT per row), on the same
    connection and so in the same transaction; other databases by executemany."""
    if connection.dialect.name != "postgresql":
        connection.execute(insert(table), rows)
        return
    columns = list(table.columns)
    processors = [column.type.bind_processor(connection.dialect) for column in columns]
    names = ", ".join(f'"{column.name}"' for column in columns)
    driver = connection.connection.driver_connection
    assert driver is not None
    statement = f'COPY "{table.name}" ({names}) FROM STDIN'
    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row([value if process is None else process(value)
                                for process, value in zip(processors, row.values(), strict=True)])
    except psycopg.Error as error:  # said as SQLAlchemy says the driver's other errors
        raise DBAPIError.instance(statement, None, error, psycopg.Error) from error


def _checksum(rows: Iterable[Sequence[Any]]) -> int:
    """Order-free: the sum of one hash per row (of all its values, in column order)."""
    total = 0
    for row in rows:
        digest = hashlib.blake2b(repr(tuple(row)).encode("utf-8"), digest_size=8).digest()
        total += int.from_bytes(digest, "big")
    return total % MODULUS


def _count_and_checksum(connection: Connection, table: Table) -> tuple[int, int]:
    """What the target holds now (read back as the app reads it, through the column types)."""
    count, checksum = 0, 0
    result = connection.execute(select(table).execution_options(yield_per=CHUNK))
    for rows in result.partitions(CHUNK):
        count += len(rows)
        checksum = (checksum + _checksum(rows)) % MODULUS
    return count, checksum


def table_counts(url: str) -> dict[str, int]:
    """Rows per table of the app in a database (for the check after a copy)."""
    engine = sqlalchemy_engine(location.with_driver(url), poolclass=pool.NullPool)
    try:
        with engine.connect() as connection:
            return {table.name: int(connection.execute(
                select(func.count()).select_from(table)).scalar_one()) for table in TABLES}
    finally:
        engine.dispose()


def _rows_in(connection: Connection) -> bool:
    present = set(inspect(connection).get_table_names())
    return any(connection.execute(select(text("1")).select_from(table).limit(1)).first()
               for table in TABLES if table.name in present)


def _refuse_unless_empty(url: str) -> None:
    """Before anything is created in the target: it must answer, be ours or empty, and
    hold no rows."""
    if url.startswith("postgresql"):
        problem = location.check_connection(url)
        if problem:
            raise StorageError(problem)
    try:
        engine = sqlalchemy_engine(location.with_driver(url), poolclass=pool.NullPool)
    except (SQLAlchemyError, ValueError, ImportError) as error:
        raise StorageError(location.bad_address(), type(error).__name__) from error
    try:
        with engine.connect() as connection:
            present = set(inspect(connection).get_table_names())
            ours = {table.name for table in TABLES} | {"alembic_version"}
            if present - ours:
                raise StorageError(_("The database {name} already holds other data. Choose "
                                     "an empty database for oefenplek.").format(
                                         name=location.safe_url(url)))
            if _rows_in(connection):
                raise _not_empty(url)
    except SQLAlchemyError as error:
        raise _failed(url, error) from error
    finally:
        engine.dispose()


def _not_empty(url: str) -> StorageError:
    return StorageError(_(
        "The database {name} already holds learners or other records. oefenplek copies only "
        "into an empty database; nothing has been changed.").format(
            name=location.safe_url(url)))


def _failed(url: str, error: SQLAlchemyError) -> StorageError:
    detail = str(getattr(error, "orig", None) or error)
    if url.startswith("postgresql"):
        where = location.LocationDatabase.from_url(url)
        return StorageError(location.explain_connection_error(where, error), detail)
    return not_saved(detail)


def _same_database(one: str, other: str) -> bool:
    return location.safe_url(one) == location.safe_url(other)
