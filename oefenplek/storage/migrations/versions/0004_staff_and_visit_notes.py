"""Volunteers and coordinators (PINs as salted hashes); a note and a guide per visit.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("pin_salt", sa.String(64), nullable=False),
        sa.Column("pin_hash", sa.String(128), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("removed_at", sa.DateTime(), nullable=True),
    )
    with op.batch_alter_table("visit") as batch:
        batch.add_column(sa.Column("note", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("guided_by", sa.String(36), nullable=True))
        batch.create_foreign_key("fk_visit_guided_by", "staff", ["guided_by"], ["id"],
                                 ondelete="SET NULL")


def downgrade() -> None:
    with op.batch_alter_table("visit") as batch:
        batch.drop_constraint("fk_visit_guided_by", type_="foreignkey")
        batch.drop_column("guided_by")
        batch.drop_column("note")
    op.drop_table("staff")
