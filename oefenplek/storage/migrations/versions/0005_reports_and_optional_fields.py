"""Indexes for reports over busy years; optional learner fields for funder reporting.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("learner") as batch:
        batch.add_column(sa.Column("birth_year", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("postcode", sa.String(4), nullable=True))
        batch.add_column(sa.Column("first_language", sa.String(40), nullable=True))
        batch.add_column(sa.Column("gender", sa.String(20), nullable=True))
    op.create_index("ix_attempt_visit", "attempt", ["visit_id", "created_at"])
    op.create_index("ix_run_started", "lesson_run", ["started_at"])
    op.create_index("ix_run_finished", "lesson_run", ["finished_at"])
    op.create_index("ix_visit_started", "visit", ["started_at"])


def downgrade() -> None:
    for name, table in (("ix_visit_started", "visit"), ("ix_run_finished", "lesson_run"),
                        ("ix_run_started", "lesson_run"), ("ix_attempt_visit", "attempt")):
        op.drop_index(name, table)
    with op.batch_alter_table("learner") as batch:
        for column in ("gender", "first_language", "postcode", "birth_year"):
            batch.drop_column(column)
