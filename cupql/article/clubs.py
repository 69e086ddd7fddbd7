"""The season's clubs: who played, in which group and round they entered, and the league the prose implies."""

from __future__ import annotations

import datetime as dt

from cupql.article.findings import Findings
from cupql.article.parser import Article, LeagueCell
from football.season import ArticleClub, ArticleMatch, ArticleRound, ArticleTie
from football.vocabulary import Attribution, League, fold, slug


class ClubReader:
    """Clubs, their groups and leagues, and the rounds with the format table checked against the matches."""

    def __init__(self, article: Article, findings: Findings, table_clubs: dict[str, int]) -> None:
        self.article = article
        self.findings = findings
        # The scorer table's clubs, each with the line of its first row.
        self.table_clubs = table_clubs

    def disagree(self, line: int, code: str, message: str) -> None:
        self.findings.disagree(line, code, message)

    def clubs(self, matches: list[ArticleMatch]) -> list[ArticleClub]:
        clubs: dict[str, ArticleClub] = {}
        for match in sorted(matches, key=lambda m: (m.round.order, m.date is None, m.date or dt.date.min)):
            for name in (match.home, match.away):
                club = clubs.setdefault(name, ArticleClub(name, entry_round=match.round))
                if match.group:
                    if club.group and club.group != match.group:
                        self.disagree(
                            match.line, "TWO_GROUPS", f"{name} plays in groups {club.group} and {match.group}"
                        )
                    club.group = match.group
        self._check_keys(clubs, matches)
        self._check_draw(clubs)
        self._leagues(clubs)
        for club_name, line in self.table_clubs.items():
            if club_name not in clubs:
                self.disagree(line, "UNKNOWN_CLUB", f"the scorer table names {club_name}, who played no match")
        return sorted(clubs.values(), key=lambda c: fold(c.name))

    def _check_keys(self, clubs: dict[str, ArticleClub], matches: list[ArticleMatch]) -> None:
        """Every club needs a non-empty key, and two spellings of one key in a season are one club written twice."""
        first_line: dict[str, int] = {}
        for match in sorted(matches, key=lambda m: m.line):
            for name in (match.home, match.away):
                first_line.setdefault(name, match.line)
        keys: dict[str, str] = {}
        for name in sorted(clubs, key=lambda n: first_line[n]):
            key = slug(name)
            if not key:
                raise self.findings.refuse(first_line[name], f"the club name {name!r} has no letter or digit")
            if key in keys:
                other = keys[key]
                raise self.findings.refuse(
                    first_line[name],
                    f"{name!r} and {other!r} (line {first_line[other]}) are spelled as two clubs but name the same "
                    "one; write one spelling",
                )
            keys[key] = name

    def _check_draw(self, clubs: dict[str, ArticleClub]) -> None:
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

    def _leagues(self, clubs: dict[str, ArticleClub]) -> None:
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

    def rounds(
        self, matches: list[ArticleMatch], ties: list[ArticleTie], clubs: list[ArticleClub]
    ) -> list[ArticleRound]:
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
            # A round with a match of no stated date has no known first day.
            dates = [m.date for m in played if m.date is not None]
            first = min(dates) if dates and len(dates) == len(played) else None
            two_legged = any(t.legs[0].leg is not None for t in ties if t.round is kind)
            row = format_rows.get(kind)
            if row is None:
                rounds.append(ArticleRound(kind, remaining, len(involved), first, two_legged))
                continue
            checks = (
                ("clubs remaining", row.clubs_remaining, remaining),
                ("clubs involved", row.clubs_involved, len(involved)),
                ("first match date", row.first_match_date, first),
            )
            for label, stated, actual in checks:
                if stated is not None and actual is not None and stated != actual:
                    self.disagree(
                        row.line,
                        "FORMAT_TABLE",
                        f"the format table gives {kind.value} {label} {show(stated)}, the matches give {show(actual)}",
                    )
            rounds.append(ArticleRound(kind, row.clubs_remaining, row.clubs_involved, row.first_match_date, two_legged))
        return rounds


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


def show(value: object) -> str:
    return value.strftime("%-d %B %Y") if isinstance(value, dt.date) else str(value)
