"""Checks the importer makes across the article: group tables against who played on, and goal lists."""

from __future__ import annotations

import pytest

from cupql.article.parser import ArticleError, parse_article
from cupql.article.reconcile import build_season
from cupql.loading import bundled_articles
from football.vocabulary import League

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


def test_leagues_are_matched_by_name_not_by_column_order() -> None:
    row = (
        "| Kazakhstan Premier League all 13 clubs of the 2024 season | Kazakhstan First League 13 clubs of the 2024 "
        "season | Kazakhstan Second League 6 clubs of the 2024 season |"
    )
    reordered = (
        "| Kazakhstan Second League 6 clubs of the 2024 season | Kazakhstan First League 13 clubs of the 2024 season "
        "| Kazakhstan Premier League all 13 clubs of the 2024 season | Kazakhstan Super League 0 clubs |"
    )
    season = build_season(parse_article(TEXT.replace(row, reordered), "reordered.txt"))
    aktobe = next(c for c in season.clubs if c.name == "Aktobe")
    assert aktobe.league is League.PREMIER_LEAGUE
    assert [(d.line, d.code) for d in season.report.disagreements if "LEAGUE" in d.code] == [(23, "UNKNOWN_LEAGUE")]


def test_an_unreadable_entry_is_reported_and_becomes_neither_goal_nor_card() -> None:
    tampered = TEXT.replace("Atyrau: Stasevich 10' , Kerimzhanov 13' ,", "Atyrau: Stasevich 10' , Kerimzhanov 13 \" ,")
    season = build_season(parse_article(tampered, "tampered.txt"))
    [unreadable] = [d for d in season.report.disagreements if d.code == "UNREADABLE_ENTRY"]
    assert (unreadable.line, unreadable.message) == (
        219,
        "cannot read 'Kerimzhanov 13 \"' of Atyrau: kept neither goal nor card",
    )
    quarter = next(m for m in season.matches if m.line == 218)
    assert not any(card.player and "13" in card.player.name for card in quarter.cards)


def test_an_article_without_a_year_is_refused_at_its_title() -> None:
    untitled = TEXT.replace("= 2024 Kazakhstan Cup =", "= Kazakhstan Cup =").replace("- Year: 2024\n", "")
    with pytest.raises(ArticleError, match=r"^untitled\.txt:1: no season year in the title or infobox$"):
        build_season(parse_article(untitled, "untitled.txt"))


def test_an_impossible_match_date_is_refused_at_its_line() -> None:
    with pytest.raises(ArticleError, match=r"^bad\.txt:44: unreadable date '31 Februar 2024'$"):
        parse_article(TEXT.replace("11 March 2024\nOkzhetpes", "31 Februar 2024\nOkzhetpes"), "bad.txt")


REPLAY = """8 May 2024
Tobol 1 - 1 Astana
  Tobol: Chesnokov 20' , Gabarayev
  Astana: Astanov 50'
15 May 2024
Tobol 2 - 0 Astana
  Tobol: Chesnokov 30' , 60'
"""


def test_a_replay_decides_a_single_match_tie_and_gets_its_own_key() -> None:
    original = "8 May 2024\nTobol 1 - 0 Astana\n  Tobol: Chesnokov 20' , Gabarayev\n  Astana: Astanov\n"
    season = build_season(parse_article(TEXT.replace(original, REPLAY), "replay.txt"))
    [tie] = [t for t in season.ties if {t.home, t.away} == {"Tobol", "Astana"}]
    assert (tie.winner, [m.leg for m in tie.legs]) == ("Tobol", [None, None])
    quarters = next(r for r in season.rounds if r.kind.name == "QUARTER_FINALS")
    assert quarters.two_legged is False
    semis = next(r for r in season.rounds if r.kind.name == "SEMI_FINALS")
    assert semis.two_legged is True


def test_an_own_goal_counts_for_the_line_it_is_listed_in_and_its_scorer_is_the_tables() -> None:
    tampered = TEXT.replace("Góndola 90'", "Novak 90' (o.g.)").replace(
        ";Own goal", ";Own goal\n- SVN Jakob Novak - Atyrau"
    )
    season = build_season(parse_article(tampered, "own-goal.txt"))
    final = next(m for m in season.matches if m.round.name == "FINAL")
    own = next(g for g in final.goals if g.own_goal)
    assert (own.club, own.minute, own.scorer and (own.scorer.name, own.scorer.club, own.scorer.nationality)) == (
        "Aktobe",
        90,
        ("Jakob Novak", "Atyrau", "SVN"),
    )
    assert (final.home_score, final.away_score, len(final.goals)) == (1, 2, 3)


def test_in_the_bundled_article_an_empty_entry_on_a_line_that_lost_a_goal_is_that_goal_not_also_a_card() -> None:
    season = build_season(parse_article(TEXT, "bundled.txt"))
    taraz = next(m for m in season.matches if m.line == 88)  # Taraz 2 - 1 Ekibastuzets; line 89: "Taraz: 23' , ,"
    assert [(g.club, g.minute) for g in taraz.goals if g.club == "Taraz"] == [("Taraz", 23), ("Taraz", None)]
    assert [(c.club, c.player) for c in taraz.cards if c.club == "Taraz"] == [("Taraz", None)]
    # Six such lines (62, 75, 89, 94, 145, 165): 203 entries served as cards before, 197 now.
    assert sum(len(m.cards) for m in season.matches) == 197
    assert season.report.goals == sum(m.goal_total for m in season.matches) == 98
