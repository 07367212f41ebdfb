"""Baseline: learners, visits, lesson runs and attempts.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "learner",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("avatar", sa.String(40), nullable=False),
        sa.Column("language", sa.String(10), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "visit",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("learner_id", sa.String(36),
                  sa.ForeignKey("learner.id", ondelete="CASCADE"), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_visit_learner_started", "visit", ["learner_id", "started_at"])
    op.create_table(
        "lesson_run",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("learner_id", sa.String(36),
                  sa.ForeignKey("learner.id", ondelete="CASCADE"), nullable=False),
        sa.Column("lesson_id", sa.String(80), nullable=False),
        sa.Column("lesson_version", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_run_learner_lesson", "lesson_run", ["learner_id", "lesson_id"])
    op.create_table(
        "attempt",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("run_id", sa.String(36),
                  sa.ForeignKey("lesson_run.id", ondelete="CASCADE"), nullable=False),
        sa.Column("visit_id", sa.String(36),
                  sa.ForeignKey("visit.id", ondelete="SET NULL"), nullable=True),
        sa.Column("step_index", sa.Integer(), nullable=False),
        sa.Column("step_kind", sa.String(20), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_attempt_run_step", "attempt", ["run_id", "step_index"])


def downgrade() -> None:
    op.drop_table("attempt")
    op.drop_table("lesson_run")
    op.drop_table("visit")
    op.drop_table("learner")
