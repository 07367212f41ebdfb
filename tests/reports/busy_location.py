"""A database of a busy location, made up: thousands of learners over three years.

Used by the report tests (figures against independent SQL) and benchmarks/reports.py.
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from oefenplek.core.staff import COORDINATOR, VOLUNTEER, hash_pin
from oefenplek.storage.db import Database
from oefenplek.storage.models import (
    AttemptRow,
    CertificateRow,
    HelpRequestRow,
    LearnerRow,
    LessonRunRow,
    StaffRow,
    VisitRow,
)

LESSONS = [f"les-{n:02d}" for n in range(1, 25)]
START = datetime(2023, 12, 1, tzinfo=UTC)
DAYS = 3 * 365
AWKWARD_NAMES = ['=HYPERLINK("http://voorbeeld.nl","klik")', "+31612345678", "@SUM(1;2)",
                 "-2+3", "Zoë Đorđević", "محمد"]


def make_busy_location(path: Path, learners: int = 2000, runs: int = 40_000,
                       attempts: int = 400_000, seed: int = 7) -> Database:
    rng = random.Random(seed)
    database = Database(f"sqlite:///{path}")
    salt, digest = hash_pin("4821")
    staff = [{"id": str(uuid.uuid4()), "name": f"Vrijwilliger {n}", "role": VOLUNTEER,
              "pin_salt": salt, "pin_hash": digest, "created_at": START} for n in range(1, 9)]
    staff[0]["role"] = COORDINATOR
    people = []
    for n in range(learners):
        awkward = n < len(AWKWARD_NAMES)
        name = AWKWARD_NAMES[n] if awkward else f"Deelnemer {n}"
        joined = (datetime(2025, 2, 3, 9, tzinfo=UTC) if awkward
                  else START + timedelta(days=rng.randrange(DAYS)))
        people.append({"id": str(uuid.uuid4()), "name": name, "avatar": "cat", "language": "nl",
                       "created_at": joined})
    visits, run_rows, attempt_rows, helps, certificates = [], [], [], [], []
    visits_of: dict[str, list[dict[str, object]]] = {}
    for person in people:
        first = person["created_at"]
        assert isinstance(first, datetime)
        for count in range(rng.randint(1, 12)):
            days_left = max(1, (START + timedelta(DAYS) - first).days)
            started = first + timedelta(days=0 if count == 0 else rng.randrange(days_left),
                                        hours=rng.randint(0, 7))
            visit = {"id": str(uuid.uuid4()), "learner_id": person["id"], "started_at": started,
                     "ended_at": started + timedelta(minutes=rng.randint(20, 150))
                     if rng.random() < 0.8 else None,
                     "note": "", "guided_by": rng.choice(staff)["id"] if rng.random() < 0.4
                     else None}
            visits.append(visit)
            visits_of.setdefault(str(person["id"]), []).append(visit)
    for _ in range(runs):
        person = rng.choice(people)
        visit = rng.choice(visits_of[str(person["id"])])
        started = visit["started_at"]
        assert isinstance(started, datetime)
        done = rng.random() < 0.6
        run = {"id": str(uuid.uuid4()), "learner_id": person["id"],
               "lesson_id": rng.choice(LESSONS), "lesson_version": 1, "started_at": started,
               "position": rng.randint(0, 9),
               "finished_at": started + timedelta(minutes=rng.randint(5, 40)) if done else None}
        run_rows.append((run, visit))
        if done and rng.random() < 0.25:
            certificates.append({
                "id": str(uuid.uuid4()), "learner_id": person["id"], "kind": "lesson",
                "subject_id": run["lesson_id"], "theme_id": "tablet",
                "learner_name": person["name"], "title": run["lesson_id"], "can_do": "Ik kan het.",
                "issued_on": (started + timedelta(minutes=45)).date(), "location": "Bieb",
                "signer": "", "created_at": started})
        if rng.random() < 0.1:
            helps.append({"id": str(uuid.uuid4()), "learner_id": person["id"], "run_id": run["id"],
                          "lesson_id": run["lesson_id"], "step_index": 2,
                          "created_at": started + timedelta(minutes=3),
                          "handled_at": started + timedelta(minutes=6)})
    for _ in range(attempts):
        run, visit = run_rows[rng.randrange(len(run_rows))]
        started = run["started_at"]
        assert isinstance(started, datetime)
        attempt_rows.append({
            "id": str(uuid.uuid4()), "run_id": run["id"], "visit_id": visit["id"],
            "step_index": rng.randint(0, 9), "step_kind": "tap",
            "outcome": "wrong" if rng.random() < 0.2 else "correct", "answer": "1,1",
            "created_at": started + timedelta(seconds=rng.randint(10, 2400))})
    with database.engine.begin() as connection:
        for table, rows in ((StaffRow, staff), (LearnerRow, people), (VisitRow, visits),
                            (LessonRunRow, [r for r, _v in run_rows]),
                            (AttemptRow, attempt_rows), (HelpRequestRow, helps),
                            (CertificateRow, certificates)):
            for chunk in range(0, len(rows), 20_000):
                connection.execute(insert(table), rows[chunk:chunk + 20_000])
    return database


THEMES = {lesson: f"Thema {int(lesson[-2:]) % 8 + 1}" for lesson in LESSONS}
TITLES = {lesson: f"Les {lesson[-2:]}" for lesson in LESSONS}
YEAR_2025 = (date(2025, 1, 1), date(2025, 12, 31))
