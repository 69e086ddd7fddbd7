"""Filter and ordering inputs of the connections. Filters combine: every field given must hold."""

from __future__ import annotations

import datetime as dt

import strawberry

from schema.enums import (
    Attribution,
    CardKind,
    CardOrderField,
    ClubOrderField,
    Direction,
    GoalOrderField,
    League,
    MatchOrderField,
    PlayerOrderField,
    RoundKind,
)

_CLUB = "A club's ID or name (any case, accents optional)."


@strawberry.input(description="Which matches to return.")
class MatchFilter:
    club: str | None = strawberry.field(default=None, description=_CLUB)
    opponent: str | None = strawberry.field(default=None, description="Matches against this club. " + _CLUB)
    rounds: list[RoundKind] | None = strawberry.field(default=None, description="Any of these rounds.")
    group: str | None = strawberry.field(default=None, description='A group\'s name, e.g. "A".')
    date_from: dt.date | None = strawberry.field(default=None, description="On or after this date.")
    date_to: dt.date | None = strawberry.field(default=None, description="On or before this date.")
    extra_time: bool | None = strawberry.field(
        default=None, description="Matches where extra time is known to have been played (true) or not (false)."
    )


@strawberry.input(description="Which goals to return.")
class GoalFilter:
    club: str | None = strawberry.field(default=None, description="Goals credited to this club. " + _CLUB)
    opponent: str | None = strawberry.field(default=None, description="Goals against this club. " + _CLUB)
    rounds: list[RoundKind] | None = strawberry.field(default=None, description="Any of these rounds.")
    group: str | None = strawberry.field(default=None, description='A group\'s name, e.g. "A".')
    minute_from: int | None = strawberry.field(default=None, description="At or after this minute.")
    minute_to: int | None = strawberry.field(default=None, description="At or before this minute.")
    minute_known: bool | None = strawberry.field(default=None, description="Whether the article gives the minute.")
    penalty: bool | None = strawberry.field(default=None, description="Penalties only (true) or none (false).")
    own_goal: bool | None = strawberry.field(default=None, description="Own goals only (true) or none (false).")
    attribution: list[Attribution] | None = strawberry.field(default=None, description="Any of these.")
    scorer: str | None = strawberry.field(default=None, description="A player's ID or name.")
    nationality: str | None = strawberry.field(default=None, description='The scorer\'s FIFA code, e.g. "KAZ".')
    scorer_name_contains: str | None = strawberry.field(default=None, description="Part of the scorer's name.")


@strawberry.input(description="Which cards to return.")
class CardFilter:
    club: str | None = strawberry.field(default=None, description=_CLUB)
    rounds: list[RoundKind] | None = strawberry.field(default=None, description="Any of these rounds.")
    kinds: list[CardKind] | None = strawberry.field(default=None, description="Any of these kinds.")
    player: str | None = strawberry.field(default=None, description="A player's ID or name.")
    player_known: bool | None = strawberry.field(default=None, description="Whether the article names the player.")


@strawberry.input(description="Which players to return.")
class PlayerFilter:
    club: str | None = strawberry.field(default=None, description=_CLUB)
    nationality: str | None = strawberry.field(default=None, description='A FIFA code, e.g. "KAZ".')
    name_contains: str | None = strawberry.field(default=None, description="Part of the name (any case).")
    in_scorer_table: bool | None = strawberry.field(default=None, description="Listed in the scorer table.")


@strawberry.input(description="Which clubs to return.")
class ClubFilter:
    name_contains: str | None = strawberry.field(default=None, description="Part of the name (any case).")
    league: League | None = strawberry.field(default=None, description="Clubs of this league.")
    group: str | None = strawberry.field(default=None, description='Clubs of this group, e.g. "A".')
    entry_round: RoundKind | None = strawberry.field(default=None, description="Clubs that entered in this round.")


@strawberry.input(description="Order of matches; ties are broken by ID so pages are stable.")
class MatchOrder:
    field: MatchOrderField = strawberry.field(default=MatchOrderField.DATE, description="What to order by.")
    direction: Direction = strawberry.field(default=Direction.ASC, description="ASC or DESC.")


@strawberry.input(description="Order of cards; ties are broken by match and ID so pages are stable.")
class CardOrder:
    field: CardOrderField = strawberry.field(default=CardOrderField.DATE, description="What to order by.")
    direction: Direction = strawberry.field(default=Direction.ASC, description="ASC or DESC.")


@strawberry.input(description="Order of goals; ties are broken by ID so pages are stable.")
class GoalOrder:
    field: GoalOrderField = strawberry.field(default=GoalOrderField.DATE, description="What to order by.")
    direction: Direction = strawberry.field(default=Direction.ASC, description="ASC or DESC.")


@strawberry.input(description="Order of players; ties are broken by ID so pages are stable.")
class PlayerOrder:
    field: PlayerOrderField = strawberry.field(default=PlayerOrderField.NAME, description="What to order by.")
    direction: Direction = strawberry.field(default=Direction.ASC, description="ASC or DESC.")


@strawberry.input(description="Order of clubs; ties are broken by ID so pages are stable.")
class ClubOrder:
    field: ClubOrderField = strawberry.field(default=ClubOrderField.NAME, description="What to order by.")
    direction: Direction = strawberry.field(default=Direction.ASC, description="ASC or DESC.")
