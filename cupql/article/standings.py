"""Group tables: 3 points a win, then the tie-breakers the article states, then who the article says went through.

By default clubs level on points are ranked by goal difference, then goals for. Where the group stage's prose names
head-to-head results, the matches between the level clubs rank them too: before goal difference, or after it
where the prose names goal difference first. A club that
played on in the knockout rounds ranks above a level club that did not. Clubs that nothing separates share a
position, and the tie is reported: never resolved by name.
"""

from __future__ import annotations

from cupql.article.findings import Findings
from cupql.article.parser import Article
from football.season import ArticleClub, ArticleMatch, ArticleStanding
from football.vocabulary import RoundKind, fold

Rank = tuple[int, ...]


def build_standings(
    article: Article, matches: list[ArticleMatch], clubs: list[ArticleClub], findings: Findings
) -> list[ArticleStanding]:
    standings: list[ArticleStanding] = []
    draw_lines = {group: line for group, (_, line) in article.draw.items()}
    knockout_clubs = {name for m in matches if m.group is None for name in (m.home, m.away)}
    prose = " ".join(p.text for p in article.prose if p.round is RoundKind.GROUP_STAGE).casefold()
    prose = prose.replace("head to head", "head-to-head")
    head_to_head = "head-to-head" in prose
    # The order the prose names the tie-breakers in is the order they apply.
    overall_first = head_to_head and -1 < prose.find("goal difference") < prose.find("head-to-head")
    for group in sorted({c.group for c in clubs if c.group}):
        played = [m for m in matches if m.group == group]
        table = {c.name: ArticleStanding(group, 0, c.name, 0, 0, 0, 0, 0, 0) for c in clubs if c.group == group}
        _fill(table, played)
        rows = list(table.values())
        ranks = {row.club: _rank(row, rows, played, (head_to_head, overall_first), knockout_clubs) for row in rows}
        rows.sort(key=lambda r: (ranks[r.club], fold(r.club)))
        line = draw_lines.get(group) or article.group_lines.get(group) or min((m.line for m in played), default=0)
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
    _check_tables(article, standings, findings)
    return standings


def _check_tables(article: Article, standings: list[ArticleStanding], findings: Findings) -> None:
    """Each row a group table states against the matches read: a difference (a match the boxes lack, or a figure
    the text got wrong) is reported at the row's line; no match is made from a table."""
    for stated in article.tables:
        found = [row for row in standings if fold(row.club) == fold(stated.club) and stated.group in (None, row.group)]
        where = f"group {stated.group}" if stated.group else "the group table"
        if len(found) != 1:
            findings.disagree(
                stated.line, "GROUP_TABLE", f"{where} lists {stated.club}, which played no group match read there"
            )
            continue
        row = found[0]
        said = _figures(stated.played, stated.won, stated.drawn, stated.lost, stated.goals_for, stated.goals_against)
        read = _figures(row.played, row.won, row.drawn, row.lost, row.goals_for, row.goals_against)
        if stated.played is None:
            said, read = said.split(", ", 1)[1], read.split(", ", 1)[1]
        if said != read:
            findings.disagree(
                stated.line, "GROUP_TABLE", f"{where}: the table gives {row.club} {said}; the matches read give {read}"
            )


def _figures(played: int | None, won: int, drawn: int, lost: int, scored: int, conceded: int) -> str:
    return f"played {played}, won {won}, drawn {drawn}, lost {lost}, goals {scored}-{conceded}"


def _fill(table: dict[str, ArticleStanding], played: list[ArticleMatch]) -> None:
    for match in played:
        if match.awarded and match.winner is None:
            # An award whose winner the text does not name is reported (AWARD_UNSTATED), not counted as a draw.
            continue
        for name, opponent in ((match.home, match.away), (match.away, match.home)):
            row = table[name]
            scored, conceded = match.score_of(name), match.score_of(opponent)
            row.played += 1
            row.goals_for += scored
            row.goals_against += conceded
            # A group match level on the pitch is a draw in the table, whatever a shoot-out after it says;
            # an award (a walkover too) is a win for the club it went to.
            if match.winner is None or (not match.awarded and scored == conceded):
                row.drawn += 1
            elif match.winner == name:
                row.won += 1
            else:
                row.lost += 1


def _rank(
    row: ArticleStanding,
    rows: list[ArticleStanding],
    played: list[ArticleMatch],
    rules: tuple[bool, bool],
    went_on: set[str],
) -> Rank:
    """Sorts best first: points, then head-to-head among the clubs level with it and overall goal difference and
    goals for (in the order `rules` = (head-to-head stated, overall first) says), then whether it played on."""
    head_to_head, overall_first = rules
    overall: Rank = (-row.goal_difference, -row.goals_for)
    level = {r.club for r in rows if r.points == row.points and (not overall_first or _overall(r) == overall)}
    between: Rank = ()
    if head_to_head and len(level) > 1:
        mini = {name: ArticleStanding(row.group, 0, name, 0, 0, 0, 0, 0, 0) for name in level}
        _fill(mini, [m for m in played if m.home in level and m.away in level])
        own = mini[row.club]
        between = (-own.points, -own.goal_difference, -own.goals_for)
    breakers = (*overall, *between) if overall_first else (*between, *overall)
    return (-row.points, *breakers, -(row.club in went_on))


def _overall(row: ArticleStanding) -> Rank:
    return (-row.goal_difference, -row.goals_for)
