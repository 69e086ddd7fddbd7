"""Decide who scored the goals whose names the article lost, where the scorer table leaves one choice.

Each club's unnamed goals are *units*: an entry with minutes (one player's, however many minutes) or a goal
the text lost altogether. A consistent assignment gives every unit to one of the club's table players, or to
someone outside the table, so that every table player ends with exactly his table count and the goals
outside the table match the club's surplus. Within one match a team's entries are different players, and an
unnamed entry is nobody already named with a goal in that match. A unit is attributed only when every
consistent assignment gives it the same table player.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

OUTSIDE = "<outside the table>"
# Beyond this many search steps a club's puzzle is left unsolved rather than slowing the import.
_SEARCH_BUDGET = 200_000


@dataclass(frozen=True)
class Unit:
    """An unnamed goal or entry: `size` goals by one player; `entry` units follow the one-entry rule."""

    match: int
    size: int
    entry: bool
    named_in_match: frozenset[str]


def attribute(remaining: dict[str, int], units: Sequence[Unit]) -> list[str | None]:
    """For each unit, the one table player every consistent assignment gives it, else None.

    `remaining` is each table player's table count less the goals the text names him for.
    """
    outside = sum(unit.size for unit in units) - sum(remaining.values())
    if outside < 0 or any(count < 0 for count in remaining.values()):
        return [None] * len(units)
    search = _Search(dict(remaining), units)
    seen: list[set[str]] = [set() for _ in units]
    for solution in search.solutions(outside):
        for index, player in enumerate(solution):
            seen[index].add(player)
        if all(len(players) > 1 for players in seen):
            break
    if search.over_budget or not any(seen):
        return [None] * len(units)
    return [next(iter(players)) if len(players) == 1 and OUTSIDE not in players else None for players in seen]


class _Search:
    """Depth-first enumeration of consistent assignments, bounded by a step budget."""

    def __init__(self, remaining: dict[str, int], units: Sequence[Unit]) -> None:
        self.remaining = remaining
        self.units = units
        self.chosen: list[str] = []
        self.steps = 0
        self.over_budget = False

    def solutions(self, outside_left: int, index: int = 0) -> Iterator[list[str]]:
        self.steps += 1
        if self.steps > _SEARCH_BUDGET:
            self.over_budget = True
            return
        if index == len(self.units):
            if outside_left == 0 and not any(self.remaining.values()):
                yield list(self.chosen)
            return
        unit = self.units[index]
        taken = {
            player
            for other, player in zip(self.units[:index], self.chosen, strict=True)
            if other.match == unit.match and other.entry and unit.entry
        }
        for player, count in self.remaining.items():
            if count < unit.size or player in taken or (unit.entry and player in unit.named_in_match):
                continue
            self.remaining[player] -= unit.size
            self.chosen.append(player)
            yield from self.solutions(outside_left, index + 1)
            self.chosen.pop()
            self.remaining[player] += unit.size
        if outside_left >= unit.size:
            self.chosen.append(OUTSIDE)
            yield from self.solutions(outside_left - unit.size, index + 1)
            self.chosen.pop()
