"""Turn a parsed article into a validated, reconciled season, and report every disagreement found.

The work is split by job: `events` reads goals and cards, `ties` decides knockout ties and extra time,
`standings` ranks the groups, `clubs` lists clubs and rounds, and `checks` compares the article's own totals.
This module runs them in order and reads the season's own facts (year, dates, edition, sponsor, champion).
"""

from __future__ import annotations

import datetime as dt
import re

from cupql.article.checks import check_totals, stated_int
from cupql.article.clubs import ClubReader
from cupql.article.events import EventReader
from cupql.article.findings import Findings
from cupql.article.parser import Article, ArticleError, RawMatch, StatedAggregate
from cupql.article.standings import build_standings
from cupql.article.ties import TieBuilder, match_winner, refuse_duplicates
from football.season import ArticleGoal, ArticleMatch, ArticleSeason, ArticleTie, Report
from football.vocabulary import Attribution, RoundKind


def build_season(article: Article) -> ArticleSeason:
    """Reconcile `article` into a Season whose report lists every disagreement found."""
    findings = Findings(article.source)
    year = _year(article)
    refuse_duplicates(article.matches, findings)
    events = EventReader(article.scorers, findings)
    matches = []
    for raw in article.matches:
        match = _match(raw, findings)
        events.read(raw, match)
        matches.append(match)
    events.attribute(matches)
    for match in matches:
        match.goals.sort(key=_goal_order)
        if match.round is RoundKind.GROUP_STAGE:
            match.extra_time = bool(match.extra_time) or any(g.minute and g.minute > 90 for g in match.goals)
    ties = TieBuilder(article, findings).build(matches)
    _check_aggregates(article.aggregates, ties, findings)
    table_clubs = {row.club: row.line for row in reversed(article.scorers)}
    club_reader = ClubReader(article, findings, table_clubs)
    clubs = club_reader.clubs(matches)
    standings = build_standings(article, matches, clubs, findings)
    rounds = club_reader.rounds(matches, ties, clubs)
    final = [tie for tie in ties if tie.round is RoundKind.FINAL]
    winner = final[0].winner if len(final) == 1 else None
    runner_up = None
    if final and winner:
        runner_up = final[0].away if winner == final[0].home else final[0].home
    check_totals(article, findings, events.table, matches, winner, runner_up, clubs)
    intro = " ".join(p.text for p in article.prose if p.round is None)
    start, end = _season_dates(article, year, findings)
    all_goals = [goal for match in matches for goal in match.goals]
    return ArticleSeason(
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
        stated_teams=stated_int(article.info("Num Teams")),
        stated_matches=stated_int(article.info("Matches")),
        stated_goals=stated_int(article.info("Goals")),
        rounds=rounds,
        groups=sorted({club.group for club in clubs if club.group}),
        clubs=clubs,
        players=list(events.players.values()),
        matches=matches,
        ties=ties,
        standings=standings,
        scorers=events.scorer_rows(),
        report=Report(
            matches=len(matches),
            goals=len(all_goals),
            attributions={kind: sum(g.attribution is kind for g in all_goals) for kind in Attribution},
            disagreements=findings.sorted(),
            source_format=article.format,
            cards=sum(len(match.cards) for match in matches),
            notes=sorted([*article.notes, *events.notes], key=lambda note: (note.line, note.code)),
        ),
    )


def _match(raw: RawMatch, findings: Findings) -> ArticleMatch:
    notes = raw.notes
    # The running text after a match block may tell what its score line does not.
    told = " ".join(text for text, _ in raw.prose).casefold()
    match = ArticleMatch(
        line=raw.line,
        date=raw.date,
        round=raw.round,
        group=raw.group,
        home=raw.home,
        away=raw.away,
        home_score=raw.home_score,
        away_score=raw.away_score,
        extra_time=True
        if notes.extra_time or any("after extra time" in text.casefold() for text, _ in raw.prose)
        else None,
        awarded=notes.awarded or _awarded_in_prose(raw),
        walkover=notes.walkover,
        home_penalties=notes.home_penalties,
        away_penalties=notes.away_penalties,
        stadium=raw.stadium,
        attendance=raw.attendance,
        referee=raw.referee,
        away_goals_note=notes.away_goals or "on away goals" in told,
    )
    if match.home_penalties is None:
        _penalties_from_prose(raw, match)
    match.winner = match_winner(raw, match, findings)
    if match.awarded and match.winner is None and match.home_score is None:
        findings.disagree(raw.line, "AWARD_UNSTATED", f"{raw.home} v {raw.away}: the walkover names no winner")
    return match


_PROSE_SHOOTOUT = re.compile(
    r"(?P<club>[^.,;()]+?) won (?P<won>\d+)\s*[-\u2013\u2014]\s*(?P<lost>\d+) "
    r"(?:on penalties|on penalty kicks|on pens|in the (?:penalty )?shoot-?out)",
    re.IGNORECASE,
)


_PROSE_AWARD = re.compile(r"\b(?:was|were|is|has been|had been) awarded\s+(?:\d+\s*[-\u2013\u2014]\s*\d+|to\b)", re.I)


def _awarded_in_prose(raw: RawMatch) -> bool:
    """`The match was awarded 3–0 after ...`: the score line's score is an awarded one, not goals scored."""
    return raw.home_score is not None and any(_PROSE_AWARD.search(text) for text, _ in raw.prose)


def _penalties_from_prose(raw: RawMatch, match: ArticleMatch) -> None:
    """A shoot-out told in the running text after the match: `Aktobe won 4–3 on penalties.`"""
    for text, _ in raw.prose:
        found = _PROSE_SHOOTOUT.search(text)
        if not found:
            continue
        named = [club for club in (raw.home, raw.away) if found["club"].strip().endswith(club)]
        if len(named) != 1:
            continue
        # The sentence names the winner; its numbers may be in either order (`Tobol won 2–4`, Tobol away).
        numbers = sorted((int(found["won"]), int(found["lost"])), reverse=True)
        won, lost = numbers
        match.home_penalties, match.away_penalties = (won, lost) if named[0] == raw.home else (lost, won)
        return


def _check_aggregates(stated: list[StatedAggregate], ties: list[ArticleTie], findings: Findings) -> None:
    for aggregate in stated:
        tie = next((t for t in ties if {t.home, t.away} == {aggregate.home, aggregate.away}), None)
        if tie is None:
            findings.disagree(
                aggregate.line, "AGGREGATE_UNKNOWN_TIE", f"no tie of {aggregate.home} and {aggregate.away}"
            )
            continue
        totals = {tie.home: tie.home_aggregate, tie.away: tie.away_aggregate}
        if (totals.get(aggregate.home), totals.get(aggregate.away)) != (aggregate.home_goals, aggregate.away_goals):
            findings.disagree(
                aggregate.line,
                "AGGREGATE",
                f"the line gives {aggregate.home} {aggregate.home_goals}-{aggregate.away_goals} {aggregate.away} "
                f"on aggregate, the legs give {totals[aggregate.home]}-{totals[aggregate.away]}",
            )


def _year(article: Article) -> int:
    stated = article.info("Year")
    found = re.match(r"\d{4}", stated or article.title)
    if found is None:
        raise ArticleError(article.source, article.title_line, "no season year in the title or infobox")
    return int(found.group())


def _season_dates(article: Article, year: int, findings: Findings) -> tuple[dt.date | None, dt.date | None]:
    """The announced first and last days (`commencing on 11 March and finishing on 29 September`)."""
    pattern = re.compile(
        r"commencing on (\d{1,2} [A-Z][a-z]+)(?: (\d{4}))? and finishing on (\d{1,2} [A-Z][a-z]+)(?: (\d{4}))?"
    )
    for prose in article.prose:
        found = pattern.search(prose.text) if prose.round is None else None
        if found is None:
            continue
        try:
            start = dt.datetime.strptime(f"{found[1]} {found[2] or year}", "%d %B %Y").date()
            end = dt.datetime.strptime(f"{found[3]} {found[4] or year}", "%d %B %Y").date()
        except ValueError:
            findings.disagree(prose.line, "UNREADABLE_DATE", f"cannot read the season's dates in {found[0]!r}")
            return None, None
        return start, end
    return None, None


def _goal_order(goal: ArticleGoal) -> tuple[int, int, int]:
    if goal.minute is None:
        return (1, 0, 0)
    return (0, goal.minute, goal.stoppage or 0)


def _edition(intro: str) -> int | None:
    found = re.search(r"was the (\d+)(?:st|nd|rd|th) (?:season|edition)", intro)
    return int(found[1]) if found else None


def _search(pattern: str, text: str) -> str | None:
    found = re.search(pattern, text)
    return found[1] if found else None
