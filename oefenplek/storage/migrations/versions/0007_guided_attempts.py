"""Whether an answer was given with the lesson naming what to do (guided) or in the lesson's
*Nu zelf* part (unguided), so progress and reports can show both kinds of success.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Every answer before this revision was given in a guided step: the lessons had no
    # unguided part. A server default fills the old rows without rebuilding the table.
    op.add_column("attempt", sa.Column("guided", sa.Boolean(), nullable=False,
                                       server_default="1"))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35 and later), as in 0006: no rebuild of `attempt`.
    op.drop_column("attempt", "guided")
