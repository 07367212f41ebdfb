"""A throwaway PostgreSQL server for the test session: storage tests run on it as well as on
SQLite, because a location may share one PostgreSQL database between its computers.

The server is made with the machine's own `initdb` and `pg_ctl` in a temporary folder, listens
only on 127.0.0.1 (and a socket in that folder), asks for a password (scram-sha-256) and is
stopped at the end of the session. PostgreSQL refuses to run as root, so as root (CI) it runs
as an unprivileged system user. Every wait is bounded; nothing sleeps.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

#: The system user that runs the server when the tests run as root.
SERVER_USER = "oefenplek-pg"
#: The superuser inside the server; its password is new for every session.
SUPERUSER = "oefenplek"
START_SECONDS = 60


def postgres_bin() -> Path:
    """The newest PostgreSQL's program folder (Debian keeps one per major version)."""
    root = Path("/usr/lib/postgresql")
    versions = sorted((p for p in root.glob("*/bin") if (p / "initdb").is_file()),
                      key=lambda p: float(p.parent.name) if p.parent.name.replace(".", "").isdigit()
                      else 0.0)
    if versions:
        return versions[-1]
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise RuntimeError("PostgreSQL is not installed (no initdb): .ci/run installs it, "
                       "or run 'apt-get install postgresql'")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_user() -> str | None:
    """None when we are not root; else the unprivileged user, made when missing."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(SERVER_USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent",
                        "--shell", "/usr/sbin/nologin", SERVER_USER],
                       check=True, capture_output=True, timeout=30)
    return SERVER_USER


@dataclass
class PostgresServer:
    folder: Path
    port: int
    password: str = field(repr=False)
    bin: Path
    user: str | None
    host: str = "127.0.0.1"

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str = "postgres", password: str | None = None) -> str:
        secret = quote(self.password if password is None else password, safe="")
        return (f"postgresql+psycopg://{SUPERUSER}:{secret}@{self.host}:{self.port}/"
                f"{database}")

    def run(self, *args: str, timeout: float = START_SECONDS) -> None:
        """A PostgreSQL program, as the server's user."""
        command = [str(self.bin / args[0]), *args[1:]]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        result = subprocess.run(command, cwd=self.folder, capture_output=True, text=True,
                                timeout=timeout)
        if result.returncode != 0:
            log = self.folder / "server.log"
            tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
            raise RuntimeError(f"{args[0]} failed ({result.returncode}): {result.stdout}"
                               f"{result.stderr}\n{tail}")

    def execute(self, *statements: str) -> None:
        """Statements outside a transaction (CREATE/DROP DATABASE) on the server."""
        import psycopg

        with psycopg.connect(host=self.host, port=self.port, user=SUPERUSER,
                             password=self.password, dbname="postgres", autocommit=True,
                             connect_timeout=10) as connection:
            for statement in statements:
                connection.execute(statement.encode())

    def create_database(self) -> str:
        """A new, empty database; its name."""
        name = f"test_{uuid.uuid4().hex}"
        self.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def start(self) -> None:
        self.run("pg_ctl", "start", "-D", str(self.data), "-l", str(self.folder / "server.log"),
                 "-w", "-t", str(START_SECONDS), timeout=START_SECONDS + 10)

    def pause(self) -> None:
        """Switch the server off (every connection is cut), data kept: `start()` brings it
        back. A fast stop, not an immediate one: this test server commits without waiting
        for the disk, and the tests are about the app losing nothing, not the server."""
        self.run("pg_ctl", "stop", "-D", str(self.data), "-m", "fast", "-w", "-t", "30")

    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def ensure_running(self) -> None:
        """Back on after a test that paused it, even when that test failed half-way."""
        if not self.running():
            self.start()

    def stop(self) -> None:
        try:
            self.run("pg_ctl", "stop", "-D", str(self.data), "-m", "fast", "-w", "-t", "30")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def start_server() -> PostgresServer:
    """initdb and start a server in a new temporary folder; stop() removes it again."""
    user = server_user()
    folder = Path(tempfile.mkdtemp(prefix="oefenplek-pg-"))
    password = secrets.token_urlsafe(18) + "!:@/ é"  # odd characters, as a person may pick
    server = PostgresServer(folder, free_port(), password, postgres_bin(), user)
    try:
        password_file = folder / "password"
        password_file.write_text(password + "\n", encoding="utf-8")
        if user:
            entry = pwd.getpwnam(user)
            for path in (folder, password_file):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        password_file.chmod(0o600)
        server.run("initdb", "-D", str(server.data), "-U", SUPERUSER, "--pwfile",
                   str(password_file), "--auth=scram-sha-256", "--encoding=UTF8",
                   "--no-locale")
        password_file.unlink()
        settings = {
            "listen_addresses": "'127.0.0.1'", "port": str(server.port),
            "unix_socket_directories": f"'{folder}'", "password_encryption": "'scram-sha-256'",
            # A test server keeps nothing worth a disk flush: faster, and no less correct.
            "fsync": "off", "synchronous_commit": "off", "full_page_writes": "off",
            "max_connections": "100", "shared_buffers": "32MB",
        }
        with (server.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.writelines(f"{key} = {value}\n" for key, value in settings.items())
        server.start()
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return server

