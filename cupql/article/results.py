"""Undated results (a group grid's cells, a two-legged row's legs) against the match boxes of one article.

A match box says more than a grid cell: where both give a match, the box is kept, a different score is a
disagreement, and a leg number the row states is the box's too. A result no box gives is a match of its own, with
its score and no date.
"""

from __future__ import annotations

from cupql.article.findings import Findings
from cupql.article.parser import Article, RawMatch


def with_results(article: Article, findings: Findings) -> list[RawMatch]:
    """The article's match boxes, then each undated result that no box (or earlier result) gives."""
    matches = list(article.matches)
    for result in article.results:
        pairing = (result.round, result.home, result.away)
        known = next((m for m in matches if (m.round, m.home, m.away) == pairing), None)
        if known is None:
            matches.append(result)
            continue
        known.leg = known.leg or result.leg
        given, stated = (known.home_score, known.away_score), (result.home_score, result.away_score)
        if None not in given and None not in stated and given != stated:
            findings.disagree(
                result.line,
                "RESULT",
                f"the result gives {result.home} {stated[0]}-{stated[1]} {result.away}, "
                f"the match at line {known.line} {given[0]}-{given[1]}",
            )
    return matches
