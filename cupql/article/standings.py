"""Group tables: 3 points a win, then the tie-breakers the article states, then who the article says went through.

By default clubs level on points are ranked by goal difference, then goals for; where the group stage's prose
says head-to-head results come first, the matches between the level clubs rank them before that. A club that
played on in the knockout rounds ranks above a level club that did not. Clubs that nothing separates share a
position, and the tie is reported: never resolved by name.
"""

from __future__ import annotations

from cupql.article.findings import Findings
from cupql.article.parser import Article
from cupql.article.season import Club, Match, Standing
from cupql.vocabulary import RoundKind, fold

Rank = tuple[int, ...]


def build_standings(article: Article, matches: list[Match], clubs: list[Club], findings: Findings) -> list[Standing]:
    standings: list[Standing] = []
    draw_lines = {group: line for group, (_, line) in article.draw.items()}
    knockout_clubs = {name for m in matches if m.group is None for name in (m.home, m.away)}
    prose = " ".join(p.text for p in article.prose if p.round is RoundKind.GROUP_STAGE).casefold()
    head_to_head = "head-to-head" in prose or "head to head" in prose
    for group in sorted({c.group for c in clubs if c.group}):
        played = [m for m in matches if m.group == group]
        table = {c.name: Standing(group, 0, c.name, 0, 0, 0, 0, 0, 0) for c in clubs if c.group == group}
        _fill(table, played)
        rows = list(table.values())
        ranks = {row.club: _rank(row, rows, played, head_to_head, knockout_clubs) for row in rows}
        rows.sort(key=lambda r: (ranks[r.club], fold(r.club)))
        line = draw_lines.get(group, 0)
        for index, row in enumerate(rows):
            before = rows[index - 1] if index else None
            if before and ranks[before.club] == ranks[row.club]:
                row.position = before.position
                findings.disagree(
                    line,
                    "STANDINGS_TIE",
                    f"group {group}: nothing the article states separates {before.club} and {row.club}; "
                    f"they share position {row.position}",
                )
            else:
                row.position = index + 1
        advanced = [row for row in rows if row.club in knockout_clubs]
        if any(row.position > len(advanced) for row in advanced):
            names = ", ".join(row.club for row in advanced)
            findings.disagree(
                line, "GROUP_ADVANCE", f"group {group}: {names} played on, but the table does not rank them on top"
            )
        standings += rows
    return standings


def _fill(table: dict[str, Standing], played: list[Match]) -> None:
    for match in played:
        for name, opponent in ((match.home, match.away), (match.away, match.home)):
            row = table[name]
            scored, conceded = match.score_of(name), match.score_of(opponent)
            row.played += 1
            row.goals_for += scored
            row.goals_against += conceded
            if match.winner is None:
                row.drawn += 1
            elif match.winner == name:
                row.won += 1
            else:
                row.lost += 1


def _rank(row: Standing, rows: list[Standing], played: list[Match], head_to_head: bool, went_on: set[str]) -> Rank:
    """Sorts best first: points, head-to-head among the level clubs (where stated), goal difference, goals for,
    then whether the club played on."""
    level = {r.club for r in rows if r.points == row.points}
    between: Rank = ()
    if head_to_head and len(level) > 1:
        mini = {name: Standing(row.group, 0, name, 0, 0, 0, 0, 0, 0) for name in level}
        _fill(mini, [m for m in played if m.home in level and m.away in level])
        own = mini[row.club]
        between = (-own.points, -own.goal_difference, -own.goals_for)
    return (-row.points, *between, -row.goal_difference, -row.goals_for, -(row.club in went_on))
