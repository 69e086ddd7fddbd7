"""Checks the importer makes across the article: group tables against who played on, and goal lists."""

from __future__ import annotations

from cupql.article.parser import parse_article
from cupql.article.reconcile import build_season
from cupql.loading import bundled_articles

TEXT = bundled_articles()[0].read_text(encoding="utf-8")


def test_a_club_that_played_on_without_topping_its_group_is_reported() -> None:
    tampered = TEXT.replace("Akademia Ontustik 2 - 0 Altai", "Akademia Ontustik 0 - 2 Altai")
    report = build_season(parse_article(tampered, "tampered.txt")).report
    codes = {(d.line, d.code) for d in report.disagreements}
    assert (39, "GROUP_ADVANCE") in codes
    assert (78, "TOO_MANY_GOALS") in codes  # Akademia Ontustik's line still lists 18' and 40'


def test_the_bundled_article_plays_its_group_winners_on() -> None:
    report = build_season(parse_article(TEXT, "bundled.txt")).report
    assert all(d.code != "GROUP_ADVANCE" for d in report.disagreements)


def test_league_counts_are_checked_against_the_clubs_that_entered() -> None:
    tampered = TEXT.replace("Kazakhstan Premier League all 13 clubs", "Kazakhstan Premier League all 14 clubs")
    report = build_season(parse_article(tampered, "tampered.txt")).report
    messages = {(d.line, d.code, d.message) for d in report.disagreements}
    assert (
        169,
        "LEAGUE_COUNT",
        "13 clubs entered in the Round of 16, but the participants table gives the Kazakhstan Premier League 14 clubs",
    ) in messages
    assert (23, "LEAGUE_COUNT", "the participants table adds up to 33 clubs, the matches have 32") in messages


def test_a_stale_infobox_stamp_is_reported() -> None:
    report = build_season(parse_article(TEXT, "bundled.txt")).report
    [stale] = [d for d in report.disagreements if d.code == "INFOBOX_UPDATED"]
    assert stale.line == 15
