"""The real sizes of the lists the API serves: for each list, its longest instance in the database.

The query cost estimate multiplies list sizes. The data changes only on import, so these maxima are exact upper
bounds of what any query can get until the next import: they are read once per data version, all in one statement
of aggregate subqueries. Keys are the lists as `Type.field` (`Club.matches`: one club's matches in one season;
`Query.goals`: one season's goals, the most a connection can page through).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, union_all

from db import models
from resolvers.database import Database

M, G, C, P, E, S = (
    models.MatchRow,
    models.GoalRow,
    models.CardRow,
    models.PlayerRow,
    models.ClubEntryRow,
    models.ScorerEntryRow,
)


def _longest(*per: Any) -> Any:
    """The most rows sharing one value of the columns `per` (rows where any of them is null belong to no list)."""
    counts = select(func.count().label("size")).where(*(column.is_not(None) for column in per)).group_by(*per)
    sizes = counts.subquery()
    return select(func.coalesce(func.max(sizes.c.size), 0)).scalar_subquery()


def _club_matches() -> Any:
    sides = union_all(
        select(M.season_id.label("season_id"), M.home_id.label("club_id")),
        select(M.season_id, M.away_id),
    ).subquery()
    return _longest(sides.c.season_id, sides.c.club_id)


def _statements() -> dict[str, Any]:
    rounds = _longest(models.RoundRow.season_id)
    groups = _longest(models.GroupRow.season_id)
    ties = _longest(models.TieRow.season_id)
    club_matches = _club_matches()
    scorer_table = _longest(S.season_id)
    return {
        "Query.seasons": select(func.count()).select_from(models.SeasonRow).scalar_subquery(),
        "Query.titles": select(func.count(models.SeasonRow.winner_id.distinct())).scalar_subquery(),
        "Query.clubs": _longest(E.season_id),
        "Query.matches": _longest(M.season_id),
        "Query.goals": _longest(G.season_id),
        "Query.cards": _longest(C.season_id),
        "Query.players": _longest(P.season_id),
        "Query.rounds": rounds,
        "Query.groups": groups,
        "Query.ties": ties,
        # topScorers lists ties whole, so `first` does not bound it: the scorer table does.
        "Query.topScorers": scorer_table,
        "Season.topScorers": scorer_table,
        "Season.rounds": rounds,
        "Season.groups": groups,
        "Season.ties": ties,
        "DataQuality.disagreements": _longest(models.DisagreementRow.season_id),
        "Club.allSeasons": _longest(E.club_id),
        "Club.matches": club_matches,
        "CupRun.steps": club_matches,
        "Club.goals": _longest(G.season_id, G.club_id),
        "Club.cards": _longest(C.season_id, C.club_id),
        "Club.players": _longest(P.season_id, P.club_id),
        "Club.scorers": _longest(S.season_id, S.club_id),
        "Match.goals": _longest(G.match_id),
        "Match.cards": _longest(C.match_id),
        "Player.goals": _longest(G.scorer_id),
        "Player.cards": _longest(C.player_id),
        "Group.clubs": _longest(E.group_id),
        "Group.standings": _longest(models.StandingRow.group_id),
        "Group.matches": _longest(M.group_id),
        "Tie.legs": _longest(M.tie_id),
        "RoundInfo.matches": _longest(M.season_id, M.round),
    }


async def measured_list_sizes(database: Database) -> dict[str, int]:
    """Every list's longest instance in the database, keyed `Type.field`; one statement."""
    statements = _statements()
    row = (await database.execute(select(*(s.label(f"size{i}") for i, s in enumerate(statements.values())))))[0]
    return {name: int(size or 0) for name, size in zip(statements, row, strict=True)}
