"""Which computer of the location: where a learner sits (visit) and asks for help.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TABLES = ("help_request", "visit")


def upgrade() -> None:
    # A nullable column needs no table rebuild: plain ALTER TABLE on SQLite and PostgreSQL.
    for table in TABLES:
        op.add_column(table, sa.Column("computer", sa.String(40), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35 and later) rather than batch mode: rebuilding `visit`
    # on SQLite would drop the old table, and with foreign keys on that empties the
    # attempts' visit_id (ON DELETE SET NULL).
    for table in reversed(TABLES):
        op.drop_column(table, "computer")
