"""Which database this computer uses: its own SQLite file, or the location's PostgreSQL database
that all computers of one location share.

The choice is, in order: OEFENPLEK_DATABASE_URL (for administrators and tests), the file
`location-database.json` in the data folder (written by the coordinator's settings; it holds
the password, so it is readable by this computer user only and never logged or shown), or the
embedded SQLite file. `check_connection` tries a location database before anyone relies on it
and says in one plain sentence what is wrong. SQLAlchemy and Alembic are imported only there,
so choosing the database costs nothing at start-up.
"""

from __future__ import annotations

import json
import math
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from oefenplek.i18n import _
from oefenplek.storage.errors import StorageError

SETTINGS_FILE = "location-database.json"
EMBEDDED_FILE = "oefenplek.sqlite3"
ENVIRONMENT = "OEFENPLEK_DATABASE_URL"
DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432


@dataclass(frozen=True)
class LocationDatabase:
    """Where the location's PostgreSQL database is and how to log in (the password stays out
    of repr, logs and screens)."""

    host: str
    port: int = DEFAULT_PORT
    name: str = "oefenplek"
    user: str = "oefenplek"
    password: str = field(default="", repr=False)
    #: libpq's sslmode ("require" when IT set up TLS, see the README); "" leaves libpq's own.
    sslmode: str = ""

    def url(self) -> str:
        """The SQLAlchemy URL; odd characters in user, password and name are quoted."""
        login = quote(self.user, safe="")
        if self.password:
            login += ":" + quote(self.password, safe="")
        host = f"[{self.host}]" if ":" in self.host else self.host
        tls = f"?sslmode={quote(self.sslmode, safe='')}" if self.sslmode else ""
        return f"{DRIVER}://{login}@{host}:{self.port}/{quote(self.name, safe='')}{tls}"

    @classmethod
    def from_url(cls, url: str) -> LocationDatabase:
        """The parts of a postgresql:// URL; ValueError when it is not one."""
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            parts = make_url(with_driver(url))
        except (ArgumentError, ValueError) as error:
            raise ValueError("not a database URL") from error
        if parts.get_backend_name() != "postgresql" or not parts.host:
            raise ValueError("not a PostgreSQL URL with a host")
        sslmode = parts.query.get("sslmode", "")
        return cls(parts.host, parts.port or DEFAULT_PORT, parts.database or "oefenplek",
                   parts.username or "", parts.password or "",
                   sslmode if isinstance(sslmode, str) else sslmode[-1])

    def safe_text(self) -> str:
        """For screens and logs: user@host:port/name, never the password."""
        return f"{self.user}@{self.host}:{self.port}/{self.name}"


def with_driver(url: str) -> str:
    """A postgresql:// (or postgres://) URL as one for the driver oefenplek ships."""
    for scheme in ("postgresql://", "postgres://"):
        if url.startswith(scheme):
            return f"{DRIVER}://{url.removeprefix(scheme)}"
    return url


def safe_url(url: str) -> str:
    """Any database URL without its password, for logs and messages."""
    try:
        return LocationDatabase.from_url(url).safe_text()
    except ValueError:
        return url.removeprefix("sqlite:///") if url.startswith("sqlite") else "?"


def settings_file(data_dir: Path) -> Path:
    return data_dir / SETTINGS_FILE


def database_url(data_dir: Path, embedded: Path | None = None) -> str:
    """The URL this computer opens: the environment, the location setting, or the SQLite file
    (`embedded`, by default oefenplek.sqlite3 in the data folder)."""
    override = os.environ.get(ENVIRONMENT)
    if override:
        return override
    location = load_location_database(data_dir)
    if location is not None:
        return location.url()
    return f"sqlite:///{embedded or data_dir / EMBEDDED_FILE}"


def load_location_database(data_dir: Path) -> LocationDatabase | None:
    """The saved location database, or None for the embedded one.

    A file that cannot be read is said plainly rather than silently falling back to this
    computer's own file, which would split the location's learners over two databases.
    """
    file = settings_file(data_dir)
    try:
        data: Any = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        raise _unreadable(file, type(error).__name__) from error
    if not isinstance(data, dict) or not isinstance(data.get("host"), str) or not data["host"]:
        raise _unreadable(file, "no host")
    try:
        return LocationDatabase(data["host"], int(data.get("port", DEFAULT_PORT)),
                                str(data.get("name", "oefenplek")),
                                str(data.get("user", "oefenplek")),
                                str(data.get("password", "")), str(data.get("sslmode", "")))
    except (TypeError, ValueError) as error:
        raise _unreadable(file, type(error).__name__) from error


def _unreadable(file: Path, detail: str) -> StorageError:
    return StorageError(_(
        "The location database setting in {file} cannot be read. Set the location database "
        "again, or remove that file to use this computer's own database.").format(file=file),
        f"{file}: {detail}")


def save_location_database(data_dir: Path, location: LocationDatabase | None) -> None:
    """Remember the location database (None: back to the embedded one). The file is written
    whole and readable by this computer user only, since it holds the password."""
    file = settings_file(data_dir)
    if location is None:
        file.unlink(missing_ok=True)
        return
    data = {"host": location.host, "port": location.port, "name": location.name,
            "user": location.user, "password": location.password}
    if location.sslmode:
        data["sslmode"] = location.sslmode
    handle, temporary = tempfile.mkstemp(prefix=".location-database-", dir=data_dir)
    try:
        os.chmod(temporary, 0o600)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=2)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, file)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def check_connection(url: str, timeout_s: float = 5) -> str | None:
    """None when the database answers and is empty or oefenplek's own; otherwise one plain
    sentence for the person setting it up. Nothing is written."""
    from sqlalchemy import create_engine, inspect, pool, text
    from sqlalchemy.exc import SQLAlchemyError

    try:
        where = LocationDatabase.from_url(url)
    except ValueError:
        return bad_address()
    try:
        engine = create_engine(with_driver(url), poolclass=pool.NullPool, connect_args={
            "connect_timeout": max(2, math.ceil(timeout_s))})
    except (SQLAlchemyError, ValueError, ImportError):
        return bad_address()
    revision: str | None = None
    may_create = True
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            if not tables:
                may_create = bool(connection.execute(
                    text("SELECT has_schema_privilege(current_schema(), 'CREATE')")).scalar())
            elif "alembic_version" in tables:
                revision = connection.execute(
                    text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError as error:
        return explain_connection_error(where, error)
    finally:
        engine.dispose()
    if not may_create:
        return _("The user {user} may not make tables in the database {name} on {host}. Make "
                 "this user the owner of that database.").format(
                     user=where.user, name=where.name, host=where.host)
    if tables and revision is None:
        return _("The database {name} on {host} already holds other data. Choose an empty "
                 "database for oefenplek.").format(name=where.name, host=where.host)
    return None if revision is None or revision in known_revisions() else newer_schema(
        where.host)


def bad_address() -> str:
    return _("The database address is not written correctly. It looks like "
             "postgresql://user:password@computer:5432/oefenplek.")


def newer_schema(host: str) -> str:
    return _("The database on {host} was made by a newer version of oefenplek. Install that "
             "version on this computer too; nothing has been changed.").format(host=host)


def known_revisions() -> set[str]:
    """Every schema revision this version of oefenplek can open or upgrade."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from oefenplek.paths import migrations_dir

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}


#: Patterns in the driver's message (PostgreSQL's English and Dutch) and what they mean.
_CAUSES = (
    ("login", r"password authentication failed|no password supplied|role \".*\" does not exist"
              r"|wachtwoord|authenticatie"),
    ("no-database", r"database \".*\" (does not exist|bestaat niet)"),
    ("not-allowed", r"pg_hba\.conf"),
    ("no-access", r"permission denied for database|toegang geweigerd"),
    ("unknown-host", r"failed to resolve host|could not translate host name|name or service not"
                     r" known|nodename nor servname|no address associated|name resolution"),
    ("no-tls", r"server does not support ssl|ssl was required"),
    ("busy", r"lock timeout|too many clients|starting up|shutting down"),
    ("no-answer", r"connection refused|timeout expired|timed out|could not connect|no route to "
                  r"host|network is unreachable|server closed the connection|connection failed"),
)


def explain_connection_error(where: LocationDatabase, error: BaseException) -> str:
    """A driver's failure to reach or log in to the location database, in one sentence."""
    detail = str(getattr(error, "orig", None) or error).lower()
    cause = next((name for name, pattern in _CAUSES if re.search(pattern, detail)), "")
    host, name, user = where.host, where.name, where.user
    if cause == "login":
        return _("The database on {host} does not accept this user name and password. Check "
                 "both with whoever set up the database.").format(host=host)
    if cause == "no-database":
        return _("The computer {host} has no database called {name}. Check the name for "
                 "typing errors.").format(host=host, name=name)
    if cause == "not-allowed":
        return _("The database on {host} does not let this computer in. Ask whoever set up "
                 "the database to allow this computer.").format(host=host)
    if cause == "no-access":
        return _("The user {user} may not use the database {name} on {host}. Ask whoever set "
                 "up the database for access.").format(user=user, name=name, host=host)
    if cause == "unknown-host":
        return _("The computer {host} cannot be found. Check its name for typing "
                 "errors.").format(host=host)
    if cause == "no-tls":
        return _("The database on {host} and this computer do not agree on a protected "
                 "(TLS) connection. Ask whoever set up the database which one to use.").format(
                     host=host)
    if cause == "busy":
        return _("The database on {host} is busy. Wait a moment and try again.").format(
            host=host)
    if cause == "no-answer":
        return _("The database on {host} does not answer. Is that computer switched "
                 "on?").format(host=host)
    return _("The database on {host} cannot be used. Ask whoever set it up for "
             "help.").format(host=host)
