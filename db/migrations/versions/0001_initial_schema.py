"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25 18:29:40.981650
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "clubs",
        sa.Column("id", sa.String(length=255), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("sort_name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    with op.batch_alter_table("clubs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_clubs_sort_name"), ["sort_name"], unique=False)

    op.create_table(
        "competitions",
        sa.Column("id", sa.String(length=255), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("country", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "seasons",
        sa.Column("id", sa.String(length=255), nullable=False),
        sa.Column("competition_id", sa.String(length=255), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("edition", sa.Integer(), nullable=True),
        sa.Column("sponsor_name", sa.String(length=200), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("defending_champion_id", sa.String(length=255), nullable=True),
        sa.Column("winner_id", sa.String(length=255), nullable=True),
        sa.Column("runner_up_id", sa.String(length=255), nullable=True),
        sa.Column("stated_teams", sa.Integer(), nullable=True),
        sa.Column("stated_matches", sa.Integer(), nullable=True),
        sa.Column("stated_goals", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["competition_id"],
            ["competitions.id"],
        ),
        sa.ForeignKeyConstraint(
            ["defending_champion_id"],
            ["clubs.id"],
        ),
        sa.ForeignKeyConstraint(
            ["runner_up_id"],
            ["clubs.id"],
        ),
        sa.ForeignKeyConstraint(
            ["winner_id"],
            ["clubs.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("competition_id", "year"),
    )
    with op.batch_alter_table("seasons", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_seasons_competition_id"), ["competition_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_seasons_year"), ["year"], unique=False)

    op.create_table(
        "disagreements",
        sa.Column("id", sa.String(length=255), nullable=False),
        sa.Column("season_id", sa.String(length=255), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["season_id"],
            ["seasons.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("disagreements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_disagreements_season_id"), ["season_id"], unique=False)

    op.create_table(
        "groups",
        sa.Column("id", sa.String(length=255), nullable=False),
        sa.Column("season_id", sa.String(length=255), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.ForeignKeyConstraint(
            ["season_id"],
            ["seasons.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("groups", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_groups_season_id"), ["season_id"], unique=False)

    op.create_table(
        "players",
        sa.Column("id", sa.String(length=255), nullable=False),
        sa.Column("season_id", sa.String(length=255), nullable=False),
        sa.Column("club_id", sa.String(length=255), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("sort_name", sa.String(length=200), nullable=False),
        sa.Column("nationality", sa.String(length=3), nullable=True),
        sa.ForeignKeyConstraint(
            ["club_id"],
            ["clubs.id"],
        ),
        sa.ForeignKeyConstraint(
            ["season_id"],
            ["seasons.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("players", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_players_club_id"), ["club_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_players_nationality"), ["nationality"], unique=False)
        batch_op.create_index(batch_op.f("ix_players_season_id"), ["season_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_players_sort_name"), ["sort_name"], unique=False)

    op.create_table(
        "rounds",
        sa.Column("id", sa.String(length=255), nullable=False),
        sa.Column("season_id", sa.String(length=255), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "GROUP_STAGE",
                "PLAY_OFF",
                "ROUND_OF_64",
                "ROUND_OF_32",
                "ROUND_OF_16",
                "QUARTER_FINALS",
                "SEMI_FINALS",
                "FINAL",
                name="roundkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("clubs_remaining", sa.Integer(), nullable=True),
        sa.Column("clubs_involved", sa.Integer(), nullable=True),
        sa.Column("first_match_date", sa.Date(), nullable=True),
        sa.Column("two_legged", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["season_id"],
            ["seasons.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("rounds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rounds_season_id"), ["season_id"], unique=False)

    op.create_table(
        "ties",
        sa.Column("id", sa.String(length=255), nullable=False),
        sa.Column("season_id", sa.String(length=255), nullable=False),
        sa.Column(
            "round",
            sa.Enum(
                "GROUP_STAGE",
                "PLAY_OFF",
                "ROUND_OF_64",
                "ROUND_OF_32",
                "ROUND_OF_16",
                "QUARTER_FINALS",
                "SEMI_FINALS",
                "FINAL",
                name="roundkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("home_id", sa.String(length=255), nullable=False),
        sa.Column("away_id", sa.String(length=255), nullable=False),
        sa.Column("home_aggregate", sa.Integer(), nullable=False),
        sa.Column("away_aggregate", sa.Integer(), nullable=False),
        sa.Column("winner_id", sa.String(length=255), nullable=True),
        sa.ForeignKeyConstraint(
            ["away_id"],
            ["clubs.id"],
        ),
        sa.ForeignKeyConstraint(
            ["home_id"],
            ["clubs.id"],
        ),
        sa.ForeignKeyConstraint(
            ["season_id"],
            ["seasons.id"],
        ),
        sa.ForeignKeyConstraint(
            ["winner_id"],
            ["clubs.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("ties", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ties_away_id"), ["away_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_ties_home_id"), ["home_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_ties_season_id"), ["season_id"], unique=False)

    op.create_table(
        "club_entries",
        sa.Column("id", sa.String(length=255), nullable=False),
        sa.Column("season_id", sa.String(length=255), nullable=False),
        sa.Column("club_id", sa.String(length=255), nullable=False),
        sa.Column("group_id", sa.String(length=255), nullable=True),
        sa.Column(
            "entry_round",
            sa.Enum(
                "GROUP_STAGE",
                "PLAY_OFF",
                "ROUND_OF_64",
                "ROUND_OF_32",
                "ROUND_OF_16",
                "QUARTER_FINALS",
                "SEMI_FINALS",
                "FINAL",
                name="roundkind",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column(
            "league",
            sa.Enum("PREMIER_LEAGUE", "FIRST_LEAGUE", "SECOND_LEAGUE", name="league", native_enum=False, length=32),
            nullable=True,
        ),
        sa.Column(
            "league_attribution",
            sa.Enum("STATED", "INFERRED", "UNKNOWN", name="attribution", native_enum=False, length=32),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["club_id"],
            ["clubs.id"],
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
        ),
        sa.ForeignKeyConstraint(
            ["season_id"],
            ["seasons.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("season_id", "club_id"),
    )
    with op.batch_alter_table("club_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_club_entries_club_id"), ["club_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_club_entries_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_club_entries_season_id"), ["season_id"], unique=False)

    op.create_table(
        "matches",
        sa.Column("id", sa.String(length=255), nullable=False),
        sa.Column("season_id", sa.String(length=255), nullable=False),
        sa.Column(
            "round",
            sa.Enum(
                "GROUP_STAGE",
                "PLAY_OFF",
                "ROUND_OF_64",
                "ROUND_OF_32",
                "ROUND_OF_16",
                "QUARTER_FINALS",
                "SEMI_FINALS",
                "FINAL",
                name="roundkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("group_id", sa.String(length=255), nullable=True),
        sa.Column("tie_id", sa.String(length=255), nullable=True),
        sa.Column("leg", sa.Integer(), nullable=True),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("home_id", sa.String(length=255), nullable=False),
        sa.Column("away_id", sa.String(length=255), nullable=False),
        sa.Column("home_score", sa.Integer(), nullable=False),
        sa.Column("away_score", sa.Integer(), nullable=False),
        sa.Column("extra_time", sa.Boolean(), nullable=True),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["away_id"],
            ["clubs.id"],
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
        ),
        sa.ForeignKeyConstraint(
            ["home_id"],
            ["clubs.id"],
        ),
        sa.ForeignKeyConstraint(
            ["season_id"],
            ["seasons.id"],
        ),
        sa.ForeignKeyConstraint(
            ["tie_id"],
            ["ties.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("matches", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_matches_away_id"), ["away_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_matches_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_matches_home_id"), ["home_id"], unique=False)
        batch_op.create_index("ix_matches_season_date", ["season_id", "date"], unique=False)
        batch_op.create_index(batch_op.f("ix_matches_season_id"), ["season_id"], unique=False)
        batch_op.create_index("ix_matches_season_round", ["season_id", "round"], unique=False)
        batch_op.create_index(batch_op.f("ix_matches_tie_id"), ["tie_id"], unique=False)

    op.create_table(
        "scorer_entries",
        sa.Column("id", sa.String(length=255), nullable=False),
        sa.Column("season_id", sa.String(length=255), nullable=False),
        sa.Column("player_id", sa.String(length=255), nullable=False),
        sa.Column("club_id", sa.String(length=255), nullable=False),
        sa.Column("goals", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["club_id"],
            ["clubs.id"],
        ),
        sa.ForeignKeyConstraint(
            ["player_id"],
            ["players.id"],
        ),
        sa.ForeignKeyConstraint(
            ["season_id"],
            ["seasons.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("scorer_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_scorer_entries_club_id"), ["club_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_scorer_entries_player_id"), ["player_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_scorer_entries_season_id"), ["season_id"], unique=False)

    op.create_table(
        "standings",
        sa.Column("id", sa.String(length=255), nullable=False),
        sa.Column("season_id", sa.String(length=255), nullable=False),
        sa.Column("group_id", sa.String(length=255), nullable=False),
        sa.Column("club_id", sa.String(length=255), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("played", sa.Integer(), nullable=False),
        sa.Column("won", sa.Integer(), nullable=False),
        sa.Column("drawn", sa.Integer(), nullable=False),
        sa.Column("lost", sa.Integer(), nullable=False),
        sa.Column("goals_for", sa.Integer(), nullable=False),
        sa.Column("goals_against", sa.Integer(), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["club_id"],
            ["clubs.id"],
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
        ),
        sa.ForeignKeyConstraint(
            ["season_id"],
            ["seasons.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("standings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_standings_club_id"), ["club_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_standings_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_standings_season_id"), ["season_id"], unique=False)

    op.create_table(
        "cards",
        sa.Column("id", sa.String(length=255), nullable=False),
        sa.Column("season_id", sa.String(length=255), nullable=False),
        sa.Column("match_id", sa.String(length=255), nullable=False),
        sa.Column("club_id", sa.String(length=255), nullable=False),
        sa.Column("player_id", sa.String(length=255), nullable=True),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("minute", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum("YELLOW", "SECOND_YELLOW", "RED", "UNKNOWN", name="cardkind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["club_id"],
            ["clubs.id"],
        ),
        sa.ForeignKeyConstraint(
            ["match_id"],
            ["matches.id"],
        ),
        sa.ForeignKeyConstraint(
            ["player_id"],
            ["players.id"],
        ),
        sa.ForeignKeyConstraint(
            ["season_id"],
            ["seasons.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cards_club_id"), ["club_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cards_match_id"), ["match_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cards_player_id"), ["player_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cards_season_id"), ["season_id"], unique=False)

    op.create_table(
        "goals",
        sa.Column("id", sa.String(length=255), nullable=False),
        sa.Column("season_id", sa.String(length=255), nullable=False),
        sa.Column("match_id", sa.String(length=255), nullable=False),
        sa.Column("club_id", sa.String(length=255), nullable=False),
        sa.Column("scorer_id", sa.String(length=255), nullable=True),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("minute", sa.Integer(), nullable=True),
        sa.Column("stoppage", sa.Integer(), nullable=True),
        sa.Column("penalty", sa.Boolean(), nullable=True),
        sa.Column("own_goal", sa.Boolean(), nullable=True),
        sa.Column(
            "attribution",
            sa.Enum("STATED", "INFERRED", "UNKNOWN", name="attribution", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["club_id"],
            ["clubs.id"],
        ),
        sa.ForeignKeyConstraint(
            ["match_id"],
            ["matches.id"],
        ),
        sa.ForeignKeyConstraint(
            ["scorer_id"],
            ["players.id"],
        ),
        sa.ForeignKeyConstraint(
            ["season_id"],
            ["seasons.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goals_club_id"), ["club_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_goals_match_id"), ["match_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_goals_scorer_id"), ["scorer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_goals_season_id"), ["season_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goals_season_id"))
        batch_op.drop_index(batch_op.f("ix_goals_scorer_id"))
        batch_op.drop_index(batch_op.f("ix_goals_match_id"))
        batch_op.drop_index(batch_op.f("ix_goals_club_id"))

    op.drop_table("goals")
    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cards_season_id"))
        batch_op.drop_index(batch_op.f("ix_cards_player_id"))
        batch_op.drop_index(batch_op.f("ix_cards_match_id"))
        batch_op.drop_index(batch_op.f("ix_cards_club_id"))

    op.drop_table("cards")
    with op.batch_alter_table("standings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_standings_season_id"))
        batch_op.drop_index(batch_op.f("ix_standings_group_id"))
        batch_op.drop_index(batch_op.f("ix_standings_club_id"))

    op.drop_table("standings")
    with op.batch_alter_table("scorer_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scorer_entries_season_id"))
        batch_op.drop_index(batch_op.f("ix_scorer_entries_player_id"))
        batch_op.drop_index(batch_op.f("ix_scorer_entries_club_id"))

    op.drop_table("scorer_entries")
    with op.batch_alter_table("matches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_matches_tie_id"))
        batch_op.drop_index("ix_matches_season_round")
        batch_op.drop_index(batch_op.f("ix_matches_season_id"))
        batch_op.drop_index("ix_matches_season_date")
        batch_op.drop_index(batch_op.f("ix_matches_home_id"))
        batch_op.drop_index(batch_op.f("ix_matches_group_id"))
        batch_op.drop_index(batch_op.f("ix_matches_away_id"))

    op.drop_table("matches")
    with op.batch_alter_table("club_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_club_entries_season_id"))
        batch_op.drop_index(batch_op.f("ix_club_entries_group_id"))
        batch_op.drop_index(batch_op.f("ix_club_entries_club_id"))

    op.drop_table("club_entries")
    with op.batch_alter_table("ties", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ties_season_id"))
        batch_op.drop_index(batch_op.f("ix_ties_home_id"))
        batch_op.drop_index(batch_op.f("ix_ties_away_id"))

    op.drop_table("ties")
    with op.batch_alter_table("rounds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rounds_season_id"))

    op.drop_table("rounds")
    with op.batch_alter_table("players", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_players_sort_name"))
        batch_op.drop_index(batch_op.f("ix_players_season_id"))
        batch_op.drop_index(batch_op.f("ix_players_nationality"))
        batch_op.drop_index(batch_op.f("ix_players_club_id"))

    op.drop_table("players")
    with op.batch_alter_table("groups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_groups_season_id"))

    op.drop_table("groups")
    with op.batch_alter_table("disagreements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_disagreements_season_id"))

    op.drop_table("disagreements")
    with op.batch_alter_table("seasons", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_seasons_year"))
        batch_op.drop_index(batch_op.f("ix_seasons_competition_id"))

    op.drop_table("seasons")
    op.drop_table("competitions")
    with op.batch_alter_table("clubs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_clubs_sort_name"))

    op.drop_table("clubs")
