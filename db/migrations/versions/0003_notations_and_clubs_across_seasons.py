"""notations and clubs across seasons: shoot-outs, awards, match details, card stoppage, per-season club names

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 13:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_TIE_DECISION = sa.Enum(
    "SCORE",
    "AGGREGATE",
    "AWAY_GOALS",
    "PENALTIES",
    "REPLAY",
    "AWARDED",
    "ADVANCED",
    name="tiedecision",
    native_enum=False,
    length=32,
)


def upgrade() -> None:
    with op.batch_alter_table("matches", schema=None) as batch_op:
        batch_op.alter_column("home_score", existing_type=sa.Integer(), nullable=True)
        batch_op.alter_column("away_score", existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column("awarded", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("walkover", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("home_penalties", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("away_penalties", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("winner_id", sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column("stadium", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("attendance", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("referee", sa.String(length=200), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_matches_winner_id_clubs"), "clubs", ["winner_id"], ["id"])
    op.execute(
        "UPDATE matches SET winner_id = CASE WHEN home_score > away_score THEN home_id "
        "WHEN away_score > home_score THEN away_id END"
    )
    with op.batch_alter_table("matches", schema=None) as batch_op:
        batch_op.alter_column("awarded", server_default=None)
        batch_op.alter_column("walkover", server_default=None)

    with op.batch_alter_table("ties", schema=None) as batch_op:
        batch_op.add_column(sa.Column("decided_by", _TIE_DECISION, nullable=True))
        batch_op.add_column(sa.Column("home_penalties", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("away_penalties", sa.Integer(), nullable=True))

    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.add_column(sa.Column("stoppage", sa.Integer(), nullable=True))

    with op.batch_alter_table("club_entries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("sort_name", sa.String(length=200), nullable=True))
    op.execute("UPDATE club_entries SET name = (SELECT name FROM clubs WHERE clubs.id = club_entries.club_id)")
    op.execute(
        "UPDATE club_entries SET sort_name = (SELECT sort_name FROM clubs WHERE clubs.id = club_entries.club_id)"
    )
    with op.batch_alter_table("club_entries", schema=None) as batch_op:
        batch_op.alter_column("name", existing_type=sa.String(length=200), nullable=False)
        batch_op.alter_column("sort_name", existing_type=sa.String(length=200), nullable=False)
        batch_op.create_index(batch_op.f("ix_club_entries_sort_name"), ["sort_name"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("club_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_club_entries_sort_name"))
        batch_op.drop_column("sort_name")
        batch_op.drop_column("name")
    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.drop_column("stoppage")
    with op.batch_alter_table("ties", schema=None) as batch_op:
        batch_op.drop_column("away_penalties")
        batch_op.drop_column("home_penalties")
        batch_op.drop_column("decided_by")
    op.execute("DELETE FROM matches WHERE home_score IS NULL OR away_score IS NULL")
    with op.batch_alter_table("matches", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_matches_winner_id_clubs"), type_="foreignkey")
        for column in ("referee", "attendance", "stadium", "winner_id", "away_penalties", "home_penalties"):
            batch_op.drop_column(column)
        batch_op.drop_column("walkover")
        batch_op.drop_column("awarded")
        batch_op.alter_column("away_score", existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column("home_score", existing_type=sa.Integer(), nullable=False)
