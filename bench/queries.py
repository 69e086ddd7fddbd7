"""The queries the benchmark sends: each as cupql asks it and as PostGraphile (the peer) asks it over the same tables.

`same_rows` reduces both answers to the rows they fetched (matches with opponent, date and goals; scorer-table rows),
so a run fails when the peer's query stops fetching what cupql's does.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Json = dict[str, Any]
ONE_CLUB_NAME = "Aktobe"
SEASON_KEY = "kazakhstan-cup/2024"

# One club's cup run with every goal's scorer, and its scorer-table rows, as cupql's schema offers it.
CUPQL_CLUB_FIELDS = (
    "name cupRun { steps { round opponent { name } goalsFor goalsAgainst result "
    "match { date goals { minute scorer { name } attribution } } } } scorers { player { name } goals }"
)

# The same rows through PostGraphile's amber schema: home and away matches by date with the opponent, each match's
# goals with the scorer, the club's scorer-table rows. Amber orders only by indexed columns, hence PRIMARY_KEY_ASC
# (goal keys end in their ordinal).
PEER_MATCH_FIELDS = (
    "date round homeScore awayScore opponent: club{OPPONENT} {{ name }} "
    "goals: goalsByMatchId(orderBy: PRIMARY_KEY_ASC) {{ nodes {{ minute attribution scorer: playerByScorerId "
    "{{ name }} }} }}"
)
PEER_CLUB_FIELDS = (
    "name "
    "home: matchesByHomeId(condition: {{seasonId: $season}}, orderBy: [DATE_ASC, PRIMARY_KEY_ASC]) "
    "{{ nodes {{ {home} }} }} "
    "away: matchesByAwayId(condition: {{seasonId: $season}}, orderBy: [DATE_ASC, PRIMARY_KEY_ASC]) "
    "{{ nodes {{ {away} }} }} "
    "scorers: scorerEntriesByClubId(condition: {{seasonId: $season}}, orderBy: PRIMARY_KEY_ASC) "
    "{{ nodes {{ goals player: playerByPlayerId {{ name }} }} }}"
).format(
    home=PEER_MATCH_FIELDS.format(OPPONENT="ByAwayId"),
    away=PEER_MATCH_FIELDS.format(OPPONENT="ByHomeId"),
)


@dataclass(frozen=True)
class Request:
    """A GraphQL request: its document and variables, and the JSON body that carries them."""

    query: str
    variables: Json | None = None

    def body(self) -> bytes:
        payload: Json = {"query": self.query}
        if self.variables:
            payload["variables"] = self.variables
        return json.dumps(payload, separators=(",", ":")).encode()


@dataclass(frozen=True)
class LoadQuery:
    """A query of the load run: cupql's request, the peer's equivalent, and how to reduce either answer to rows."""

    name: str
    description: str
    cupql: Request
    peer: Request
    cupql_rows: Callable[[Json], Any]
    peer_rows: Callable[[Json], Any]


def _cupql_club_rows(club: Json) -> Json:
    matches = sorted(
        (
            step["match"]["date"],
            step["opponent"]["name"],
            tuple((goal["minute"], (goal["scorer"] or {}).get("name"), goal["attribution"]) for goal in goals),
        )
        for step in club["cupRun"]["steps"]
        for goals in [step["match"]["goals"]]
    )
    scorers = sorted((row["player"]["name"], row["goals"]) for row in club["scorers"])
    return {"name": club["name"], "matches": matches, "scorers": scorers}


def _peer_club_rows(club: Json) -> Json:
    matches = sorted(
        (
            match["date"],
            match["opponent"]["name"],
            tuple(
                (goal["minute"], (goal["scorer"] or {}).get("name"), goal["attribution"])
                for goal in match["goals"]["nodes"]
            ),
        )
        for side in ("home", "away")
        for match in club[side]["nodes"]
    )
    scorers = sorted((row["player"]["name"], row["goals"]) for row in club["scorers"]["nodes"])
    return {"name": club["name"], "matches": matches, "scorers": scorers}


ONE_CLUB = LoadQuery(
    name="one-club",
    description=f"{ONE_CLUB_NAME}'s cup run with every goal's scorer, plus its scorers",
    cupql=Request(f'{{ club(name: "{ONE_CLUB_NAME}") {{ {CUPQL_CLUB_FIELDS} }} }}'),
    peer=Request(
        f"query ($name: String!, $season: String!) {{ clubByName(name: $name) {{ {PEER_CLUB_FIELDS} }} }}",
        {"name": ONE_CLUB_NAME, "season": SEASON_KEY},
    ),
    cupql_rows=lambda data: _cupql_club_rows(data["club"]),
    peer_rows=lambda data: _peer_club_rows(data["clubByName"]),
)

ALL_CLUBS = LoadQuery(
    name="all-clubs",
    description="the same for all 32 clubs",
    cupql=Request(f"{{ clubs(first: 50) {{ nodes {{ {CUPQL_CLUB_FIELDS} }} }} }}"),
    peer=Request(
        "query ($season: String!) { allClubEntries(condition: {seasonId: $season}) "
        f"{{ nodes {{ club: clubByClubId {{ {PEER_CLUB_FIELDS} }} }} }} }}",
        {"season": SEASON_KEY},
    ),
    cupql_rows=lambda data: sorted(
        (_cupql_club_rows(club) for club in data["clubs"]["nodes"]), key=lambda club: club["name"]
    ),
    peer_rows=lambda data: sorted(
        (_peer_club_rows(entry["club"]) for entry in data["allClubEntries"]["nodes"]), key=lambda club: club["name"]
    ),
)

TYPENAME = LoadQuery(
    name="typename",
    description="`{ __typename }`: the cost of a request that touches no data",
    cupql=Request("{ __typename }"),
    peer=Request("{ __typename }"),
    cupql_rows=lambda data: data,
    peer_rows=lambda data: data,
)

LOAD_QUERIES: tuple[LoadQuery, ...] = (ONE_CLUB, ALL_CLUBS, TYPENAME)


@dataclass(frozen=True)
class ScaleQuery:
    """A query of the scale run; `contract` ones must keep their latency and their answer from 1 season to many."""

    name: str
    request: Request
    contract: bool


# The contract queries' latency must hold from 1 season to 1,000 (issue 6, item 5); `seasons` is listed to show
# that its first page stays cheap however many seasons there are (its answer grows, up to the default page).
SCALE_QUERIES: tuple[ScaleQuery, ...] = (
    ScaleQuery("one-club", ONE_CLUB.cupql, contract=True),
    ScaleQuery("topScorers", Request("{ topScorers(first: 10) { player { name } club { name } goals } }"), True),
    ScaleQuery("seasons", Request("{ seasons(first: 20) { totalCount nodes { year name } } }"), contract=False),
)
