"""A match's goals and cards from its team lines, and the scorers the scorer table proves.

Rules (each follows from the text; nothing is invented):
- an entry with minutes is one player's goals; an entry with a card marker is that card; a bare name is a card of
  unknown kind; an empty entry is a card of an unknown player;
- each team gets exactly as many goals as it scored, and an awarded result none: goals the text lost are added
  with no minute or scorer, and an empty entry on the same line is taken to be that lost goal, not a card too;
- a line that lists more goals than the score is reported, and the team's goals are served without the entries
  that cannot be told apart (never more than the score);
- a lost goal or unnamed entry gets a scorer only where the scorer table leaves one choice (INFERRED); a bare
  name that such an inference proves to be the scorer of a lost goal is that goal, not a card.
"""

from __future__ import annotations

import re
from collections import defaultdict

from cupql.article.attribution import Unit, attribute
from cupql.article.findings import Findings
from cupql.article.parser import Entry, RawMatch, ScorerLine, TeamLine
from football.season import ArticleCard, ArticleGoal, ArticleMatch, ArticlePlayer, ReportNote, ScorerRow
from football.vocabulary import Attribution, CardKind, fold, slug


class EventReader:
    """Reads every match's team lines against one scorer table, then attributes the unnamed goals."""

    def __init__(self, scorers: list[ScorerLine], findings: Findings) -> None:
        self.findings = findings
        # Keyed as the database keys them (club, slug): `G. Nranyan` and `G.Nranyan` are one player.
        self.players: dict[tuple[str, str], ArticlePlayer] = {}
        self.notes: list[ReportNote] = []
        self._spellings: set[tuple[str, str]] = set()
        self.table: dict[str, list[ScorerLine]] = defaultdict(list)
        # Goals with no scorer, each list one player's: an unnamed entry's minutes, or one lost goal.
        self.unnamed: list[tuple[ArticleMatch, str, list[ArticleGoal]]] = []
        # A lost goal and the empty entry on its line that is taken to be it, unless a bare name proves to be it.
        self.blank_goals: list[tuple[ArticleMatch, ArticleGoal, ArticleCard]] = []
        for row in scorers:
            self.table[row.club].append(row)
            self.player(row.club, row.name, row.nationality)

    def player(
        self, club: str, name: str, nationality: str | None = None, identity: str | None = None, line: int = 0
    ) -> ArticlePlayer:
        key = (club, slug(name))
        known = self.players.get(key)
        if known is None:
            known = self.players[key] = ArticlePlayer(club=club, name=name, nationality=nationality, identity=identity)
        elif known.name != name and (club, name) not in self._spellings:
            self._spellings.add((club, name))
            self.notes.append(
                ReportNote(
                    line, "ONE_PLAYER", f"{club}: {known.name!r} and {name!r} fold to one player, {known.name!r}"
                )
            )
        known.identity = known.identity or identity
        return known

    def scorer_rows(self) -> list[ScorerRow]:
        return [
            ScorerRow(self.player(row.club, row.name, row.nationality), row.goals, row.line)
            for rows in self.table.values()
            for row in rows
            if not row.own_goal
        ]

    def _resolve(
        self, club: str, name: str, line: int, own_goal: bool = False, identity: str | None = None
    ) -> ArticlePlayer:
        """The player a match line's short name means: the one table player of the club it names.

        An own goal's scorer is also looked for among the table's own-goal rows. A linked name is the player
        the link names, whatever the table says.
        """
        if identity:
            return self.player(club, name, identity=identity, line=line)
        short = fold(name)
        found = [
            row
            for row in self.table.get(club, [])
            if (own_goal or not row.own_goal) and (fold(row.name) == short or fold(row.name).endswith(" " + short))
        ]
        if len({fold(row.name) for row in found}) > 1:
            names = ", ".join(sorted({row.name for row in found}))
            self.findings.disagree(line, "AMBIGUOUS_NAME", f"{name!r} of {club} could be any of {names}")
            return self.player(club, name, line=line)
        if found:
            return self.player(club, found[0].name, line=line)
        return self.player(club, name, line=line)

    def read(self, raw: RawMatch, match: ArticleMatch) -> None:
        """Fill `match` with the goals and cards of `raw`'s team lines."""
        for club, score in ((raw.home, raw.home_score), (raw.away, raw.away_score)):
            team = raw.teams.get(club)
            opponent = raw.away if club == raw.home else raw.home
            self._team(match, club, opponent, 0 if match.awarded else score or 0, team, raw.line)

    def _team(
        self, match: ArticleMatch, club: str, opponent: str, score: int, team: TeamLine | None, line: int
    ) -> None:
        entries = team.entries if team else []
        line = team.line if team else line
        goals: list[list[ArticleGoal]] = []
        blanks: list[ArticleCard] = []
        for entry in entries:
            if not entry.minutes and not entry.cards and entry.name and re.search(r"\d", entry.name):
                # Digits but no readable minutes (`43 '`, `43' (p)`): neither a goal nor a card can be trusted.
                self.findings.disagree(
                    line, "UNREADABLE_ENTRY", f"cannot read {entry.name!r} of {club}: kept neither goal nor card"
                )
                continue
            self._cards(match, club, entry, line)
            if entry.minutes:
                goals.append(self._goals(club, opponent, entry, line))
            elif not entry.cards and entry.name:
                player = self._resolve(club, entry.name, line, identity=entry.identity)
                match.cards.append(ArticleCard(club, player, None, CardKind.UNKNOWN, line))
            elif not entry.cards:
                blanks.append(ArticleCard(club, None, None, CardKind.UNKNOWN, line))
                match.cards.append(blanks[-1])
        listed = sum(len(player_goals) for player_goals in goals)
        if match.awarded and listed:
            self.findings.disagree(
                line, "AWARDED_GOALS", f"{club}'s result was awarded; the {listed} goal(s) listed are not counted"
            )
            goals = []
        elif listed > score:
            self.findings.disagree(
                line,
                "TOO_MANY_GOALS",
                f"{club} scored {score} but the text lists {listed} goals; "
                "its goals are served without scorer or minute",
            )
            goals = []
        for player_goals in goals:
            match.goals += player_goals
            if not player_goals[0].scorer and not any(goal.own_goal for goal in player_goals):
                self.unnamed.append((match, club, player_goals))
        lost = score - sum(len(player_goals) for player_goals in goals)
        for index in range(lost):
            goal = ArticleGoal(club, None, None, None, None, None, Attribution.UNKNOWN, line)
            match.goals.append(goal)
            self.unnamed.append((match, club, [goal]))
            if index < len(blanks):
                self.blank_goals.append((match, goal, blanks[index]))

    def _cards(self, match: ArticleMatch, club: str, entry: Entry, line: int) -> None:
        player = self._resolve(club, entry.name, line, identity=entry.identity) if entry.name else None
        match.cards += [ArticleCard(club, player, mark.minute, mark.kind, line, mark.stoppage) for mark in entry.cards]

    def _goals(self, club: str, opponent: str, entry: Entry, line: int) -> list[ArticleGoal]:
        goals = []
        for minute in entry.minutes:
            # An own goal is listed in the line of the team it counts for; its scorer plays for the opponent.
            scorer = None
            if entry.name:
                scorer = self._resolve(
                    opponent if minute.own_goal else club, entry.name, line, minute.own_goal, entry.identity
                )
            goals.append(
                ArticleGoal(
                    club=club,
                    scorer=scorer,
                    minute=minute.minute,
                    stoppage=minute.stoppage,
                    penalty=minute.penalty,
                    own_goal=minute.own_goal,
                    attribution=Attribution.STATED if entry.name else Attribution.UNKNOWN,
                    line=line,
                )
            )
        return goals

    def attribute(self, matches: list[ArticleMatch]) -> None:
        """Give unnamed goals the one scorer every reading of the scorer table allows (INFERRED).

        Then an empty entry on a line that lost a goal is read as that goal (unless a bare name proved to be
        it), so that no entry is served both as a goal and as a card.
        """
        claimed: set[int] = set()
        for club in sorted({club for _, club, _ in self.unnamed}):
            remaining = {row.name: row.goals for row in self.table.get(club, []) if not row.own_goal}
            for match in matches:
                for goal in match.goals:
                    if goal.club == club and goal.scorer and not goal.own_goal and goal.scorer.name in remaining:
                        remaining[goal.scorer.name] -= 1
            units: list[Unit] = []
            pieces = [(match, goals) for match, owner, goals in self.unnamed if owner == club]
            for match, goals in pieces:
                named = frozenset(g.scorer.name for g in match.goals if g.club == club and g.scorer)
                units.append(Unit(id(match), len(goals), goals[0].minute is not None, named))
            for (match, goals), unit, choice in zip(pieces, units, attribute(remaining, units), strict=True):
                if choice is None:
                    continue
                player = self.player(club, choice)
                for goal in goals:
                    goal.scorer, goal.attribution = player, Attribution.INFERRED
                if not unit.entry and _card_was_goal(match, club, player):
                    claimed.add(id(goals[0]))
        for match, goal, blank in self.blank_goals:
            if id(goal) not in claimed:
                match.cards.remove(blank)


def _card_was_goal(match: ArticleMatch, club: str, player: ArticlePlayer) -> bool:
    """A bare name whose lost goal the table proves is that goal, not a booking."""
    for card in match.cards:
        if card.club == club and card.player is player and card.kind is CardKind.UNKNOWN:
            match.cards.remove(card)
            return True
    return False
