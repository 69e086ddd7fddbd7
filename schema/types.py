"""The object types: thin views over database rows; every link is loaded through the request's DataLoaders."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import Annotated, Any, TypeVar, cast

import strawberry
from graphql import FieldNode, FragmentSpreadNode, GraphQLResolveInfo, InlineFragmentNode, SelectionSetNode
from strawberry import Private
from strawberry.dataloader import DataLoader
from strawberry.utils.await_maybe import AwaitableOrValue, await_maybe

from db import models
from football.errors import BadUserInput
from football.keys import club_entry_key
from resolvers import all_time, nested
from resolvers.context import Context
from resolvers.cup_run import CupRunData, Step, cup_run
from resolvers.ids import encode_id
from resolvers.loaders import ClubInSeason, loaded, then
from schema.enums import Attribution, CardKind, League, Result, RoundKind, TieDecision, Venue
from schema.inputs import (
    CardFilter,
    CardOrder,
    GoalFilter,
    GoalOrder,
    MatchFilter,
    MatchOrder,
    PlayerFilter,
    PlayerOrder,
)

Info = strawberry.Info[Context, None]
T = TypeVar("T")
K = TypeVar("K")
R = TypeVar("R")
RoundFilter = Annotated[
    RoundKind | None, strawberry.argument(description="Only this round's; every round when omitted.")
]
TopScorersFirst = Annotated[int, strawberry.argument(description="How many, at most the page-size cap.")]
_FILTER = strawberry.argument(description="Only those every given condition holds for (as on the top-level list).")
_ORDER = strawberry.argument(description="The order (as on the top-level list); the field's own when omitted.")
InnerGoalFilter = Annotated[GoalFilter | None, _FILTER]
InnerGoalOrder = Annotated[GoalOrder | None, _ORDER]
InnerCardFilter = Annotated[CardFilter | None, _FILTER]
InnerCardOrder = Annotated[CardOrder | None, _ORDER]
InnerMatchFilter = Annotated[MatchFilter | None, _FILTER]
InnerMatchOrder = Annotated[MatchOrder | None, _ORDER]
InnerPlayerFilter = Annotated[PlayerFilter | None, _FILTER]
InnerPlayerOrder = Annotated[PlayerOrder | None, _ORDER]


@strawberry.interface(description="An object with a global ID: stable across re-imports and databases.")
class Node:
    @strawberry.field(description="The global ID; pass it to `node(id:)` to fetch the object again.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(encode_id(type(self).__name__, self.key()))

    def key(self) -> str:
        raise TypeError(f"{type(self).__name__} has no key")


def club_of(info: Info, season_id: str, club_id: str | None) -> AwaitableOrValue[Club | None]:
    """The Club object of `club_id` in a season, through the club loader (at once when it holds it)."""
    if club_id is None:
        return None
    return then(loaded(info.context.loaders.club, club_entry_key(season_id, club_id)), _club_or_none)


def _club_or_none(found: ClubInSeason | None) -> Club | None:
    return Club(row=found) if found else None


def club_required(info: Info, season_id: str, club_id: str) -> AwaitableOrValue[Club]:
    return then(club_of(info, season_id, club_id), functools.partial(_required, f"club {club_id} in {season_id}"))


def _required(what: str, found: T | None) -> T:
    if found is None:
        raise LookupError(f"no {what}")
    return found


def match_of(info: Info, match_id: str) -> AwaitableOrValue[Match]:
    found = then(loaded(info.context.loaders.match, match_id), functools.partial(_required, f"match {match_id}"))
    return then(found, lambda row: Match(row=row))


def player_of(info: Info, player_id: str | None) -> AwaitableOrValue[Player | None]:
    if player_id is None:
        return None
    return then(loaded(info.context.loaders.player, player_id), lambda row: Player(row=row) if row else None)


def selects(info: Info, name: str) -> bool:
    """Whether the query selects field `name` on the objects the current field returns (fragments included)."""
    # Fields graphql-core calls directly (see schema.build) get its own info; the others strawberry's wrapper.
    raw = cast(GraphQLResolveInfo[Any], getattr(info, "_raw_info", info))
    return any(_selects(raw, node.selection_set, name) for node in raw.field_nodes)


def _selects(raw: GraphQLResolveInfo[Any], selection_set: SelectionSetNode | None, name: str) -> bool:
    for selection in selection_set.selections if selection_set else ():
        if isinstance(selection, FieldNode):
            if selection.name.value == name:
                return True
        elif isinstance(selection, InlineFragmentNode):
            if _selects(raw, selection.selection_set, name):
                return True
        elif isinstance(selection, FragmentSpreadNode):
            fragment = raw.fragments.get(selection.name.value)
            if fragment is not None and _selects(raw, fragment.selection_set, name):
                return True
    return False


async def inner_rows(
    info: Info,
    loader: DataLoader[K, list[R]],
    loader_key: K,
    nesting: nested.Nesting[R, Any, Any],
    season_id: str,
    parent_id: str,
    where: object | None,
    order: object | None,
) -> list[R]:
    """A list inside an object: its own loader as it comes, the shared filtered reader when asked to filter or order."""
    if where is None and order is None:
        return await loader.load(loader_key)
    return await nested.inner_list(info.context, nesting, season_id, parent_id, where, order)


async def prefetch_players(info: Info, link: str, player_ids: Iterable[str | None]) -> None:
    """Load the players the returned objects' `link` field will ask for, now, in one batch.

    Looking ahead this way puts the players in the loader before graphql-core resolves `link` on each object,
    which then answers at once instead of awaiting a load of its own.
    """
    if selects(info, link):
        await info.context.loaders.player.load_many([i for i in player_ids if i is not None])


async def season_of(info: Info, season_id: str) -> Season:
    season = await info.context.loaders.season.load(season_id)
    if season is None:
        raise LookupError(f"no season {season_id}")
    return Season(row=season)


@strawberry.type(description="One edition of a competition: its dates, clubs, results and how far to trust them.")
class Season(Node):
    row: Private[models.SeasonRow]

    def key(self) -> str:
        return self.row.id

    @strawberry.field(description="The year the season was played in, e.g. 2024.")
    def year(self) -> int:
        return self.row.year

    @strawberry.field(description='The season\'s name, e.g. "2024 Kazakhstan Cup".')
    def name(self) -> str:
        return self.row.name

    @strawberry.field(description="The edition number (e.g. 32 for the 32nd season), when the article says it.")
    def edition(self) -> int | None:
        return self.row.edition

    @strawberry.field(description="The sponsor's name for the competition, when the article gives one.")
    def sponsor_name(self) -> str | None:
        return self.row.sponsor_name

    @strawberry.field(description="The first day of the season, as announced.")
    def start_date(self) -> dt.date | None:
        return self.row.start_date

    @strawberry.field(description="The last day of the season, as announced.")
    def end_date(self) -> dt.date | None:
        return self.row.end_date

    @strawberry.field(description="Last season's winner, when it took part in this season too.")
    async def defending_champion(self, info: Info) -> Club | None:
        return await await_maybe(club_of(info, self.row.id, self.row.defending_champion_id))

    @strawberry.field(description="Last season's winner's name, as the article gives it (whether or not it took part).")
    async def defending_champion_name(self, info: Info) -> str | None:
        if self.row.defending_champion_id is None:
            return None
        club = await info.context.loaders.club_by_id.load(self.row.defending_champion_id)
        return club.name if club else None

    @strawberry.field(description="The club that won the final.")
    async def winner(self, info: Info) -> Club | None:
        return await await_maybe(club_of(info, self.row.id, self.row.winner_id))

    @strawberry.field(description="The club that lost the final.")
    async def runner_up(self, info: Info) -> Club | None:
        return await await_maybe(club_of(info, self.row.id, self.row.runner_up_id))

    @strawberry.field(description="How many clubs took part.")
    async def club_count(self, info: Info) -> int:
        return (await info.context.loaders.season_totals.load(self.row.id)).clubs

    @strawberry.field(description="How many matches were played.")
    async def match_count(self, info: Info) -> int:
        return (await info.context.loaders.season_totals.load(self.row.id)).matches

    @strawberry.field(description="How many goals were scored (the sum of the scores).")
    async def goal_count(self, info: Info) -> int:
        return (await info.context.loaders.season_totals.load(self.row.id)).goals

    @strawberry.field(description="Goals per match, rounded to two decimals.")
    async def average_goals_per_match(self, info: Info) -> float | None:
        totals = await info.context.loaders.season_totals.load(self.row.id)
        return round(totals.goals / totals.matches, 2) if totals.matches else None

    @strawberry.field(description="The rounds in playing order, with the article's schedule.")
    async def rounds(self, info: Info) -> list[RoundInfo]:
        return await season_rounds(info, self.row)

    @strawberry.field(description="The groups of the group stage, by name.")
    async def groups(self, info: Info) -> list[Group]:
        return await season_groups(info, self.row)

    @strawberry.field(description="The knockout ties, in round order; only `round`'s when given.")
    async def ties(self, info: Info, round: RoundFilter = None) -> list[Tie]:
        return await season_ties(info, self.row, round)

    @strawberry.field(description="The scorer table's leaders, most goals first (ties by name).")
    async def top_scorers(self, info: Info, first: TopScorersFirst = 10) -> list[Scorer]:
        return await top_scorers(info, self.row, first)

    @strawberry.field(description="What the importer checked, and every disagreement it found in the article.")
    async def data_quality(self, info: Info) -> DataQuality:
        return DataQuality(season=self.row)


async def season_rounds(info: Info, season: models.SeasonRow) -> list[RoundInfo]:
    rows = await info.context.loaders.rounds_by_season.load(season.id)
    return [RoundInfo(row=r) for r in sorted(rows, key=lambda r: r.kind.order)]


async def season_groups(info: Info, season: models.SeasonRow) -> list[Group]:
    return [Group(row=g) for g in await info.context.loaders.groups_by_season.load(season.id)]


async def season_ties(info: Info, season: models.SeasonRow, round: RoundKind | None) -> list[Tie]:
    rows = await info.context.loaders.ties_by_season.load(season.id)
    chosen = [t for t in rows if round is None or t.round is round]
    # The loader lists ties in playing order; a stable sort keeps it within each round.
    return [Tie(row=t) for t in sorted(chosen, key=lambda t: t.round.order)]


async def top_scorers(info: Info, season: models.SeasonRow, first: int) -> list[Scorer]:
    if not 0 <= first <= info.context.limits.max_page_size:
        raise BadUserInput(f"`first` must be between 0 and {info.context.limits.max_page_size}, got {first}.")
    rows = await info.context.loaders.scorer_entries_by_season.load(season.id)
    players = await info.context.loaders.player.load_many([r.player_id for r in rows])
    ranked = sorted(zip(rows, players, strict=True), key=lambda pair: (-pair[0].goals, pair[1].name if pair[1] else ""))
    return [Scorer(row=row) for row, _ in ranked[:first]]


@strawberry.type(description="Counts of goal attributions.")
class AttributionCounts:
    stated: int = strawberry.field(description="Goals whose scorer the article names.")
    inferred: int = strawberry.field(description="Goals whose scorer the scorer table proves.")
    unknown: int = strawberry.field(description="Goals whose scorer is not known.")


@strawberry.type(description="A contradiction the importer found in the article.")
class Disagreement:
    line: int = strawberry.field(description="The article's line to read.")
    code: str = strawberry.field(description="What kind of check failed, e.g. SCORER_TABLE_TOTAL.")
    message: str = strawberry.field(description="What disagrees with what.")


@strawberry.type(description="How far to trust a season's numbers: the importer's report.")
class DataQuality:
    season: Private[models.SeasonRow]

    @strawberry.field(description="Matches the infobox says were played.")
    def stated_matches(self) -> int | None:
        return self.season.stated_matches

    @strawberry.field(description="Goals the infobox says were scored.")
    def stated_goals(self) -> int | None:
        return self.season.stated_goals

    @strawberry.field(description="How each goal's scorer is known.")
    async def attributions(self, info: Info) -> AttributionCounts:
        counts = await info.context.loaders.attributions_by_season.load(self.season.id)
        return AttributionCounts(
            stated=counts.get(Attribution.STATED, 0),
            inferred=counts.get(Attribution.INFERRED, 0),
            unknown=counts.get(Attribution.UNKNOWN, 0),
        )

    @strawberry.field(description="Every disagreement, in article order.")
    async def disagreements(self, info: Info) -> list[Disagreement]:
        rows = await info.context.loaders.disagreements_by_season.load(self.season.id)
        return [Disagreement(line=d.line, code=d.code, message=d.message) for d in rows]

    @strawberry.field(description="The article file the season was imported from.")
    def source(self) -> str:
        return self.season.source.rsplit("/", 1)[-1]


@strawberry.type(description="A club in one season: its league, group, matches, scorers and cup run.")
class Club(Node):
    row: Private[ClubInSeason]

    def key(self) -> str:
        return self.row.entry.id

    @strawberry.field(description="The club's name as this season's article writes it.")
    def name(self) -> str:
        return self.row.entry.name

    @strawberry.field(
        description="The club's name as the first season imported wrote it: the same in every season, like `slug`."
    )
    def first_known_name(self) -> str:
        return self.row.club.name

    @strawberry.field(
        description="This club in every season loaded, oldest first: the same key (`slug`) throughout, with each "
        "season's own name, league and cup run."
    )
    async def all_seasons(self, info: Info) -> list[Club]:
        rows = await info.context.loaders.seasons_of_club.load(self.row.club.id)
        for row in rows:
            info.context.loaders.club.prime(row.entry.id, row)
        return [Club(row=row) for row in rows]

    @strawberry.field(description="A URL-friendly name, the same in every season.")
    def slug(self) -> str:
        return self.row.club.id

    @strawberry.field(description="The club's league this season; null where the article does not say.")
    def league(self) -> League | None:
        return self.row.entry.league

    @strawberry.field(
        description="INFERRED when the league follows from the round the article says the league's clubs "
        "entered in; UNKNOWN when `league` is null."
    )
    def league_attribution(self) -> Attribution:
        return self.row.entry.league_attribution

    @strawberry.field(description="The round the club entered the cup in.")
    def entry_round(self) -> RoundKind | None:
        return self.row.entry.entry_round

    @strawberry.field(description="The club's group, if it played the group stage.")
    async def group(self, info: Info) -> Group | None:
        if self.row.entry.group_id is None:
            return None
        row = await info.context.loaders.group.load(self.row.entry.group_id)
        return Group(row=row) if row else None

    @strawberry.field(description="The season this entry belongs to.")
    async def season(self, info: Info) -> Season:
        return await season_of(info, self.row.season_id)

    @strawberry.field(description="The club's matches in the order played.")
    async def matches(
        self, info: Info, filter: InnerMatchFilter = None, order_by: InnerMatchOrder = None
    ) -> list[Match]:
        loaders, key = info.context.loaders, (self.row.season_id, self.row.club.id)
        rows = await inner_rows(info, loaders.matches_by_club, key, nested.CLUB_MATCHES, *key, filter, order_by)
        return [Match(row=m) for m in rows]

    @strawberry.field(description="Goals credited to the club, in match order.")
    async def goals(self, info: Info, filter: InnerGoalFilter = None, order_by: InnerGoalOrder = None) -> list[Goal]:
        loaders, key = info.context.loaders, (self.row.season_id, self.row.club.id)
        rows = await inner_rows(info, loaders.goals_by_club, key, nested.CLUB_GOALS, *key, filter, order_by)
        await prefetch_players(info, "scorer", (r.scorer_id for r in rows))
        return [Goal(row=g) for g in rows]

    @strawberry.field(description="Cards shown to the club's players, in match order.")
    async def cards(self, info: Info, filter: InnerCardFilter = None, order_by: InnerCardOrder = None) -> list[Card]:
        loaders, key = info.context.loaders, (self.row.season_id, self.row.club.id)
        rows = await inner_rows(info, loaders.cards_by_club, key, nested.CLUB_CARDS, *key, filter, order_by)
        await prefetch_players(info, "player", (r.player_id for r in rows))
        return [Card(row=c) for c in rows]

    @strawberry.field(description="The club's players the article mentions, by name.")
    async def players(
        self, info: Info, filter: InnerPlayerFilter = None, order_by: InnerPlayerOrder = None
    ) -> list[Player]:
        loaders, key = info.context.loaders, (self.row.season_id, self.row.club.id)
        rows = await inner_rows(info, loaders.players_by_club, key, nested.CLUB_PLAYERS, *key, filter, order_by)
        return [Player(row=p) for p in rows]

    @strawberry.field(description="The club's scorers from the scorer table, most goals first.")
    async def scorers(self, info: Info) -> list[Scorer]:
        rows = await info.context.loaders.scorer_entries_by_club.load((self.row.season_id, self.row.club.id))
        await prefetch_players(info, "player", (r.player_id for r in rows))
        return [Scorer(row=r) for r in rows]

    @strawberry.field(description="The club's figures over every loaded season: matches, results, goals, titles.")
    async def all_time(self, info: Info) -> ClubRecord:
        return ClubRecord(record=await all_time.club_record(info.context, self.row.club.id))

    @strawberry.field(description="The club's whole cup run: every match, how far it went, who knocked it out.")
    async def cup_run(self, info: Info) -> CupRun:
        season = await info.context.loaders.season.load(self.row.season_id)
        if season is None:
            raise LookupError(f"no season {self.row.season_id}")
        return CupRun(data=await cup_run(info.context, season, self.row.club.id), season_id=season.id)


@strawberry.type(description="A club's matches over every loaded season, from its side, and its titles.")
class ClubRecord:
    record: Private[all_time.Record]

    @strawberry.field(description="Years of the loaded seasons the club played in, earliest first.")
    def seasons(self) -> list[int]:
        return sorted(self.record.seasons)

    @strawberry.field(description="Matches played.")
    def played(self) -> int:
        return self.record.played

    @strawberry.field(description="Matches won.")
    def won(self) -> int:
        return self.record.won

    @strawberry.field(description="Matches drawn (after extra time, where played).")
    def drawn(self) -> int:
        return self.record.drawn

    @strawberry.field(description="Matches lost.")
    def lost(self) -> int:
        return self.record.lost

    @strawberry.field(description="Goals scored.")
    def goals_for(self) -> int:
        return self.record.goals_for

    @strawberry.field(description="Goals conceded.")
    def goals_against(self) -> int:
        return self.record.goals_against

    @strawberry.field(description="Years the club won the cup, earliest first.")
    def titles(self) -> list[int]:
        return self.record.titles


@strawberry.type(description="One match of a club's cup run, seen from the club's side.")
class CupRunStep:
    step: Private[Step]

    @strawberry.field(description="The match.")
    def match(self) -> Match:
        return Match(row=self.step.match)

    @strawberry.field(description="The round of the match.")
    def round(self) -> RoundKind:
        return self.step.match.round

    @strawberry.field(description="1 or 2 in a two-legged tie, else null.")
    def leg(self) -> int | None:
        return self.step.match.leg

    @strawberry.field(description="The other club.", graphql_type=Club)
    def opponent(self, info: Info) -> AwaitableOrValue[Club]:
        m = self.step.match
        return club_required(info, m.season_id, m.away_id if self.step.home else m.home_id)

    @strawberry.field(description="HOME when the article lists the club first.")
    def venue(self) -> Venue:
        return Venue.HOME if self.step.home else Venue.AWAY

    @strawberry.field(description="Goals the club scored.")
    def goals_for(self) -> int:
        return self.step.goals_for

    @strawberry.field(description="Goals the club conceded.")
    def goals_against(self) -> int:
        return self.step.goals_against

    @strawberry.field(description="The match's result for the club (a two-legged tie's legs each have one).")
    def result(self) -> Result:
        return Result(self.step.result)


@strawberry.type(description="A club's path through the cup.")
class CupRun:
    data: Private[CupRunData]
    season_id: Private[str]

    @strawberry.field(description="The club's matches in the order played.")
    def steps(self) -> list[CupRunStep]:
        return [CupRunStep(step=s) for s in self.data.steps]

    @strawberry.field(description="The last round the club played in.")
    def furthest_round(self) -> RoundKind | None:
        return self.data.furthest_round

    @strawberry.field(
        description="The round the club went out in; null for the winner, and for every club while the "
        "season has no winner yet."
    )
    def eliminated_in(self) -> RoundKind | None:
        return self.data.eliminated_in

    @strawberry.field(
        description="The club that knocked it out; null for the winner or a group-stage exit.", graphql_type=Club | None
    )
    def eliminated_by(self, info: Info) -> AwaitableOrValue[Club | None]:
        return club_of(info, self.season_id, self.data.eliminated_by)

    @strawberry.field(description="Whether the club won the cup.")
    def is_winner(self) -> bool:
        return self.data.is_winner

    @strawberry.field(description="Matches played.")
    def played(self) -> int:
        return len(self.data.steps)

    @strawberry.field(description="Matches won.")
    def won(self) -> int:
        return self.data.count("WIN")

    @strawberry.field(description="Matches drawn.")
    def drawn(self) -> int:
        return self.data.count("DRAW")

    @strawberry.field(description="Matches lost.")
    def lost(self) -> int:
        return self.data.count("LOSS")

    @strawberry.field(description="Goals scored over the run.")
    def goals_for(self) -> int:
        return sum(s.goals_for for s in self.data.steps)

    @strawberry.field(description="Goals conceded over the run.")
    def goals_against(self) -> int:
        return sum(s.goals_against for s in self.data.steps)


@strawberry.type(description="A match, with its score, goals and cards.")
class Match(Node):
    row: Private[models.MatchRow]

    def key(self) -> str:
        return self.row.id

    @strawberry.field(description="The day the match was played.")
    def date(self) -> dt.date:
        return self.row.date

    @strawberry.field(description="The round.")
    def round(self) -> RoundKind:
        return self.row.round

    @strawberry.field(description="The group, for a group-stage match.")
    async def group(self, info: Info) -> Group | None:
        if self.row.group_id is None:
            return None
        row = await info.context.loaders.group.load(self.row.group_id)
        return Group(row=row) if row else None

    @strawberry.field(description="1 or 2 in a two-legged tie; null for a single match.")
    def leg(self) -> int | None:
        return self.row.leg

    @strawberry.field(description="The club listed first.", graphql_type=Club)
    def home(self, info: Info) -> AwaitableOrValue[Club]:
        return club_required(info, self.row.season_id, self.row.home_id)

    @strawberry.field(description="The club listed second.", graphql_type=Club)
    def away(self, info: Info) -> AwaitableOrValue[Club]:
        return club_required(info, self.row.season_id, self.row.away_id)

    @strawberry.field(
        description="Goals of the home club (an awarded result's score where one is stated); null for a walkover "
        "that states no score."
    )
    def home_score(self) -> int | None:
        return self.row.home_score

    @strawberry.field(
        description="Goals of the away club (an awarded result's score where one is stated); null for a walkover "
        "that states no score."
    )
    def away_score(self) -> int | None:
        return self.row.away_score

    @strawberry.field(
        description="Whether extra time was played, only from evidence: the article says a.e.t., a goal came after "
        "the 90th minute, or a knockout match with no second leg or replay to follow was level after 90. Null "
        "when a goal's missing minute could decide it, or for a result awarded without play."
    )
    def extra_time(self) -> bool | None:
        return self.row.extra_time

    @strawberry.field(description="Whether the result was awarded (`awd.` or a walkover) rather than played out.")
    def awarded(self) -> bool:
        return self.row.awarded

    @strawberry.field(description="Whether the match was a walkover (`w/o`): one club did not play.")
    def walkover(self) -> bool:
        return self.row.walkover

    @strawberry.field(description="The home club's kicks scored in the penalty shoot-out; null when there was none.")
    def home_penalties(self) -> int | None:
        return self.row.home_penalties

    @strawberry.field(description="The away club's kicks scored in the penalty shoot-out; null when there was none.")
    def away_penalties(self) -> int | None:
        return self.row.away_penalties

    @strawberry.field(
        description="The club that won the match: on the score, else the shoot-out, else the award; null for a draw "
        "or an award the article does not assign.",
        graphql_type=Club | None,
    )
    def winner(self, info: Info) -> AwaitableOrValue[Club | None]:
        return club_of(info, self.row.season_id, self.row.winner_id)

    @strawberry.field(description="The stadium, when the article names it.")
    def stadium(self) -> str | None:
        return self.row.stadium

    @strawberry.field(description="The attendance, when the article gives it.")
    def attendance(self) -> int | None:
        return self.row.attendance

    @strawberry.field(description="The referee, when the article names one.")
    def referee(self) -> str | None:
        return self.row.referee

    @strawberry.field(description="The knockout tie the match belongs to.")
    async def tie(self, info: Info) -> Tie | None:
        if self.row.tie_id is None:
            return None
        row = await info.context.loaders.tie.load(self.row.tie_id)
        return Tie(row=row) if row else None

    @strawberry.field(description="Goals in minute order; goals whose minute is unknown come last.")
    async def goals(self, info: Info, filter: InnerGoalFilter = None, order_by: InnerGoalOrder = None) -> list[Goal]:
        loader, row = info.context.loaders.goals_by_match, self.row
        rows = await inner_rows(info, loader, row.id, nested.MATCH_GOALS, row.season_id, row.id, filter, order_by)
        await prefetch_players(info, "scorer", (r.scorer_id for r in rows))
        return [Goal(row=g) for g in rows]

    @strawberry.field(description="Cards in the article's order (by minute where it gives them).")
    async def cards(self, info: Info, filter: InnerCardFilter = None, order_by: InnerCardOrder = None) -> list[Card]:
        loader, row = info.context.loaders.cards_by_match, self.row
        rows = await inner_rows(info, loader, row.id, nested.MATCH_CARDS, row.season_id, row.id, filter, order_by)
        await prefetch_players(info, "player", (r.player_id for r in rows))
        return [Card(row=c) for c in rows]

    @strawberry.field(description="The article line of the score, for checking the source.")
    def article_line(self) -> int:
        return self.row.line


@strawberry.type(description="A player, as named by the match lines or the scorer table.")
class Player(Node):
    row: Private[models.PlayerRow]

    def key(self) -> str:
        return self.row.id

    @strawberry.field(description="The fullest name the article gives.")
    def name(self) -> str:
        return self.row.name

    @strawberry.field(description="The FIFA country code from the scorer table; null where not given.")
    def nationality(self) -> str | None:
        return self.row.nationality

    @strawberry.field(description="The player's club.", graphql_type=Club)
    def club(self, info: Info) -> AwaitableOrValue[Club]:
        return club_required(info, self.row.season_id, self.row.club_id)

    @strawberry.field(description="Goals the scorer table credits; null when the table does not list the player.")
    async def goal_count(self, info: Info) -> int | None:
        rows = await info.context.loaders.scorer_entry_by_player.load(self.row.id)
        return sum(r.goals for r in rows) if rows else None

    @strawberry.field(description="Goals attributed to the player (STATED or INFERRED), in match order.")
    async def goals(self, info: Info, filter: InnerGoalFilter = None, order_by: InnerGoalOrder = None) -> list[Goal]:
        loader, row = info.context.loaders.goals_by_player, self.row
        rows = await inner_rows(info, loader, row.id, nested.PLAYER_GOALS, row.season_id, row.id, filter, order_by)
        return [Goal(row=g) for g in rows]

    @strawberry.field(description="Cards shown to the player.")
    async def cards(self, info: Info, filter: InnerCardFilter = None, order_by: InnerCardOrder = None) -> list[Card]:
        loader, row = info.context.loaders.cards_by_player, self.row
        rows = await inner_rows(info, loader, row.id, nested.PLAYER_CARDS, row.season_id, row.id, filter, order_by)
        return [Card(row=c) for c in rows]


@strawberry.type(description="A goal. Scorer and minute are null where the article lost them.")
class Goal(Node):
    row: Private[models.GoalRow]

    def key(self) -> str:
        return self.row.id

    @strawberry.field(description="The match.", graphql_type=Match)
    def match(self, info: Info) -> AwaitableOrValue[Match]:
        return match_of(info, self.row.match_id)

    @strawberry.field(description="The club the goal counts for.", graphql_type=Club)
    def club(self, info: Info) -> AwaitableOrValue[Club]:
        return club_required(info, self.row.season_id, self.row.club_id)

    @strawberry.field(
        description="The scorer; null when unknown. See `attribution` for how it is known.", graphql_type=Player | None
    )
    def scorer(self, info: Info) -> AwaitableOrValue[Player | None]:
        return player_of(info, self.row.scorer_id)

    @strawberry.field(description="The minute; null when the article lost it.")
    def minute(self) -> int | None:
        return self.row.minute

    @strawberry.field(description="Added time after `minute` (90+2 is minute 90, stoppageTime 2).")
    def stoppage_time(self) -> int | None:
        return self.row.stoppage

    @strawberry.field(description="Whether it was a penalty; null for a goal whose entry the article lost.")
    def penalty(self) -> bool | None:
        return self.row.penalty

    @strawberry.field(description="Whether it was an own goal; null for a goal whose entry the article lost.")
    def own_goal(self) -> bool | None:
        return self.row.own_goal

    @strawberry.field(description="How the scorer is known: STATED, INFERRED or UNKNOWN.")
    def attribution(self) -> Attribution:
        return self.row.attribution

    @strawberry.field(description="The article line the goal comes from.")
    def article_line(self) -> int:
        return self.row.line


@strawberry.type(description="A card (booking). Articles often lose a card's colour and minute.")
class Card(Node):
    row: Private[models.CardRow]

    def key(self) -> str:
        return self.row.id

    @strawberry.field(description="The match.", graphql_type=Match)
    def match(self, info: Info) -> AwaitableOrValue[Match]:
        return match_of(info, self.row.match_id)

    @strawberry.field(description="The club of the booked player.", graphql_type=Club)
    def club(self, info: Info) -> AwaitableOrValue[Club]:
        return club_required(info, self.row.season_id, self.row.club_id)

    @strawberry.field(
        description="The booked player; null where the article lost the name.", graphql_type=Player | None
    )
    def player(self, info: Info) -> AwaitableOrValue[Player | None]:
        return player_of(info, self.row.player_id)

    @strawberry.field(description="The minute; null where the article does not give it.")
    def minute(self) -> int | None:
        return self.row.minute

    @strawberry.field(description="Added time after `minute` (90+3 is minute 90, stoppageTime 3).")
    def stoppage_time(self) -> int | None:
        return self.row.stoppage

    @strawberry.field(description="The card's colour; UNKNOWN where the article lost it.")
    def kind(self) -> CardKind:
        return self.row.kind

    @strawberry.field(description="The article line the card comes from.")
    def article_line(self) -> int:
        return self.row.line


@strawberry.type(description="A line of a scorer table: a player and the goals the article credits.")
class Scorer:
    row: Private[models.ScorerEntryRow]

    @strawberry.field(description="The player.", graphql_type=Player)
    def player(self, info: Info) -> AwaitableOrValue[Player]:
        return then(player_of(info, self.row.player_id), functools.partial(_required, f"player {self.row.player_id}"))

    @strawberry.field(description="The player's club.", graphql_type=Club)
    def club(self, info: Info) -> AwaitableOrValue[Club]:
        return club_required(info, self.row.season_id, self.row.club_id)

    @strawberry.field(description="Goals, per the scorer table.")
    def goals(self) -> int:
        return self.row.goals


@strawberry.type(description="A club's line in a group table.")
class Standing:
    row: Private[models.StandingRow]

    @strawberry.field(
        description="1 for the group winner; clubs that nothing the article states separates share a position."
    )
    def position(self) -> int:
        return self.row.position

    @strawberry.field(description="The club.", graphql_type=Club)
    def club(self, info: Info) -> AwaitableOrValue[Club]:
        return club_required(info, self.row.season_id, self.row.club_id)

    @strawberry.field(description="Matches played.")
    def played(self) -> int:
        return self.row.played

    @strawberry.field(description="Matches won.")
    def won(self) -> int:
        return self.row.won

    @strawberry.field(description="Matches drawn.")
    def drawn(self) -> int:
        return self.row.drawn

    @strawberry.field(description="Matches lost.")
    def lost(self) -> int:
        return self.row.lost

    @strawberry.field(description="Goals scored.")
    def goals_for(self) -> int:
        return self.row.goals_for

    @strawberry.field(description="Goals conceded.")
    def goals_against(self) -> int:
        return self.row.goals_against

    @strawberry.field(description="Goals for minus goals against.")
    def goal_difference(self) -> int:
        return self.row.goals_for - self.row.goals_against

    @strawberry.field(description="3 for a win, 1 for a draw.")
    def points(self) -> int:
        return self.row.points


@strawberry.type(description="A group of the group stage, with its table.")
class Group(Node):
    row: Private[models.GroupRow]

    def key(self) -> str:
        return self.row.id

    @strawberry.field(description='The group\'s letter, e.g. "A".')
    def name(self) -> str:
        return self.row.name

    @strawberry.field(description="The clubs drawn in the group, by name.")
    async def clubs(self, info: Info) -> list[Club]:
        entries = await info.context.loaders.entries_by_group.load(self.row.id)
        clubs = await info.context.loaders.club.load_many([e.id for e in entries])
        return sorted((Club(row=c) for c in clubs if c), key=lambda c: c.row.entry.sort_name)

    @strawberry.field(description="The group's matches in the order played.")
    async def matches(
        self, info: Info, filter: InnerMatchFilter = None, order_by: InnerMatchOrder = None
    ) -> list[Match]:
        loader, row = info.context.loaders.matches_by_group, self.row
        rows = await inner_rows(info, loader, row.id, nested.GROUP_MATCHES, row.season_id, row.id, filter, order_by)
        return [Match(row=m) for m in rows]

    @strawberry.field(description="The table: 3 points a win; then goal difference, then goals for.")
    async def standings(self, info: Info) -> list[Standing]:
        return [Standing(row=s) for s in await info.context.loaders.standings_by_group.load(self.row.id)]


@strawberry.type(description="A knockout pairing: one match, or two legs with an aggregate.")
class Tie(Node):
    row: Private[models.TieRow]

    def key(self) -> str:
        return self.row.id

    @strawberry.field(description="The round.")
    def round(self) -> RoundKind:
        return self.row.round

    @strawberry.field(description="The matches, first leg first.")
    async def legs(self, info: Info) -> list[Match]:
        return [Match(row=m) for m in await info.context.loaders.matches_by_tie.load(self.row.id)]

    @strawberry.field(description="The club at home in the (first) match.", graphql_type=Club)
    def home(self, info: Info) -> AwaitableOrValue[Club]:
        return club_required(info, self.row.season_id, self.row.home_id)

    @strawberry.field(description="The club away in the (first) match.", graphql_type=Club)
    def away(self, info: Info) -> AwaitableOrValue[Club]:
        return club_required(info, self.row.season_id, self.row.away_id)

    @strawberry.field(description="The home club's goals over all legs.")
    def home_aggregate(self) -> int:
        return self.row.home_aggregate

    @strawberry.field(description="The away club's goals over all legs.")
    def away_aggregate(self) -> int:
        return self.row.away_aggregate

    @strawberry.field(description='The aggregate as text, home club first, e.g. "1-4".')
    def aggregate(self) -> str:
        return f"{self.row.home_aggregate}-{self.row.away_aggregate}"

    @strawberry.field(description="The club that went through.", graphql_type=Club | None)
    def winner(self, info: Info) -> AwaitableOrValue[Club | None]:
        return club_of(info, self.row.season_id, self.row.winner_id)

    @strawberry.field(description="What settled the tie; null where nothing the article says settles it.")
    def decided_by(self) -> TieDecision | None:
        return self.row.decided_by

    @strawberry.field(description="The home club's kicks scored in the deciding shoot-out; null without one.")
    def home_penalties(self) -> int | None:
        return self.row.home_penalties

    @strawberry.field(description="The away club's kicks scored in the deciding shoot-out; null without one.")
    def away_penalties(self) -> int | None:
        return self.row.away_penalties

    @strawberry.field(description="The club that went out.", graphql_type=Club | None)
    def loser(self, info: Info) -> AwaitableOrValue[Club | None]:
        r = self.row
        if r.winner_id is None:
            return None
        return club_of(info, r.season_id, r.away_id if r.winner_id == r.home_id else r.home_id)


@strawberry.type(description="A round of the cup, with the article's schedule.")
class RoundInfo(Node):
    row: Private[models.RoundRow]

    def key(self) -> str:
        return self.row.id

    @strawberry.field(description="The round.")
    def round(self) -> RoundKind:
        return self.row.kind

    @strawberry.field(description='The round\'s name in words, e.g. "Quarter-finals".')
    def name(self) -> str:
        return self.row.kind.value

    @strawberry.field(description="Clubs still in the cup when the round began (the format table).")
    def clubs_remaining(self) -> int | None:
        return self.row.clubs_remaining

    @strawberry.field(description="Clubs playing in the round (the format table).")
    def clubs_involved(self) -> int | None:
        return self.row.clubs_involved

    @strawberry.field(description="The day the round's first match was played; null before any was.")
    async def first_match_date(self, info: Info) -> dt.date | None:
        rows = await info.context.loaders.matches_by_round.load((self.row.season_id, self.row.kind))
        return min((m.date for m in rows), default=None)

    @strawberry.field(
        description="The first match date the article's format table gives; where it differs from "
        "`firstMatchDate`, `Season.dataQuality` says so."
    )
    def scheduled_first_match_date(self) -> dt.date | None:
        return self.row.first_match_date

    @strawberry.field(description="Whether ties in this round had two legs.")
    def two_legged(self) -> bool:
        return self.row.two_legged

    @strawberry.field(description="The round's matches in the order played.")
    async def matches(self, info: Info) -> list[Match]:
        rows = await info.context.loaders.matches_by_round.load((self.row.season_id, self.row.kind))
        return [Match(row=m) for m in rows]
