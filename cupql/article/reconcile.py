"""Turn a parsed article into a validated, reconciled season, and report every disagreement found.

Rules (each follows from the text; nothing is invented):
- an entry with minutes is one player's goals; a bare name is a card of unknown kind; an empty entry is a card
  of an unknown player;
- each team gets exactly as many goals as it scored: goals the text lost are added with no minute or scorer;
- a lost goal or unnamed entry gets a scorer only where the scorer table leaves one choice (INFERRED); a bare
  name that such an inference proves to be the scorer of a lost goal is that goal, not a card;
- extra time is decided from the minutes, and stays unknown where a missing minute could change the answer.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from cupql.article.attribution import Unit, attribute
from cupql.article.parser import Article, ArticleError, Entry, LeagueCell, RawMatch, ScorerLine
from cupql.article.season import (
    Card,
    Club,
    Disagreement,
    Goal,
    Match,
    Player,
    Report,
    Round,
    ScorerRow,
    Season,
    Standing,
    Tie,
)
from cupql.vocabulary import Attribution, CardKind, League, RoundKind, fold


def build_season(article: Article) -> Season:
    """Reconcile `article` into a Season whose report lists every disagreement found."""
    return _Builder(article).build()


class _Builder:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.disagreements: list[Disagreement] = []
        self.players: dict[tuple[str, str], Player] = {}
        self.table: dict[str, list[ScorerLine]] = defaultdict(list)
        # Goals with no scorer, each list one player's: an unnamed entry's minutes, or one lost goal.
        self.unnamed: list[tuple[Match, str, list[Goal]]] = []

    def disagree(self, line: int, code: str, message: str) -> None:
        self.disagreements.append(Disagreement(line, code, message))

    def build(self) -> Season:
        article = self.article
        year = self._year()
        self._scorer_table()
        matches = [self._match(raw) for raw in article.matches]
        self._attribute(matches)
        for match in matches:
            match.goals.sort(key=_goal_order)
        ties = self._ties(matches)
        for match in matches:
            match.extra_time = _extra_time(match, ties)
        clubs = self._clubs(matches)
        standings = self._standings(matches, clubs)
        rounds = self._rounds(matches, ties, clubs)
        final = [tie for tie in ties if tie.round is RoundKind.FINAL]
        winner = final[0].winner if len(final) == 1 else None
        runner_up = None
        if final and winner:
            runner_up = final[0].away if winner == final[0].home else final[0].home
        self._check_totals(matches, winner, runner_up, clubs)
        intro = " ".join(p.text for p in article.prose if p.round is None)
        start, end = self._season_dates(year)
        scorers = [
            ScorerRow(self._player(row.club, row.name, row.nationality), row.goals, row.line)
            for rows in self.table.values()
            for row in rows
            if not row.own_goal
        ]
        all_goals = [goal for match in matches for goal in match.goals]
        return Season(
            competition=article.info("Title") or re.sub(r"^\d{4}\s+", "", article.title),
            country=article.info("Country") or "",
            year=year,
            name=article.title,
            edition=_edition(intro),
            sponsor_name=_search(r"known as the (.+?) for sponsorship reasons", intro),
            start_date=start,
            end_date=end,
            defending_champion=_search(r"(?:^|\.\s)([A-Z][^.]*?) (?:are|is|were|was) the defending champions", intro),
            winner=winner,
            runner_up=runner_up,
            stated_teams=_int(article.info("Num Teams")),
            stated_matches=_int(article.info("Matches")),
            stated_goals=_int(article.info("Goals")),
            rounds=rounds,
            groups=sorted({club.group for club in clubs if club.group}),
            clubs=clubs,
            players=list(self.players.values()),
            matches=matches,
            ties=ties,
            standings=standings,
            scorers=scorers,
            report=Report(
                matches=len(matches),
                goals=len(all_goals),
                attributions={kind: sum(g.attribution is kind for g in all_goals) for kind in Attribution},
                disagreements=sorted(self.disagreements, key=lambda d: (d.line, d.code)),
            ),
        )

    def _year(self) -> int:
        stated = self.article.info("Year")
        found = re.match(r"\d{4}", stated or self.article.title)
        if found is None:
            raise ArticleError(self.article.source, self.article.title_line, "no season year in the title or infobox")
        return int(found.group())

    def _season_dates(self, year: int) -> tuple[dt.date | None, dt.date | None]:
        """The announced first and last days (`commencing on 11 March and finishing on 29 September`)."""
        pattern = re.compile(
            r"commencing on (\d{1,2} [A-Z][a-z]+)(?: (\d{4}))? and finishing on (\d{1,2} [A-Z][a-z]+)(?: (\d{4}))?"
        )
        for prose in self.article.prose:
            found = pattern.search(prose.text) if prose.round is None else None
            if found is None:
                continue
            try:
                start = dt.datetime.strptime(f"{found[1]} {found[2] or year}", "%d %B %Y").date()
                end = dt.datetime.strptime(f"{found[3]} {found[4] or year}", "%d %B %Y").date()
            except ValueError:
                self.disagree(prose.line, "UNREADABLE_DATE", f"cannot read the season's dates in {found[0]!r}")
                return None, None
            return start, end
        return None, None

    # Players -------------------------------------------------------------------------------------------

    def _scorer_table(self) -> None:
        for row in self.article.scorers:
            self.table[row.club].append(row)
            self._player(row.club, row.name, row.nationality)

    def _player(self, club: str, name: str, nationality: str | None = None) -> Player:
        key = (club, fold(name))
        if key not in self.players:
            self.players[key] = Player(club=club, name=name, nationality=nationality)
        return self.players[key]

    def _resolve(self, club: str, name: str, line: int, own_goal: bool = False) -> Player:
        """The player a match line's short name means: the one table player of the club it names.

        An own goal's scorer is also looked for among the table's own-goal rows.
        """
        short = fold(name)
        matches = [
            row
            for row in self.table.get(club, [])
            if (own_goal or not row.own_goal) and (fold(row.name) == short or fold(row.name).endswith(" " + short))
        ]
        if len({fold(row.name) for row in matches}) > 1:
            names = ", ".join(sorted({row.name for row in matches}))
            self.disagree(line, "AMBIGUOUS_NAME", f"{name!r} of {club} could be any of {names}")
            return self._player(club, name)
        if matches:
            return self._player(club, matches[0].name)
        return self._player(club, name)

    # Matches -------------------------------------------------------------------------------------------

    def _match(self, raw: RawMatch) -> Match:
        match = Match(
            line=raw.line,
            date=raw.date,
            round=raw.round,
            group=raw.group,
            home=raw.home,
            away=raw.away,
            home_score=raw.home_score,
            away_score=raw.away_score,
        )
        for club, score in ((raw.home, raw.home_score), (raw.away, raw.away_score)):
            team = raw.teams.get(club)
            entries = team.entries if team else []
            line = team.line if team else raw.line
            opponent = raw.away if club == raw.home else raw.home
            for entry in entries:
                self._events(match, club, opponent, entry, line)
            listed = sum(goal.club == club for goal in match.goals)
            if listed > score:
                self.disagree(line, "TOO_MANY_GOALS", f"{club} scored {score} but the text lists {listed} goals")
            for _ in range(score - listed):
                lost = Goal(club, None, None, None, None, None, Attribution.UNKNOWN, line)
                match.goals.append(lost)
                self.unnamed.append((match, club, [lost]))
        return match

    def _events(self, match: Match, club: str, opponent: str, entry: Entry, line: int) -> None:
        if not entry.minutes and entry.name and re.search(r"\d", entry.name):
            # Digits but no readable minutes (`43 '`, `43' (p)`): neither a goal nor a card can be trusted.
            self.disagree(line, "UNREADABLE_ENTRY", f"cannot read {entry.name!r} of {club}: kept neither goal nor card")
            return
        if not entry.minutes:
            player = self._resolve(club, entry.name, line) if entry.name else None
            match.cards.append(Card(club, player, None, CardKind.UNKNOWN, line))
            return
        goals = []
        for minute in entry.minutes:
            # An own goal is listed in the line of the team it counts for; its scorer plays for the opponent.
            scorer = None
            if entry.name:
                scorer = self._resolve(opponent if minute.own_goal else club, entry.name, line, minute.own_goal)
            goals.append(
                Goal(
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
        match.goals += goals
        if not entry.name and not any(goal.own_goal for goal in goals):
            self.unnamed.append((match, club, goals))

    def _attribute(self, matches: list[Match]) -> None:
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
                player = self._player(club, choice)
                for goal in goals:
                    goal.scorer, goal.attribution = player, Attribution.INFERRED
                if not unit.entry:
                    self._card_was_goal(match, club, player)

    def _card_was_goal(self, match: Match, club: str, player: Player) -> None:
        """A bare name whose lost goal the table proves is that goal, not a booking."""
        for card in match.cards:
            if card.club == club and card.player is player:
                match.cards.remove(card)
                return

    # Knockout ties and extra time ----------------------------------------------------------------------

    def _ties(self, matches: list[Match]) -> list[Tie]:
        pairs: dict[tuple[RoundKind, frozenset[str]], list[Match]] = defaultdict(list)
        for match in matches:
            if match.round is not RoundKind.GROUP_STAGE:
                pairs[(match.round, frozenset((match.home, match.away)))].append(match)
        later: dict[RoundKind, set[str]] = defaultdict(set)
        for match in matches:
            for kind in RoundKind:
                if kind.order < match.round.order:
                    later[kind] |= {match.home, match.away}
        ties = []
        for (kind, _), legs in pairs.items():
            legs.sort(key=lambda m: m.date)
            for first, second in itertools.pairwise(legs):
                if first.date == second.date:
                    raise ArticleError(self.article.source, second.line, "the same pairing twice on one day")
            two_legged = self._two_legged(kind, pairs)
            if two_legged:
                if len(legs) > 2:
                    self.disagree(legs[2].line, "TOO_MANY_LEGS", f"{legs[0].home} and {legs[0].away} met 3 times")
                for number, leg in enumerate(legs, start=1):
                    leg.leg = number
            home, away = legs[0].home, legs[0].away
            home_total = sum(m.home_score if m.home == home else m.away_score for m in legs)
            away_total = sum(m.home_score if m.home == away else m.away_score for m in legs)
            winner: str | None = None
            # A replay decides a single-match tie on its own result; legs add up to an aggregate.
            last = legs[-1]
            deciding = (
                (home_total, away_total)
                if two_legged
                else (
                    last.home_score if last.home == home else last.away_score,
                    last.away_score if last.home == home else last.home_score,
                )
            )
            if deciding[0] != deciding[1]:
                winner = home if deciding[0] > deciding[1] else away
            else:
                advanced = {home, away} & later[kind]
                winner = advanced.pop() if len(advanced) == 1 else None
            if winner and later[kind] and winner not in later[kind] and kind is not RoundKind.FINAL:
                self.disagree(legs[-1].line, "WINNER_DID_NOT_ADVANCE", f"{winner} won but played no later round")
            ties.append(Tie(kind, home, away, legs, home_total, away_total, winner))
        return ties

    def _two_legged(self, kind: RoundKind, pairs: dict[tuple[RoundKind, frozenset[str]], list[Match]]) -> bool:
        """Whether the round's ties have legs: as its prose says, else when every pairing met twice."""
        prose = " ".join(p.text for p in self.article.prose if p.round is kind).casefold()
        if "two legs" in prose or "two-legged" in prose:
            return True
        if "single match" in prose or "replay" in prose:
            return False
        meetings = [len(legs) for (round_kind, _), legs in pairs.items() if round_kind is kind]
        return bool(meetings) and all(count == 2 for count in meetings)

    # Clubs, groups, rounds -----------------------------------------------------------------------------

    def _clubs(self, matches: list[Match]) -> list[Club]:
        clubs: dict[str, Club] = {}
        for match in sorted(matches, key=lambda m: (m.round.order, m.date)):
            for name in (match.home, match.away):
                club = clubs.setdefault(name, Club(name, entry_round=match.round))
                if match.group:
                    if club.group and club.group != match.group:
                        self.disagree(
                            match.line, "TWO_GROUPS", f"{name} plays in groups {club.group} and {match.group}"
                        )
                    club.group = match.group
        self._check_draw(clubs)
        self._leagues(clubs)
        for club_name, rows in self.table.items():
            if club_name not in clubs:
                self.disagree(rows[0].line, "UNKNOWN_CLUB", f"the scorer table names {club_name}, who played no match")
        return sorted(clubs.values(), key=lambda c: fold(c.name))

    def _check_draw(self, clubs: dict[str, Club]) -> None:
        for group, (cell, line) in self.article.draw.items():
            members = {c.name for c in clubs.values() if c.group == group}
            drawn = _segment(cell, {c for c in clubs})
            if drawn is None or set(drawn) != members:
                played = ", ".join(sorted(members))
                self.disagree(
                    line,
                    "DRAW_MISMATCH",
                    f"the draw of group {group} ({cell}) differs from its matches ({played})",
                )

    def _leagues(self, clubs: dict[str, Club]) -> None:
        """A round's prose naming exactly one league tells the league of the clubs entering in that round."""
        cells: dict[League, LeagueCell] = {}
        for cell in self.article.leagues:
            league = next((lg for lg in League if fold(cell.name).endswith(fold(lg.value))), None)
            if league is None:
                self.disagree(cell.line, "UNKNOWN_LEAGUE", f"{cell.name!r} is not a league cupql knows; ignored")
            else:
                cells[league] = cell
        for prose in self.article.prose:
            if prose.round is None:
                continue
            named = [league for league in cells if league.value in prose.text]
            if len(named) != 1:
                continue
            entering = [c for c in clubs.values() if c.entry_round is prose.round and not c.group]
            for club in entering:
                club.league, club.league_attribution = named[0], Attribution.INFERRED
            stated = cells[named[0]].clubs
            if stated is not None and stated != len(entering):
                self.disagree(
                    prose.line,
                    "LEAGUE_COUNT",
                    f"{len(entering)} clubs entered in the {prose.round.value}, "
                    f"but the participants table gives the {cells[named[0]].name} {stated} clubs",
                )
        counts = [cell.clubs for cell in self.article.leagues if cell.clubs is not None]
        if counts and len(counts) == len(self.article.leagues) and sum(counts) != len(clubs):
            self.disagree(
                self.article.leagues[0].line,
                "LEAGUE_COUNT",
                f"the participants table adds up to {sum(counts)} clubs, the matches have {len(clubs)}",
            )

    def _standings(self, matches: list[Match], clubs: list[Club]) -> list[Standing]:
        standings: list[Standing] = []
        draw_lines = {group: line for group, (_, line) in self.article.draw.items()}
        knockout_clubs = {name for m in matches if m.group is None for name in (m.home, m.away)}
        for group in sorted({c.group for c in clubs if c.group}):
            table = {c.name: Standing(group, 0, c.name, 0, 0, 0, 0, 0, 0) for c in clubs if c.group == group}
            for match in matches:
                if match.group != group:
                    continue
                for name, scored, conceded in (
                    (match.home, match.home_score, match.away_score),
                    (match.away, match.away_score, match.home_score),
                ):
                    row = table[name]
                    row.played += 1
                    row.goals_for += scored
                    row.goals_against += conceded
                    row.won += scored > conceded
                    row.drawn += scored == conceded
                    row.lost += scored < conceded
            rows = sorted(table.values(), key=lambda r: (-r.points, -r.goal_difference, -r.goals_for, fold(r.club)))
            for position, row in enumerate(rows, start=1):
                row.position = position
            for first, second in itertools.pairwise(rows):
                if _rank(first) == _rank(second):
                    self.disagree(
                        draw_lines.get(group, 0),
                        "STANDINGS_TIE",
                        f"group {group}: {first.club} and {second.club} are level on points, goal difference "
                        "and goals for; their order is by name",
                    )
            advanced = [row for row in rows if row.club in knockout_clubs]
            if any(row.position > len(advanced) for row in advanced):
                names = ", ".join(row.club for row in advanced)
                self.disagree(
                    draw_lines.get(group, 0),
                    "GROUP_ADVANCE",
                    f"group {group}: {names} played on, but the table does not rank them on top",
                )
            standings += rows
        return standings

    def _rounds(self, matches: list[Match], ties: list[Tie], clubs: list[Club]) -> list[Round]:
        last_round = {c.name: c.entry_round for c in clubs}
        for match in matches:
            for name in (match.home, match.away):
                current = last_round[name]
                if current is None or match.round.order > current.order:
                    last_round[name] = match.round
        format_rows = {row.round: row for row in self.article.format_rows}
        rounds = []
        for kind in sorted({m.round for m in matches} | set(format_rows), key=lambda k: k.order):
            played = [m for m in matches if m.round is kind]
            involved = {name for m in played for name in (m.home, m.away)}
            remaining = sum(1 for r in last_round.values() if r is not None and r.order >= kind.order)
            first = min((m.date for m in played), default=None)
            two_legged = any(t.legs[0].leg is not None for t in ties if t.round is kind)
            row = format_rows.get(kind)
            if row is None:
                rounds.append(Round(kind, remaining, len(involved), first, two_legged))
                continue
            checks = (
                ("clubs remaining", row.clubs_remaining, remaining),
                ("clubs involved", row.clubs_involved, len(involved)),
                ("first match date", row.first_match_date, first),
            )
            for label, stated, actual in checks:
                if stated is not None and stated != actual:
                    self.disagree(
                        row.line,
                        "FORMAT_TABLE",
                        f"the format table gives {kind.value} {label} {_show(stated)}, "
                        f"the matches give {_show(actual)}",
                    )
            rounds.append(Round(kind, row.clubs_remaining, row.clubs_involved, row.first_match_date, two_legged))
        return rounds

    # Totals --------------------------------------------------------------------------------------------

    def _check_totals(self, matches: list[Match], winner: str | None, runner_up: str | None, clubs: list[Club]) -> None:
        article = self.article
        goals = sum(m.home_score + m.away_score for m in matches)
        table_total = sum(row.goals for row in article.scorers)
        scorer_line = article.scorers[0].line if article.scorers else article.title_line
        checks: Iterable[tuple[str, str, object, object]] = (
            ("Matches", "matches", _int(article.info("Matches")), len(matches)),
            ("Goals", "goals", _int(article.info("Goals")), goals),
            ("Num Teams", "clubs", _int(article.info("Num Teams")), len(clubs)),
            ("Winners", "winner", article.info("Winners"), winner),
            ("Second", "runner-up", article.info("Second"), runner_up),
        )
        for key, label, stated, actual in checks:
            if stated is not None and stated != actual:
                self.disagree(
                    article.info_line(key),
                    "INFOBOX",
                    f"the infobox gives {label} {stated}, the matches give {actual}",
                )
        if article.scorers and table_total != goals:
            self.disagree(
                scorer_line,
                "SCORER_TABLE_TOTAL",
                f"the scorer table sums to {table_total} while the scores sum to {goals}",
            )
        # A club's table rows cover its goals less the own goals its opponents scored for it.
        scored: Counter[str] = Counter()
        for match in matches:
            scored[match.home] += match.home_score
            scored[match.away] += match.away_score
            for goal in match.goals:
                scored[goal.club] -= goal.own_goal is True
        for club, rows in sorted(self.table.items()):
            listed = sum(row.goals for row in rows if not row.own_goal)
            if listed != scored[club]:
                self.disagree(
                    rows[0].line,
                    "SCORER_TABLE_CLUB",
                    f"the scorer table gives {club} {listed} goals, the scores give {scored[club]}",
                )
        for match in matches:
            for goal in match.goals:
                if goal.scorer and goal.attribution is Attribution.STATED and goal.club == goal.scorer.club:
                    rows = self.table.get(goal.club, [])
                    if rows and not any(fold(r.name) == fold(goal.scorer.name) for r in rows):
                        self.disagree(
                            goal.line,
                            "SCORER_NOT_IN_TABLE",
                            f"{goal.scorer.name} scores for {goal.club} but is not in the scorer table",
                        )
        named = Counter(
            goal.scorer.name
            for m in matches
            for goal in m.goals
            if goal.scorer and goal.attribution is Attribution.STATED and not goal.own_goal
        )
        for row in article.scorers:
            if not row.own_goal and named[row.name] > row.goals:
                self.disagree(
                    row.line,
                    "SCORER_TABLE_PLAYER",
                    f"the scorer table gives {row.name} {row.goals} goals, the match lines name {named[row.name]}",
                )
        updated = article.info("Updated")
        last_match = max(m.date for m in matches)
        try:
            updated_on = dt.datetime.strptime(updated, "%d %B %Y").date() if updated else None
        except ValueError:
            updated_on = None
            self.disagree(article.info_line("Updated"), "INFOBOX", f"unreadable Updated date {updated!r}")
        if updated_on and updated_on < last_match:
            self.disagree(
                article.info_line("Updated"),
                "INFOBOX_UPDATED",
                f"the infobox says it was updated on {_show(updated_on)}, "
                f"but its figures include the match of {_show(last_match)}",
            )
        leaders = article.info("Scoring Leader")
        if leaders and article.scorers:
            top = max(row.goals for row in article.scorers)
            expected = {fold(r.name) for r in article.scorers if r.goals == top}
            stated_leaders = {fold(re.sub(r"\s*\(\d+\)\s*$", "", part)) for part in leaders.split(",")}
            if stated_leaders != expected:
                self.disagree(
                    article.info_line("Scoring Leader"),
                    "INFOBOX",
                    "the infobox's scoring leaders differ from the top of the scorer table",
                )


def _goal_order(goal: Goal) -> tuple[int, int, int]:
    if goal.minute is None:
        return (1, 0, 0)
    return (0, goal.minute, goal.stoppage or 0)


def _rank(row: Standing) -> tuple[int, int, int]:
    return (row.points, row.goal_difference, row.goals_for)


def _extra_time(match: Match, ties: list[Tie]) -> bool | None:
    """Whether extra time was played, from the minutes alone; None where a missing minute could decide it."""
    if match.round is RoundKind.GROUP_STAGE or match.leg == 1:
        return False
    if any(g.minute is not None and g.minute > 90 for g in match.goals):
        return True
    # Goals of the earlier leg count towards whether the tie was level after 90 minutes.
    carried = (0, 0)
    if match.leg == 2:
        tie = next(t for t in ties if match in t.legs)
        first = tie.legs[0]
        carried = (
            first.home_score if first.home == match.home else first.away_score,
            first.away_score if first.away == match.away else first.home_score,
        )
    lost = [g for g in match.goals if g.minute is None]
    possible = set()
    for mask in range(1 << len(lost)):
        late = [goal for bit, goal in enumerate(lost) if mask >> bit & 1]
        home = carried[0] + match.home_score - sum(g.club == match.home for g in late)
        away = carried[1] + match.away_score - sum(g.club == match.away for g in late)
        level = home == away
        if late and not level:
            continue
        possible.add(level)
    return possible.pop() if len(possible) == 1 else None


def _segment(cell: str, names: set[str]) -> list[str] | None:
    """Split a draw cell of space-joined club names into known clubs, longest name first."""
    if not cell:
        return []
    for name in sorted(names, key=len, reverse=True):
        if cell == name or cell.startswith(name + " "):
            rest = _segment(cell[len(name) :].strip(), names - {name})
            if rest is not None:
                return [name, *rest]
    return None


def _edition(intro: str) -> int | None:
    found = re.search(r"was the (\d+)(?:st|nd|rd|th) (?:season|edition)", intro)
    return int(found[1]) if found else None


def _search(pattern: str, text: str) -> str | None:
    found = re.search(pattern, text)
    return found[1] if found else None


def _int(text: str | None) -> int | None:
    return int(text) if text and text.strip().isdigit() else None


def _show(value: object) -> str:
    return value.strftime("%-d %B %Y") if isinstance(value, dt.date) else str(value)
