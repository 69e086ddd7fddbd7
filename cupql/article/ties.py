"""Knockout ties decided as football decides them, match winners, and extra time from evidence only.

A single match is won on its score, then on its shoot-out, or by an award; a drawn single match followed by a
replay is decided by the replay. Two legs are won on aggregate, then on away goals where the article or its
format says the rule applies, then on the second leg's shoot-out. Where the text settles none of these, the club
that played a later round is the one that went through (ADVANCED). Extra time is played only on evidence: the
score line says `a.e.t.`, a goal came after the 90th minute, or the score was level after 90 minutes in a knockout
match that no second leg or replay followed.
"""

from __future__ import annotations

import re
from collections import defaultdict

from cupql.article.findings import Findings
from cupql.article.parser import Article, RawMatch
from football.season import ArticleMatch, ArticleTie
from football.vocabulary import RoundKind, TieDecision

_AWARDED_TO = re.compile(
    r"(?:awarded|walkover (?:win |victory )?(?:to|for)) (?:the (?:match|tie|win|victory) )?"
    r"(?:\d+\s*[-\u2013\u2014]\s*\d+ )?(?:to )?"
    r"(?P<club>[A-Z].+?)(?:\s*\(|[.,;]|$)",
)
_AWARDED_CLUB = re.compile(
    r"(?:^|[.;]\s*)(?P<club>[A-Z][^.;]*?) (?:was|were) awarded|(?P<winner>[A-Z][^.;]*?) (?:won|advanced|progressed|"
    r"went through) (?:by|on|with a) walkover"
)
_WITHDREW = re.compile(r"(?P<club>.+?) (?:withdrew|did not appear|forfeited|failed to appear)", re.IGNORECASE)
_AWAY_GOALS_OFF = re.compile(r"\b(?:no|without|abolished|not apply|not used)\b[^.]*away goals|away goals[^.]*abolished")


def refuse_duplicates(raws: list[RawMatch], findings: Findings) -> None:
    """A match listed twice (same day and clubs, or a group pairing with the same home club) is refused."""
    seen: dict[tuple[object, ...], int] = {}
    for raw in raws:
        keys: list[tuple[object, ...]] = [(raw.round, frozenset((raw.home, raw.away)), raw.date)]
        if raw.group:
            keys.append((raw.round, raw.group, raw.home, raw.away))
        for key in keys:
            if key in seen:
                raise findings.refuse(
                    raw.line,
                    f"{raw.home} v {raw.away} is listed twice (lines {seen[key]} and {raw.line}); remove one",
                )
            seen[key] = raw.line


def match_winner(raw: RawMatch, match: ArticleMatch, findings: Findings) -> str | None:
    """Who won the match itself: on the score, the shoot-out, or the award; None for a draw or an unknown award."""
    if match.home_score is not None and match.away_score is not None and match.home_score != match.away_score:
        return match.home if match.home_score > match.away_score else match.away
    if match.home_penalties is not None and match.away_penalties is not None:
        if match.home_penalties == match.away_penalties:
            findings.disagree(raw.line, "SHOOTOUT_LEVEL", "the shoot-out score is level")
            return None
        return match.home if match.home_penalties > match.away_penalties else match.away
    if match.awarded:
        return _award_from_prose(raw)
    return None


def _award_from_prose(raw: RawMatch) -> str | None:
    for text, _ in raw.prose:
        awarded = _AWARDED_TO.search(text)
        if awarded:
            named = [club for club in (raw.home, raw.away) if awarded["club"].strip().startswith(club)]
            if len(named) == 1:
                return named[0]
        told = _AWARDED_CLUB.search(text)
        if told:
            subject = (told["club"] or told["winner"]).strip()
            named = [club for club in (raw.home, raw.away) if subject.endswith(club)]
            if len(named) == 1:
                return named[0]
        withdrew = _WITHDREW.search(text)
        if withdrew:
            named = [club for club in (raw.home, raw.away) if withdrew["club"].strip().endswith(club)]
            if len(named) == 1:
                return raw.away if named[0] == raw.home else raw.home
    return None


class TieBuilder:
    """Pairs a season's knockout matches into ties and decides each."""

    def __init__(self, article: Article, findings: Findings) -> None:
        self.article = article
        self.findings = findings

    def build(self, matches: list[ArticleMatch]) -> list[ArticleTie]:
        pairs: dict[tuple[RoundKind, frozenset[str]], list[ArticleMatch]] = defaultdict(list)
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
            two_legged = self._two_legged(kind, pairs)
            if two_legged:
                if len(legs) > 2:
                    self.findings.disagree(
                        legs[2].line, "TOO_MANY_LEGS", f"{legs[0].home} and {legs[0].away} met 3 times"
                    )
                for number, leg in enumerate(legs, start=1):
                    leg.leg = number
            tie = self._decide(kind, legs, two_legged, later[kind])
            self._check_shootouts(tie)
            for match in legs:
                match.extra_time = _extra_time(match, tie, self._away_goals_rule(tie))
            ties.append(tie)
        return ties

    def _decide(self, kind: RoundKind, legs: list[ArticleMatch], two_legged: bool, advanced: set[str]) -> ArticleTie:
        home, away = legs[0].home, legs[0].away
        tie = ArticleTie(
            kind,
            home,
            away,
            legs,
            sum(leg.score_of(home) for leg in legs),
            sum(leg.score_of(away) for leg in legs),
            None,
        )
        last = legs[-1]
        if two_legged and not any(leg.awarded and leg.home_score is None for leg in legs):
            self._decide_legs(tie, last)
        elif last.winner is not None:
            tie.winner = last.winner
            if last.awarded:
                tie.decided_by = TieDecision.AWARDED
            elif len(legs) > 1 and not two_legged:
                tie.decided_by = TieDecision.REPLAY
            elif last.home_penalties is not None:
                tie.decided_by = TieDecision.PENALTIES
            else:
                tie.decided_by = TieDecision.SCORE
        if tie.decided_by is TieDecision.PENALTIES:
            tie.home_penalties = last.home_penalties if last.home == home else last.away_penalties
            tie.away_penalties = last.away_penalties if last.home == home else last.home_penalties
        went_on = {home, away} & advanced
        if tie.winner is None and len(went_on) == 1:
            tie.winner, tie.decided_by = went_on.pop(), TieDecision.ADVANCED
        if tie.winner and advanced and tie.winner not in advanced and kind is not RoundKind.FINAL:
            self.findings.disagree(last.line, "WINNER_DID_NOT_ADVANCE", f"{tie.winner} won but played no later round")
        return tie

    def _check_shootouts(self, tie: ArticleTie) -> None:
        """A shoot-out only follows a level match, or a second leg that left the tie level."""
        for match in tie.legs:
            if match.home_penalties is None:
                continue
            level = (
                tie.home_aggregate == tie.away_aggregate
                if match.leg == 2
                else match.home_score == match.away_score and match is tie.legs[-1]
            )
            if not level:
                self.findings.disagree(
                    match.line, "SHOOTOUT_NOT_LEVEL", f"{match.home} v {match.away}: a shoot-out after a decided score"
                )

    def _decide_legs(self, tie: ArticleTie, last: ArticleMatch) -> None:
        if tie.home_aggregate != tie.away_aggregate:
            tie.winner = tie.home if tie.home_aggregate > tie.away_aggregate else tie.away
            tie.decided_by = TieDecision.AGGREGATE
            return
        if self._away_goals_rule(tie):
            away_goals = {
                club: sum(leg.score_of(club) for leg in tie.legs if leg.away == club) for club in (tie.home, tie.away)
            }
            if away_goals[tie.home] != away_goals[tie.away]:
                tie.winner = max(away_goals, key=lambda club: away_goals[club])
                tie.decided_by = TieDecision.AWAY_GOALS
                return
        home, away = last.home_penalties, last.away_penalties
        if home is not None and away is not None and home != away:
            tie.winner = last.home if home > away else last.away
            tie.decided_by = TieDecision.PENALTIES

    def _away_goals_rule(self, tie: ArticleTie) -> bool:
        """Whether away goals count double: a leg's `(a)` note, or the round's or season's prose saying so."""
        if len(tie.legs) < 2 or tie.legs[0].leg is None:
            return False
        if any(leg.away_goals_note for leg in tie.legs):
            return True
        prose = " ".join(p.text for p in self.article.prose if p.round in (tie.round, None)).casefold()
        return "away goals" in prose and not _AWAY_GOALS_OFF.search(prose)

    def _two_legged(self, kind: RoundKind, pairs: dict[tuple[RoundKind, frozenset[str]], list[ArticleMatch]]) -> bool:
        """Whether the round's ties have legs: as its prose says, else when every pairing met twice."""
        prose = " ".join(p.text for p in self.article.prose if p.round is kind).casefold()
        if "two legs" in prose or "two-legged" in prose:
            return True
        if "single match" in prose or "replay" in prose:
            return False
        meetings = [len(legs) for (round_kind, _), legs in pairs.items() if round_kind is kind]
        return bool(meetings) and all(count == 2 for count in meetings)


def _extra_time(match: ArticleMatch, tie: ArticleTie, away_goals_rule: bool) -> bool | None:
    """Whether extra time was played, from evidence only; None where a missing minute could decide it."""
    if match.extra_time:  # stated by `(a.e.t.)`
        return True
    if any(g.minute is not None and g.minute > 90 for g in match.goals):
        return True
    if match.awarded:
        return None
    followed = match is not tie.legs[-1]
    if followed or match.leg == 1:
        return False
    # Goals of the earlier leg count towards whether the tie was level after 90 minutes.
    earlier = [leg for leg in tie.legs if leg is not match] if match.leg == 2 else []
    carried = [sum(leg.score_of(club) for leg in earlier) for club in (match.home, match.away)]
    carried_away = [sum(leg.score_of(club) for leg in earlier if leg.away == club) for club in (match.home, match.away)]
    lost = [g for g in match.goals if g.minute is None]
    possible = set()
    for mask in range(1 << len(lost)):
        late = [goal for bit, goal in enumerate(lost) if mask >> bit & 1]
        home = match.score_of(match.home) - sum(g.club == match.home for g in late)
        away = match.score_of(match.away) - sum(g.club == match.away for g in late)
        level = carried[0] + home == carried[1] + away
        if level and away_goals_rule:
            level = carried_away[0] == carried_away[1] + away
        if late and not level:
            continue
        possible.add(level)
    return possible.pop() if len(possible) == 1 else None
