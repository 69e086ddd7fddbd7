"""Checks of a reconciled season against the article's own totals: infobox, scorer table, leaders, dates."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from cupql.article.clubs import show
from cupql.article.findings import Findings
from cupql.article.parser import Article, ScorerLine, parse_date
from football.season import ArticleClub, ArticleMatch
from football.vocabulary import Attribution, fold


def check_totals(
    article: Article,
    findings: Findings,
    table: dict[str, list[ScorerLine]],
    matches: list[ArticleMatch],
    winner: str | None,
    runner_up: str | None,
    clubs: list[ArticleClub],
) -> None:
    """Report every total of the article that its matches contradict."""
    disagree = findings.disagree
    goals = sum(m.goal_total for m in matches)
    table_total = sum(row.goals for row in article.scorers)
    scorer_line = article.scorers[0].line if article.scorers else article.title_line
    checks: Iterable[tuple[str, str, object, object]] = (
        ("Matches", "matches", stated_int(article.info("Matches")), len(matches)),
        ("Goals", "goals", stated_int(article.info("Goals")), goals),
        ("Num Teams", "clubs", stated_int(article.info("Num Teams")), len(clubs)),
        ("Winners", "winner", article.info("Winners"), winner),
        ("Second", "runner-up", article.info("Second"), runner_up),
    )
    for key, label, stated, actual in checks:
        if stated is not None and stated != actual:
            disagree(
                article.info_line(key),
                "INFOBOX",
                f"the infobox gives {label} {stated}, the matches give {actual}",
            )
    if article.scorers and table_total != goals:
        disagree(
            scorer_line,
            "SCORER_TABLE_TOTAL",
            f"the scorer table sums to {table_total} while the scores sum to {goals}",
        )
    # A club's table rows cover its goals less the own goals its opponents scored for it.
    scored: Counter[str] = Counter()
    for match in matches:
        if not match.awarded:
            scored[match.home] += match.score_of(match.home)
            scored[match.away] += match.score_of(match.away)
        for goal in match.goals:
            scored[goal.club] -= goal.own_goal is True
    for club, rows in sorted(table.items()):
        listed = sum(row.goals for row in rows if not row.own_goal)
        if listed != scored[club]:
            disagree(
                rows[0].line,
                "SCORER_TABLE_CLUB",
                f"the scorer table gives {club} {listed} goals, the scores give {scored[club]}",
            )
    for match in matches:
        for goal in match.goals:
            if goal.scorer and goal.attribution is Attribution.STATED and goal.club == goal.scorer.club:
                rows = table.get(goal.club, [])
                if rows and not any(fold(r.name) == fold(goal.scorer.name) for r in rows):
                    disagree(
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
            disagree(
                row.line,
                "SCORER_TABLE_PLAYER",
                f"the scorer table gives {row.name} {row.goals} goals, the match lines name {named[row.name]}",
            )
    updated = article.info("Updated")
    last_match = max((m.date for m in matches if m.date is not None), default=None)
    try:
        updated_on = parse_date(updated) if updated else None
    except ValueError:
        updated_on = None
        disagree(article.info_line("Updated"), "INFOBOX", f"unreadable Updated date {updated!r}")
    if updated_on and last_match and updated_on < last_match:
        disagree(
            article.info_line("Updated"),
            "INFOBOX_UPDATED",
            f"the infobox says it was updated on {show(updated_on)}, "
            f"but its figures include the match of {show(last_match)}",
        )
    leaders = article.info("Scoring Leader")
    if leaders and article.scorers:
        top = max(row.goals for row in article.scorers)
        expected = {fold(r.name) for r in article.scorers if r.goals == top}
        stated_leaders = {fold(re.sub(r"\s*\(\d+\)\s*$", "", part)) for part in leaders.split(",")}
        if stated_leaders != expected:
            disagree(
                article.info_line("Scoring Leader"),
                "INFOBOX",
                "the infobox's scoring leaders differ from the top of the scorer table",
            )


def stated_int(text: str | None) -> int | None:
    return int(text) if text and text.strip().isdigit() else None
