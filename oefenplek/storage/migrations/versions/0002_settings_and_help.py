"""Per-learner display and speech settings; help requests.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("learner") as batch:
        batch.add_column(sa.Column("text_scale", sa.Integer(), nullable=False,
                                   server_default="100"))
        batch.add_column(sa.Column("high_contrast", sa.Boolean(), nullable=False,
                                   server_default="0"))
        batch.add_column(sa.Column("read_aloud_auto", sa.Boolean(), nullable=False,
                                   server_default="0"))
        batch.add_column(sa.Column("speech_slow", sa.Boolean(), nullable=False,
                                   server_default="1"))
    op.create_table(
        "help_request",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("learner_id", sa.String(36),
                  sa.ForeignKey("learner.id", ondelete="CASCADE"), nullable=True),
        sa.Column("run_id", sa.String(36),
                  sa.ForeignKey("lesson_run.id", ondelete="SET NULL"), nullable=True),
        sa.Column("lesson_id", sa.String(80), nullable=True),
        sa.Column("step_index", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("handled_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_help_open", "help_request", ["handled_at", "created_at"])


def downgrade() -> None:
    op.drop_table("help_request")
    with op.batch_alter_table("learner") as batch:
        for column in ("speech_slow", "read_aloud_auto", "high_contrast", "text_scale"):
            batch.drop_column(column)
