"""player identity: the linked article's key, one person across seasons

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 14:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("players") as batch:
        batch.add_column(sa.Column("person_id", sa.String(length=200), nullable=True))
        batch.create_index(batch.f("ix_players_person_id"), ["person_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("players") as batch:
        batch.drop_index(batch.f("ix_players_person_id"))
        batch.drop_column("person_id")
