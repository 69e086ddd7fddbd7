"""A group table's row names its club whether the copy kept its cells apart or glued them into one string; a glued
row is split only where its figures agree with one another, and a row they leave open names no club."""

from __future__ import annotations

import pytest

from cupql.article.reader import parse_any
from cupql.article.table_rows import standing_club


@pytest.mark.parametrize(
    ("row", "club"),
    [
        ("2 Riverton 3 2 0 1 7 5 +2 6", "Riverton"),
        ("4 Harbour United 3 0 0 3 0 11 \u221211 0", "Harbour United"),
        # Glued: position, club, then Pld W D L GF GA GD Pts with nothing between them.
        ("2Millbay Athletic320175+26", "Millbay Athletic"),
        # The tier marker is no part of the name; the qualification cell may follow the points.
        ("1 Ashford (A)3300153+129Advanced to the next round", "Ashford"),
        # A goal difference whose minus sign the copy dropped.
        ("3 Kelso 31024733", "Kelso"),
        ("4Tarn3003011110", "Tarn"),
        # A name ending in digits keeps them: `Dunmore-2` then 3 2 0 1 10 5 +5 6.
        ("1Dunmore-23201105+56", "Dunmore-2"),
    ],
)
def test_a_table_row_names_its_club(row: str, club: str) -> None:
    assert standing_club(row) == club


@pytest.mark.parametrize(
    "line",
    [
        "16 March 20311 Ashford 5 0 Tarn Millbay",
        "Updated to match(es) played on 24 March 2031.",
        # Points that are not 3 a win and 1 a draw: no split is trusted.
        "2Millbay Athletic320175+27",
        # Wins, draws and losses that add up to no number of matches played.
        "2Millbay Athletic321175+26",
    ],
)
def test_a_line_that_is_no_consistent_row_names_no_club(line: str) -> None:
    assert standing_club(line) is None


GLUED_PAGE = """\
2031 Example Cup
Group stage[edit]
Group A
PosTeamPldWDLGFGAGDPts
1Ashford110050+53
2Tarn100105\u221250
12 March 20311 Ashford 5\u20130 Tarn Millbay
15:00Stonebury 12'
Report
"""


def test_a_glued_table_row_tells_the_away_club_from_the_city() -> None:
    [match] = parse_any(GLUED_PAGE, "page.txt").matches
    assert (match.home, match.home_score, match.away_score, match.away) == ("Ashford", 5, 0, "Tarn")
