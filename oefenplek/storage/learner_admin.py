"""The coordinator's duties for learners' data (AVG): rename, merge, archive, anonymise,
delete, and everything about one learner for a right-of-access request."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, select, update

from oefenplek.core.text import STORED_NAME_LENGTH, clean_line
from oefenplek.storage.models import (
    AttemptRow,
    CertificateRow,
    HelpRequestRow,
    LearnerRow,
    LessonRunRow,
    VisitRow,
    utcnow,
)
from oefenplek.storage.repository import Repository

ANONYMOUS = ""  # an anonymised learner has no name and no picture; numbers stay


class LearnerAdmin:
    def __init__(self, learners: Repository) -> None:
        self.learners = learners

    def _update(self, learner_id: str, **values: object) -> None:
        """Change columns of one learner's row; an unknown learner changes nothing."""
        with self.learners._session(write=True) as session:
            session.execute(update(LearnerRow).where(LearnerRow.id == learner_id)
                            .values(**values))

    def rename(self, learner_id: str, name: str) -> None:
        self._update(learner_id, name=clean_line(name, STORED_NAME_LENGTH))

    def set_picture(self, learner_id: str, avatar: str) -> None:
        self._update(learner_id, avatar=avatar)

    def extra_fields(self, learner_id: str) -> dict[str, str]:
        with self.learners._session() as session:
            row = session.get(LearnerRow, learner_id)
            if row is None:
                return {}
            return {"birth_year": str(row.birth_year or ""), "postcode": row.postcode or "",
                    "first_language": row.first_language or "", "gender": row.gender or ""}

    def set_extra_fields(self, learner_id: str, values: dict[str, str]) -> None:
        """Only the fields the location switched on are passed; empty means unknown."""
        changes: dict[str, object] = {}
        for key, value in values.items():
            value = clean_line(value, 40)
            changes[key] = (int(value) if key == "birth_year" and value else value or None)
        self._update(learner_id, **changes)

    def archive(self, learner_id: str, archived: bool = True) -> None:
        """Hidden from the picker, kept for reports."""
        self._update(learner_id, archived_at=utcnow() if archived else None)

    def all_learners(self) -> list[tuple[str, str, str, bool]]:
        """(id, name, avatar, archived) of every learner, archived ones too."""
        with self.learners._session() as session:
            rows = session.execute(select(LearnerRow).order_by(LearnerRow.name)).scalars()
            return [(r.id, r.name, r.avatar, r.archived_at is not None) for r in rows]

    def merge(self, keep_id: str, drop_id: str) -> None:
        """Two tiles of the same person become one: everything moves to `keep_id`."""
        if keep_id == drop_id:
            return
        with self.learners._session(write=True) as session:
            for table in (LessonRunRow, VisitRow, HelpRequestRow, CertificateRow):
                session.execute(update(table).where(table.learner_id == drop_id)
                                .values(learner_id=keep_id))
            session.execute(delete(LearnerRow).where(LearnerRow.id == drop_id))

    def delete(self, learner_id: str) -> None:
        """Everything about the learner is gone (runs, attempts, visits, help, certificates)."""
        with self.learners._session(write=True) as session:
            session.execute(delete(LearnerRow).where(LearnerRow.id == learner_id))

    def anonymise(self, learner_id: str) -> None:
        """Name, picture, notes and names on certificates gone; the numbers stay for reports."""
        with self.learners._session(write=True) as session:
            session.execute(update(LearnerRow).where(LearnerRow.id == learner_id)
                            .values(name=ANONYMOUS, avatar=ANONYMOUS,
                                    archived_at=utcnow()))
            session.execute(update(VisitRow).where(VisitRow.learner_id == learner_id)
                            .values(note=""))
            session.execute(update(CertificateRow).where(CertificateRow.learner_id == learner_id)
                            .values(learner_name=ANONYMOUS))

    def everything_about(self, learner_id: str) -> dict[str, Any]:
        """All we keep about one learner, as plain data (for JSON and the readable PDF)."""
        with self.learners._session() as session:
            learner = session.get(LearnerRow, learner_id)
            if learner is None:
                return {}
            runs = session.execute(select(LessonRunRow).where(
                LessonRunRow.learner_id == learner_id).order_by(LessonRunRow.started_at)
            ).scalars().all()
            run_ids = [run.id for run in runs]
            attempts = session.execute(select(AttemptRow).where(
                AttemptRow.run_id.in_(run_ids)).order_by(AttemptRow.created_at)
            ).scalars().all() if run_ids else []
            visits = session.execute(select(VisitRow).where(
                VisitRow.learner_id == learner_id).order_by(VisitRow.started_at)
            ).scalars().all()
            helps = session.execute(select(HelpRequestRow).where(
                HelpRequestRow.learner_id == learner_id).order_by(HelpRequestRow.created_at)
            ).scalars().all()
            certificates = session.execute(select(CertificateRow).where(
                CertificateRow.learner_id == learner_id).order_by(CertificateRow.created_at)
            ).scalars().all()

            def when(value: Any) -> str | None:
                return value.isoformat() if value is not None else None

            return {
                "learner": {
                    "id": learner.id, "name": learner.name, "picture": learner.avatar,
                    "language": learner.language, "created_at": when(learner.created_at),
                    "birth_year": learner.birth_year, "postcode": learner.postcode,
                    "first_language": learner.first_language, "gender": learner.gender,
                    "archived_at": when(learner.archived_at),
                    "preferences": {"text_scale": learner.text_scale,
                                    "high_contrast": learner.high_contrast,
                                    "read_aloud_auto": learner.read_aloud_auto,
                                    "speech_slow": learner.speech_slow},
                },
                "visits": [{"started_at": when(v.started_at), "ended_at": when(v.ended_at),
                            "note": v.note} for v in visits],
                "lesson_runs": [{"id": r.id, "lesson_id": r.lesson_id,
                                 "lesson_version": r.lesson_version,
                                 "started_at": when(r.started_at), "step": r.position + 1,
                                 "finished_at": when(r.finished_at)} for r in runs],
                "answers": [{"lesson_run": a.run_id, "step": a.step_index + 1,
                             "kind": a.step_kind, "outcome": a.outcome, "answer": a.answer,
                             "at": when(a.created_at)} for a in attempts],
                "help_requests": [{"lesson_id": h.lesson_id,
                                   "step": None if h.step_index is None else h.step_index + 1,
                                   "asked_at": when(h.created_at),
                                   "handled_at": when(h.handled_at)} for h in helps],
                "certificates": [{"kind": c.kind, "title": c.title, "issued_on": when(c.issued_on),
                                  "name_on_it": c.learner_name, "can_do": c.can_do.split("\n"),
                                  "signed_by": c.signer} for c in certificates],
            }

    def export_json(self, learner_id: str) -> str:
        return json.dumps(self.everything_about(learner_id), ensure_ascii=False, indent=2)
