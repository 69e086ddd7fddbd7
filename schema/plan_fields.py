"""What the compiled plans fetch in one batch per level instead of one resolver call per object.

Keyed by (GraphQL type, field name). A field listed here is resolved for every parent object of a level at once:
one loader call for all of them, without a coroutine per object, and gives exactly what its resolver in
its entity's module gives (the differential test, tests/schema/test_compiled_fuzz.py, checks that byte for byte).
Fields not listed are compiled too, by calling their strawberry resolver. Kept in one module while the schema is
being cut by entity; each entry belongs next to its type's resolvers once that split has landed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from strawberry.dataloader import DataLoader

from football.keys import club_entry_key
from resolvers.context import Context
from resolvers.cup_run import cup_run_of
from resolvers.loaders import Loaders
from schema.card import Card
from schema.club import Club
from schema.cup_run import CupRun
from schema.goal import Goal
from schema.match import Match
from schema.player import Player, Scorer

__all__ = ["BATCHED", "Batched"]


def _no_arguments(arguments: Mapping[str, Any] | None) -> bool:
    """Whether a field is asked with no argument other than null (its defaults), known when the plan is built."""
    return arguments is not None and all(value is None for value in arguments.values())


@dataclass(frozen=True)
class Batched:
    """A field resolved for all the parents of a level at once: `load(context, parents)` gives one value each."""

    load: Callable[[Context, list[Any]], Awaitable[list[Any]]]
    when: Callable[[Mapping[str, Any] | None], bool] = _no_arguments

    def applies(self, arguments: Mapping[str, Any] | None) -> bool:
        """Whether the batch gives what the resolver would for a field asked with `arguments`."""
        return self.when(arguments)


async def _load_many(loader: DataLoader[Any, Any], keys: list[Any]) -> dict[Any, Any]:
    """The value of each distinct key, as `loader.load_many` gives it but without a future and a callback per key:
    those the loader holds already (primed or loaded) read from its cache, those it is loading awaited, the others
    loaded by its batch function at once (in batches of its size, in the request's wave) and put in its cache."""
    found: dict[Any, Any] = {}
    missing, loading = [], []
    cached = loader.cache_map.get
    for key in dict.fromkeys(keys):
        future = cached(key)
        if future is None:
            missing.append(key)
        elif future.done() and not future.cancelled() and future.exception() is None:
            found[key] = future.result()
        else:
            loading.append(key)
    size = loader.max_batch_size or len(missing) or 1
    for start in range(0, len(missing), size):
        batch = missing[start : start + size]
        values = await loader.load_fn(batch)
        for value in values:
            if isinstance(value, BaseException):
                raise value
        loaded = dict(zip(batch, values, strict=True))
        loader.prime_many(loaded)
        found.update(loaded)
    if loading:
        found.update(zip(loading, await loader.load_many(loading), strict=True))
    return found


async def _linked(loader: DataLoader[str, Any], keys: list[str | None], wrap: Any) -> list[Any]:
    """The object each key links to (None for a None key or a missing row), each distinct key loaded once."""
    found = await _load_many(loader, [key for key in keys if key is not None])
    return [None if key is None else _wrapped(wrap, found[key]) for key in keys]


def _clubs(pick: Callable[[Any], tuple[str, str | None]]) -> Batched:
    """A link to a club: `pick(parent)` is its (season id, club id), the club id None for no club."""

    async def load(context: Context, parents: list[Any]) -> list[Any]:
        keys = [None if club is None else club_entry_key(season, club) for season, club in map(pick, parents)]
        return await _linked(context.loaders.club, keys, Club)

    return Batched(load, when=_always)


def _players(pick: Callable[[Any], str | None]) -> Batched:
    """A link to a player: `pick(parent)` is the player's id, or None for no player."""

    async def load(context: Context, parents: list[Any]) -> list[Any]:
        return await _linked(context.loaders.player, [pick(parent) for parent in parents], Player)

    return Batched(load, when=_always)


def _lists(loader: Callable[[Loaders], DataLoader[Any, list[Any]]], key: Callable[[Any], Any], wrap: Any) -> Batched:
    """A list inside an object, as its own loader gives it when asked with no filter or order."""

    async def load(context: Context, parents: list[Any]) -> list[Any]:
        keys = [key(parent) for parent in parents]
        lists = await _load_many(loader(context.loaders), keys)
        return [[wrap(row=row) for row in lists[each]] for each in keys]

    return Batched(load)


async def _cup_runs(context: Context, parents: list[Any]) -> list[Any]:
    """`Club.cupRun` for every club of a level: their seasons and matches in one load each."""
    seasons = await _load_many(context.loaders.season, [club.row.season_id for club in parents])
    keys = [(club.row.season_id, club.row.club.id) for club in parents]
    matches = await _load_many(context.loaders.matches_by_club, keys)
    runs = []
    for season_id, club_id in keys:
        season, played = seasons[season_id], matches[(season_id, club_id)]
        if season is None:
            raise LookupError(f"no season {season_id}")
        runs.append(CupRun(data=cup_run_of(season, club_id, played), season_id=season.id))
    return runs


def _always(_arguments: Mapping[str, Any] | None) -> bool:
    return True


def _wrapped(wrap: Any, row: Any) -> Any:
    return wrap(row=row) if row else None


def _opponent(step: Any) -> tuple[str, str | None]:
    match = step.step.match
    return match.season_id, match.away_id if step.step.home else match.home_id


def _own_club(parent: Any) -> tuple[str, str | None]:
    return parent.row.season_id, parent.row.club_id


def _club_key(club: Any) -> tuple[str, str]:
    return club.row.season_id, club.row.club.id


def _row_id(parent: Any) -> str:
    return str(parent.row.id)


BATCHED: dict[tuple[str, str], Batched] = {
    ("Club", "cupRun"): Batched(_cup_runs, when=_always),
    ("Club", "scorers"): _lists(lambda loaders: loaders.scorer_entries_by_club, _club_key, Scorer),
    ("Club", "matches"): _lists(lambda loaders: loaders.matches_by_club, _club_key, Match),
    ("Club", "goals"): _lists(lambda loaders: loaders.goals_by_club, _club_key, Goal),
    ("Club", "cards"): _lists(lambda loaders: loaders.cards_by_club, _club_key, Card),
    ("Club", "players"): _lists(lambda loaders: loaders.players_by_club, _club_key, Player),
    ("Match", "goals"): _lists(lambda loaders: loaders.goals_by_match, _row_id, Goal),
    ("Match", "cards"): _lists(lambda loaders: loaders.cards_by_match, _row_id, Card),
    ("Player", "goals"): _lists(lambda loaders: loaders.goals_by_player, _row_id, Goal),
    ("Player", "cards"): _lists(lambda loaders: loaders.cards_by_player, _row_id, Card),
    ("CupRunStep", "opponent"): _clubs(_opponent),
    ("CupRun", "eliminatedBy"): _clubs(lambda run: (run.season_id, run.data.eliminated_by)),
    ("Match", "home"): _clubs(lambda match: (match.row.season_id, match.row.home_id)),
    ("Match", "away"): _clubs(lambda match: (match.row.season_id, match.row.away_id)),
    ("Match", "winner"): _clubs(lambda match: (match.row.season_id, match.row.winner_id)),
    ("Goal", "club"): _clubs(_own_club),
    ("Card", "club"): _clubs(_own_club),
    ("Scorer", "club"): _clubs(_own_club),
    ("Player", "club"): _clubs(_own_club),
    ("Goal", "scorer"): _players(lambda goal: goal.row.scorer_id),
    ("Card", "player"): _players(lambda card: card.row.player_id),
    ("Scorer", "player"): _players(lambda scorer: scorer.row.player_id),
}
