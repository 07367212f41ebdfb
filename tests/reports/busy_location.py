"""A database of a busy location, made up: thousands of learners over three years.

Used by the report tests (figures against independent SQL), the storage and recovery tests
and the benchmarks (`python -m benchmarks`, which builds it at 1, 4 and 16 times this size).

Speed matters: 16 times the busy location is 6.4 million answers. So the rows are made as
plain tuples and written with sqlite3's `executemany` in one transaction, with the secondary
indexes dropped while the rows go in and made again afterwards (as SQLite's own advice for
bulk loads goes), and the answers, by far the most rows, are made by SQLite itself from the
lesson runs (a recursive count joined to a table of the runs), not one by one in Python.
Learners, visits and runs come from a seeded random generator; the answers use SQLite's
random(), so their spread differs a little from one build to the next while every count is
the same. Times are written as SQLAlchemy writes them in SQLite (naive UTC,
'YYYY-MM-DD HH:MM:SS.ffffff'), so the app reads them back as its own.
"""

from __future__ import annotations

import random
import sqlite3
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from oefenplek.core.staff import COORDINATOR, VOLUNTEER, hash_pin
from oefenplek.storage.db import Database

LESSONS = [f"les-{n:02d}" for n in range(1, 25)]
START = datetime(2023, 12, 1, tzinfo=UTC)
DAYS = 3 * 365
AWKWARD_NAMES = ['=HYPERLINK("http://voorbeeld.nl","klik")', "+31612345678", "@SUM(1;2)",
                 "-2+3", "Zoë Đorđević", "محمد"]
TABLES = ("staff", "learner", "visit", "lesson_run", "attempt", "help_request", "certificate")



#: The learners' languages, by turn: most read Dutch, some learn with their own beside it.
LANGUAGE_MIX = ("nl", "nl", "nl", "nl", "nl", "nl", "ar", "tr", "uk", "en")

def stored(when: datetime) -> str:
    """A time as the app stores it in SQLite (naive UTC with microseconds)."""
    return when.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def make_busy_location(path: Path, learners: int = 2000, runs: int = 40_000,
                       attempts: int = 400_000, seed: int = 7, scale: int = 1) -> Database:
    """The busy location in a new SQLite file at `path`; `scale` multiplies every count."""
    learners, runs, attempts = learners * scale, runs * scale, attempts * scale
    rng = random.Random(seed)
    database = Database(f"sqlite:///{path}")  # the app's schema, through its migrations
    salt, digest = hash_pin("4821")
    staff = [(str(uuid.uuid4()), f"Vrijwilliger {n}", VOLUNTEER, salt, digest, stored(START))
             for n in range(1, 9)]
    staff[0] = (*staff[0][:2], COORDINATOR, *staff[0][3:])
    staff_ids = [row[0] for row in staff]
    people: list[tuple[str, str, str, str, str]] = []
    born: list[datetime] = []
    for n in range(learners):
        awkward = n < len(AWKWARD_NAMES)
        name = AWKWARD_NAMES[n] if awkward else f"Deelnemer {n}"
        joined = (datetime(2025, 2, 3, 9, tzinfo=UTC) if awkward
                  else START + timedelta(days=rng.randrange(DAYS)))
        born.append(joined)
        people.append((str(uuid.uuid4()), name, "cat", LANGUAGE_MIX[n % len(LANGUAGE_MIX)],
                       stored(joined)))
    end_of_data = START + timedelta(DAYS)
    visits: list[tuple[str, str, str, str | None, str, str | None]] = []
    visit_times: list[datetime] = []
    visits_of: list[list[int]] = []
    for person, first in zip(people, born, strict=True):
        mine = []
        days_left = max(1, (end_of_data - first).days)
        for count in range(rng.randint(1, 12)):
            started = first + timedelta(days=0 if count == 0 else rng.randrange(days_left),
                                        hours=rng.randint(0, 7))
            ended = (stored(started + timedelta(minutes=rng.randint(20, 150)))
                     if rng.random() < 0.8 else None)
            guide = rng.choice(staff_ids) if rng.random() < 0.4 else None
            mine.append(len(visits))
            visits.append((str(uuid.uuid4()), person[0], stored(started), ended, "", guide))
            visit_times.append(started)
        visits_of.append(mine)
    run_rows: list[tuple[str, str, str, int, str, int, str | None]] = []
    run_visits: list[tuple[int, str, str, int]] = []  # number, run id, visit id, start (s)
    helps: list[tuple[str, str, str, str, int, str, str]] = []
    certificates: list[tuple[str, ...]] = []
    for number in range(runs):
        who = rng.randrange(learners)
        person = people[who]
        visit = rng.choice(visits_of[who])
        started = visit_times[visit]
        done = rng.random() < 0.6
        lesson = rng.choice(LESSONS)
        run_id = str(uuid.uuid4())
        run_rows.append((run_id, person[0], lesson, 1, stored(started), rng.randint(0, 9),
                         stored(started + timedelta(minutes=rng.randint(5, 40)))
                         if done else None))
        run_visits.append((number, run_id, visits[visit][0], int(started.timestamp())))
        if done and rng.random() < 0.25:
            certificates.append((
                str(uuid.uuid4()), person[0], "lesson", lesson, "tablet", person[1], lesson,
                "Ik kan het.", (started + timedelta(minutes=45)).date().isoformat(), "Bieb", "",
                stored(started)))
        if rng.random() < 0.1:
            helps.append((str(uuid.uuid4()), person[0], run_id, lesson, 2,
                          stored(started + timedelta(minutes=3)),
                          stored(started + timedelta(minutes=6))))
    database.close()
    _bulk_load(path, staff, people, visits, run_rows, run_visits, helps, certificates,
               attempts)
    database.reopen()
    return database


def _bulk_load(path: Path, staff: list[tuple[str, ...]], people: list[tuple[object, ...]],
               visits: list[tuple[object, ...]], runs: list[tuple[object, ...]],
               run_visits: list[tuple[int, str, str, int]], helps: list[tuple[object, ...]],
               certificates: list[tuple[str, ...]], attempts: int) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=OFF")  # no copy of every page in a WAL
        connection.execute("PRAGMA synchronous=OFF")
        connection.execute("PRAGMA cache_size=-262144")  # 256 MiB while loading
        connection.execute("PRAGMA temp_store=MEMORY")
        indexes = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({', '.join('?' * len(TABLES))})", TABLES).fetchall()
        connection.execute("BEGIN")
        for name, _sql in indexes:
            connection.execute(f'DROP INDEX "{name}"')
        many = connection.executemany
        many("INSERT INTO staff (id, name, role, pin_salt, pin_hash, created_at) "
             "VALUES (?, ?, ?, ?, ?, ?)", staff)
        many("INSERT INTO learner (id, name, avatar, language, created_at) "
             "VALUES (?, ?, ?, ?, ?)", people)
        many("INSERT INTO visit (id, learner_id, started_at, ended_at, note, guided_by) "
             "VALUES (?, ?, ?, ?, ?, ?)", visits)
        many("INSERT INTO lesson_run (id, learner_id, lesson_id, lesson_version, started_at, "
             "position, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?)", runs)
        many("INSERT INTO help_request (id, learner_id, run_id, lesson_id, step_index, "
             "created_at, handled_at) VALUES (?, ?, ?, ?, ?, ?, ?)", helps)
        many("INSERT INTO certificate (id, learner_id, kind, subject_id, theme_id, "
             "learner_name, title, can_do, issued_on, location, signer, created_at) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", certificates)
        connection.execute("CREATE TEMP TABLE bulk_run (n INTEGER PRIMARY KEY, run_id TEXT, "
                           "visit_id TEXT, started INTEGER)")
        many("INSERT INTO bulk_run VALUES (?, ?, ?, ?)", run_visits)
        # One answer per counted number: a random run, 10 s to 40 min after it started,
        # one in five wrong; steps 8 to 10 are the lesson's Nu zelf part (not guided). The
        # id looks like uuid.uuid4()'s but starts with the count, so the rows go into the
        # primary key's index in order (five times faster to load). The draw is a hash of
        # the count, worked out once (MATERIALIZED): with random() the planner may draw
        # again wherever the join looks, and then every answer can land on one visit.
        connection.execute("""
            WITH RECURSIVE counted(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM counted
                                          WHERE k < :attempts - 1),
            drawn AS MATERIALIZED (
                SELECT k, ((k * 1103515245 + 12345) % 2147483648) * 2654435761 % 4294967296
                          AS h, hex(randomblob(16)) AS x FROM counted)
            INSERT INTO attempt (id, run_id, visit_id, step_index, step_kind, guided,
                                 outcome, answer, created_at)
            SELECT lower(printf('%08x', k) || '-' || substr(x, 9, 4) || '-4' || substr(x, 14, 3)
                         || '-a' || substr(x, 18, 3) || '-' || substr(x, 21, 12)),
                   r.run_id, r.visit_id, (h / 7) % 10, 'tap', (h / 7) % 10 < 7,
                   CASE WHEN (h / 131) % 5 = 0 THEN 'wrong' ELSE 'correct' END, '1,1',
                   strftime('%Y-%m-%d %H:%M:%S', r.started + 10 + (h / 1031) % 2391,
                            'unixepoch') || '.000000'
            FROM drawn JOIN bulk_run AS r ON r.n = drawn.h % :runs
            """, {"attempts": attempts, "runs": len(run_visits)})
        connection.execute("DROP TABLE bulk_run")
        for _name, sql in indexes:
            connection.execute(sql)
        connection.execute("COMMIT")
        connection.execute("PRAGMA journal_mode=WAL")  # as the app keeps it
    finally:
        connection.close()


THEMES = {lesson: f"Thema {int(lesson[-2:]) % 8 + 1}" for lesson in LESSONS}
TITLES = {lesson: f"Les {lesson[-2:]}" for lesson in LESSONS}
YEAR_2025 = (date(2025, 1, 1), date(2025, 12, 31))
