"""The types one entity's module names in another's: lazy, so that modules that link both ways can import.

A match lists its goals and a goal names its match: each module refers to the other's types through these
(strawberry resolves them when the schema is built) and builds the other's objects through its module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

if TYPE_CHECKING:
    from schema.all_time import ClubRecord
    from schema.card import Card
    from schema.club import Club
    from schema.cup_run import CupRun
    from schema.goal import Goal
    from schema.group import Group
    from schema.match import Match
    from schema.player import Player, Scorer
    from schema.round_info import RoundInfo
    from schema.season import Season
    from schema.tie import Tie

CardRef = Annotated["Card", strawberry.lazy("schema.card")]
ClubRef = Annotated["Club", strawberry.lazy("schema.club")]
ClubRecordRef = Annotated["ClubRecord", strawberry.lazy("schema.all_time")]
CupRunRef = Annotated["CupRun", strawberry.lazy("schema.cup_run")]
GoalRef = Annotated["Goal", strawberry.lazy("schema.goal")]
GroupRef = Annotated["Group", strawberry.lazy("schema.group")]
MatchRef = Annotated["Match", strawberry.lazy("schema.match")]
PlayerRef = Annotated["Player", strawberry.lazy("schema.player")]
RoundInfoRef = Annotated["RoundInfo", strawberry.lazy("schema.round_info")]
ScorerRef = Annotated["Scorer", strawberry.lazy("schema.player")]
SeasonRef = Annotated["Season", strawberry.lazy("schema.season")]
TieRef = Annotated["Tie", strawberry.lazy("schema.tie")]
