"""How a learner reads a language that is not Dutch: only Dutch, only their own language,
or Dutch with their own language under it; and the language a certificate speaks.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # "both" for everyone: a Dutch learner never sees a second line, so nothing changes
    # for the learners already there. A server default fills the rows without a rebuild.
    op.add_column("learner", sa.Column("language_mode", sa.String(10), nullable=False,
                                       server_default="both"))
    # Every certificate so far was made in Dutch.
    op.add_column("certificate", sa.Column("language", sa.String(10), nullable=False,
                                           server_default="nl"))


def downgrade() -> None:
    op.drop_column("certificate", "language")
    op.drop_column("learner", "language_mode")
