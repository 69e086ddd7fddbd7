"""Every notation of the article family, each in a small fixture article of its own: what a line states becomes
data, nothing it leaves out is invented, and what cannot be read is refused at its file and line."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from cupql.article.parser import ArticleError, parse_article, parse_entries
from cupql.article.reconcile import build_season
from football.season import ArticleMatch, ArticleSeason
from football.vocabulary import CardKind, RoundKind, TieDecision


def article(body: str) -> str:
    """A fixture article: line 1 the title, line 2 blank, `body` from line 3 on."""
    return "= 2030 Example Cup =\n\n" + textwrap.dedent(body).lstrip("\n")


def season(body: str) -> ArticleSeason:
    return build_season(parse_article(article(body), "x.txt"))


def only_match(body: str) -> ArticleMatch:
    [match] = season(body).matches
    return match


def codes(built: ArticleSeason) -> list[str]:
    return [d.code for d in built.report.disagreements]


@pytest.mark.parametrize(
    "score_line",
    [
        "Astana 2 – 0 Turan",
        "Astana 2–0 Turan",
        "Astana 2 — 0 Turan",
        "Astana 2—0 Turan",
        "Astana 2-0 Turan",
    ],
)
def test_scores_with_any_dash_with_or_without_spaces(score_line: str) -> None:
    match = only_match(f"== Final ==\n1 May 2030\n{score_line}\n  Astana: Karimov 5', 60'\n")
    assert (match.home, match.home_score, match.away_score, match.away) == ("Astana", 2, 0, "Turan")
    assert (match.extra_time, match.winner) == (False, "Astana")


def test_a_goal_whose_minute_is_lost_leaves_extra_time_unknown() -> None:
    # Had both goals come in extra time, the score was level after 90: nothing says which.
    match = only_match("== Final ==\n1 May 2030\nAstana 2 – 0 Turan\n")
    assert match.extra_time is None


def test_month_day_year_dates_and_day_month_year_dates() -> None:
    built = season(
        """
        == Final ==
        March 21, 2026
        Astana 1 – 0 Turan
        """
    )
    assert built.matches[0].date == dt.date(2026, 3, 21)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Quarterfinals", RoundKind.QUARTER_FINALS),
        ("Quarter-finals", RoundKind.QUARTER_FINALS),
        ("Quarter finals", RoundKind.QUARTER_FINALS),
        ("Semifinals", RoundKind.SEMI_FINALS),
        ("First round", RoundKind.FIRST_ROUND),
        ("Second round", RoundKind.SECOND_ROUND),
        ("Round of 64", RoundKind.ROUND_OF_64),
        ("Round of 32", RoundKind.ROUND_OF_32),
        ("Play-off round", RoundKind.PLAY_OFF),
        ("Playoff round", RoundKind.PLAY_OFF),
    ],
)
def test_round_headings_with_and_without_hyphens(heading: str, kind: RoundKind) -> None:
    match = only_match(f"== {heading} ==\n1 May 2030\nAstana 1 – 0 Turan\n")
    assert match.round is kind


def test_a_final_drawn_after_extra_time_and_won_on_penalties_has_a_winner_and_runner_up() -> None:
    built = season(
        """
        == Final ==
        29 September 2030
        Atyrau 2 – 2 (a.e.t.) (3 – 4 p) Aktobe
          Atyrau: Signevich 24' , Novak 95'
          Aktobe: Kasym 60' , Jean 110'
        """
    )
    [final] = built.ties
    assert (final.winner, final.decided_by, final.home_penalties, final.away_penalties) == (
        "Aktobe",
        TieDecision.PENALTIES,
        3,
        4,
    )
    assert (built.winner, built.runner_up) == ("Aktobe", "Atyrau")
    assert built.matches[0].extra_time is True


def test_a_shoot_out_after_the_away_club_is_no_part_of_its_name() -> None:
    built = season(
        """
        == Final ==
        1 May 2030
        Astana 1 – 1 Tobol (4–3 p)
          Astana: Karimov 30'
          Tobol: Tsonev 50'
        """
    )
    assert [club.name for club in built.clubs] == ["Astana", "Tobol"]
    match = built.matches[0]
    assert (match.home_penalties, match.away_penalties, match.winner) == (4, 3, "Astana")
    # Level after 90 in a single match with no replay to follow: extra time was played.
    assert match.extra_time is True


@pytest.mark.parametrize("told", ["Tobol won 5–4 on penalties.", "After extra time, Tobol won 5-4 in the shoot-out."])
def test_a_shoot_out_stated_only_in_the_text_after_the_match(told: str) -> None:
    match = only_match(
        f"""
        == Final ==
        1 May 2030
        Astana 0 – 0 Tobol
        {told}
        """
    )
    assert (match.home_penalties, match.away_penalties, match.winner) == (4, 5, "Tobol")
    assert match.extra_time is True


def test_an_awarded_result_after_the_away_club_has_no_goals_and_no_new_club() -> None:
    built = season(
        """
        == Final ==
        1 May 2030
        Kaisar 0 – 3 Tobol (awd.)
          Tobol: Gabarayev Yellow card.svg 20'
        """
    )
    assert [club.name for club in built.clubs] == ["Kaisar", "Tobol"]
    match = built.matches[0]
    assert (match.awarded, match.walkover, match.home_score, match.away_score, match.goals) == (True, False, 0, 3, [])
    assert (match.winner, match.extra_time, built.winner) == ("Tobol", None, "Tobol")
    assert built.ties[0].decided_by is TieDecision.AWARDED
    assert built.report.goals == 0


def test_a_walkover_states_no_score_and_its_winner_comes_from_the_text() -> None:
    built = season(
        """
        == Final ==
        1 May 2030
        Aktobe w/o Kyzylzhar
        The tie was awarded to Kyzylzhar.
        """
    )
    match = built.matches[0]
    assert (match.walkover, match.awarded, match.home_score, match.away_score, match.goals) == (
        True,
        True,
        None,
        None,
        [],
    )
    assert (match.winner, built.winner, built.runner_up) == ("Kyzylzhar", "Kyzylzhar", "Aktobe")


def test_a_walkover_without_a_winner_is_reported_not_guessed() -> None:
    built = season(
        """
        == Final ==
        1 May 2030
        Aktobe w/o Kyzylzhar
        """
    )
    assert (built.matches[0].winner, built.winner) == (None, None)
    assert "AWARD_UNSTATED" in codes(built)


def test_a_walkover_written_as_a_score_invents_no_goals() -> None:
    match = only_match(
        """
        == Final ==
        1 May 2030
        Aktobe 0 – 3 (w/o) Kyzylzhar
        """
    )
    assert (match.walkover, match.home_score, match.away_score, match.goals, match.winner) == (
        True,
        0,
        3,
        [],
        "Kyzylzhar",
    )


def test_card_markers_as_file_names_and_as_words_are_cards_not_goals() -> None:
    match = only_match(
        """
        == Final ==
        1 May 2030
        Turan 1 – 0 Astana
          Turan: Dmitrijev 12' , Nikolić Red card.svg 63' , Kovalev Yellow card 33' , Petrov Yellow-red card.svg 88'
          Astana: Karimov Yellow card.svg 90+2' , Tomasov Second yellow card 70' , Red card.svg 80'
        """
    )
    assert [(g.club, g.scorer.name if g.scorer else None, g.minute) for g in match.goals] == [
        ("Turan", "Dmitrijev", 12)
    ]
    assert [(c.club, c.player.name if c.player else None, c.kind, c.minute, c.stoppage) for c in match.cards] == [
        ("Turan", "Nikolić", CardKind.RED, 63, None),
        ("Turan", "Kovalev", CardKind.YELLOW, 33, None),
        ("Turan", "Petrov", CardKind.SECOND_YELLOW, 88, None),
        ("Astana", "Karimov", CardKind.YELLOW, 90, 2),
        ("Astana", "Tomasov", CardKind.SECOND_YELLOW, 70, None),
        ("Astana", None, CardKind.RED, 80, None),
    ]


def test_own_goals_penalties_and_stoppage_time() -> None:
    [entry] = parse_entries("Smith 12' (o.g.), 45+1' (pen.), 90+3'")
    assert [(m.minute, m.stoppage, m.penalty, m.own_goal) for m in entry.minutes] == [
        (12, None, False, True),
        (45, 1, True, False),
        (90, 3, False, False),
    ]


@pytest.mark.parametrize("written", ["Smith 12' (og), 45+1' (p)", "Smith 12' (OG), 45+1' (pen)"])
def test_goal_notes_in_their_short_forms(written: str) -> None:
    [entry] = parse_entries(written)
    assert [(m.minute, m.stoppage, m.penalty, m.own_goal) for m in entry.minutes] == [
        (12, None, False, True),
        (45, 1, True, False),
    ]


@pytest.mark.parametrize("note", ["(3–2 agg.)", "(agg. 3–2)", "(3–2 on aggregate)", "(3-2 on agg.)"])
def test_a_stated_aggregate_in_its_forms(note: str) -> None:
    built = season(
        f"""
        == Semi-finals ==
        The semi-finals were held over two legs.
        1 May 2030
        Tobol 1 – 2 Aktobe
        8 May 2030
        Aktobe 1 – 1 Tobol {note}
        """
    )
    assert built.report.disagreements == []
    assert (built.ties[0].winner, built.ties[0].decided_by) == ("Aktobe", TieDecision.AGGREGATE)


@pytest.mark.parametrize("indent", ["", "  "])
def test_stadium_attendance_and_referee_lines_indented_or_not(indent: str) -> None:
    match = only_match(
        f"""
        == Final ==
        1 May 2030
        Astana 1 – 0 Turan
          Astana: Karimov 5'
        {indent}Stadium: Astana Arena
        {indent}Attendance: 12,500
        {indent}Referee: Ivan Petrov
        """
    )
    assert (match.stadium, match.attendance, match.referee) == ("Astana Arena", 12500, "Ivan Petrov")
    assert len(match.goals) == 1


def test_an_unreadable_attendance_is_refused_at_its_line() -> None:
    with pytest.raises(ArticleError, match=r"^x\.txt:6: unreadable attendance 'many'"):
        parse_article(article("== Final ==\n1 May 2030\nAstana 1 – 0 Turan\n  Attendance: many\n"), "x.txt")


@pytest.mark.parametrize("note", ["abd.", "3–2"])
def test_an_unknown_score_note_is_refused_at_its_line(note: str) -> None:
    with pytest.raises(ArticleError, match=rf"^x\.txt:5: unknown note \({note}\) on the score line"):
        parse_article(article(f"== Final ==\n1 May 2030\nAstana 1 – 0 Turan ({note})\n"), "x.txt")


def test_a_two_legged_tie_settled_on_away_goals_has_no_extra_time() -> None:
    built = season(
        """
        == Semi-finals ==
        The semi-finals were held over two legs; away goals counted double.
        1 May 2030
        Tobol 1 – 1 Aktobe
        8 May 2030
        Aktobe 0 – 0 Tobol
        """
    )
    [tie] = built.ties
    assert (tie.winner, tie.decided_by) == ("Aktobe", TieDecision.AWAY_GOALS)
    assert [(m.leg, m.extra_time) for m in built.matches] == [(1, False), (2, False)]


def test_a_tie_the_text_says_was_won_on_away_goals() -> None:
    built = season(
        """
        == Semi-finals ==
        The semi-finals were held over two legs.
        1 May 2030
        Tobol 2 – 2 Aktobe
        8 May 2030
        Aktobe 1 – 1 Tobol
        Aktobe won on away goals.
        """
    )
    assert (built.ties[0].winner, built.ties[0].decided_by) == ("Aktobe", TieDecision.AWAY_GOALS)
    # Whatever the lost minutes, Aktobe led on away goals after 90: no extra time.
    assert built.matches[1].extra_time is False


def test_without_the_away_goals_rule_a_level_second_leg_goes_to_extra_time() -> None:
    built = season(
        """
        == Semi-finals ==
        The semi-finals were held over two legs.
        1 May 2030
        Tobol 1 – 1 Aktobe
        8 May 2030
        Aktobe 0 – 0 (a.e.t.) (4–2 p) Tobol
        """
    )
    [tie] = built.ties
    assert (tie.winner, tie.decided_by, tie.home_penalties, tie.away_penalties) == (
        "Aktobe",
        TieDecision.PENALTIES,
        2,
        4,
    )
    assert [m.extra_time for m in built.matches] == [False, True]


def test_a_second_leg_won_on_the_day_but_lost_on_penalties() -> None:
    built = season(
        """
        == Semi-finals ==
        The semi-finals were held over two legs.
        1 May 2030
        Tobol 2 – 0 Aktobe
        8 May 2030
        Aktobe 2 – 0 (a.e.t.) (2–4 p) Tobol
        """
    )
    [tie] = built.ties
    assert (tie.home_aggregate, tie.away_aggregate, tie.winner, tie.decided_by) == (
        2,
        2,
        "Tobol",
        TieDecision.PENALTIES,
    )
    assert (tie.home_penalties, tie.away_penalties) == (4, 2)
    assert built.matches[1].winner == "Aktobe"  # the match itself, on its score
    assert built.report.disagreements == []


def test_a_shoot_out_after_a_decided_score_is_reported() -> None:
    built = season("== Final ==\n1 May 2030\nAstana 2 – 1 (4–3 p) Tobol\n")
    assert codes(built) == ["SHOOTOUT_NOT_LEVEL"]


def test_a_drawn_match_followed_by_a_replay_had_no_extra_time() -> None:
    built = season(
        """
        == Quarter-finals ==
        The quarter-finals were single matches; drawn ties were replayed.
        1 May 2030
        Astana 1 – 1 Elimai
        8 May 2030
        Elimai 0 – 2 Astana
          Astana: Karimov 5' , Tomasov 50'
        """
    )
    [tie] = built.ties
    assert (tie.winner, tie.decided_by) == ("Astana", TieDecision.REPLAY)
    assert [(m.leg, m.extra_time) for m in built.matches] == [(None, False), (None, False)]


def test_a_line_listing_more_goals_than_the_score_serves_only_the_score() -> None:
    built = season(
        """
        == Final ==
        1 May 2030
        Astana 2 – 0 Turan
          Astana: Karimov 5' , 10' , Tomasov 20' , 30' , 40'
        """
    )
    match = built.matches[0]
    assert [(g.club, g.minute, g.scorer) for g in match.goals] == [("Astana", None, None), ("Astana", None, None)]
    [too_many] = built.report.disagreements
    assert (too_many.line, too_many.code) == (6, "TOO_MANY_GOALS")


def test_a_match_listed_twice_is_refused_with_both_lines() -> None:
    text = """
        == Group stage ==
        === Group A ===
        1 May 2030
        Astana 1 – 0 Turan
        1 May 2030
        Astana 1 – 0 Turan
        """
    with pytest.raises(ArticleError, match=r"^x\.txt:8: Astana v Turan is listed twice \(lines 6 and 8\); remove one$"):
        season(text)


def test_a_group_tie_nothing_decides_shares_its_position_and_is_reported() -> None:
    built = season(
        """
        == Group stage ==
        === Group A ===
        1 May 2030
        Astana 1 – 1 Turan
        """
    )
    assert [(s.position, s.club) for s in built.standings] == [(1, "Astana"), (1, "Turan")]
    assert codes(built) == ["STANDINGS_TIE"]


# Alpha and Beta end level on 4 points: Alpha beat Beta, Beta has the better goal difference.
GROUP_OF_FOUR = """
        == Group stage ==
        {rule}
        === Group A ===
        1 May 2030
        Alpha 1 – 0 Beta
        1 May 2030
        Gamma 0 – 1 Delta
        5 May 2030
        Beta 5 – 0 Gamma
        5 May 2030
        Delta 0 – 0 Alpha
        9 May 2030
        Gamma 1 – 0 Alpha
        9 May 2030
        Beta 0 – 0 Delta
        """


@pytest.mark.parametrize(
    ("rule", "order"),
    [
        ("Teams level on points were ranked by head-to-head results, then goal difference.", "Delta Alpha Beta Gamma"),
        ("Teams level on points were ranked by goal difference, then head-to-head results.", "Delta Beta Alpha Gamma"),
        ("Teams level on points were ranked by goal difference.", "Delta Beta Alpha Gamma"),
    ],
)
def test_group_tie_breakers_apply_in_the_order_the_article_states(rule: str, order: str) -> None:
    built = season(GROUP_OF_FOUR.format(rule=rule))
    assert [(s.position, s.club, s.points) for s in built.standings] == [
        (position, club, {"Delta": 5, "Alpha": 4, "Beta": 4, "Gamma": 3}[club])
        for position, club in enumerate(order.split(), start=1)
    ]


def test_a_group_tie_is_decided_by_who_went_through() -> None:
    built = season(
        """
        == Group stage ==
        === Group A ===
        1 May 2030
        Turan 1 – 1 Astana
        == Final ==
        1 June 2030
        Astana 1 – 0 Tobol
        """
    )
    assert [(s.position, s.club) for s in built.standings] == [(1, "Astana"), (2, "Turan")]
    assert "STANDINGS_TIE" not in codes(built)


def test_a_stated_aggregate_is_checked_against_the_legs() -> None:
    built = season(
        """
        == Semi-finals ==
        The semi-finals were held over two legs.
        1 May 2030
        Tobol 1 – 0 Aktobe
        8 May 2030
        Aktobe 2 – 0 Tobol (2–2 agg.)
        Aktobe 2 – 1 (agg.) Tobol
        """
    )
    assert [(d.line, d.code) for d in built.report.disagreements] == [(8, "AGGREGATE")]
    assert (built.ties[0].winner, built.ties[0].decided_by) == ("Aktobe", TieDecision.AGGREGATE)


def test_names_in_any_script_import_with_a_key() -> None:
    built = season("== Final ==\n1 May 2030\nКайрат 1 – 0 Астана\n")
    assert [club.name for club in built.clubs] == ["Астана", "Кайрат"]


def test_two_spellings_of_one_club_in_a_season_are_refused() -> None:
    text = "== Final ==\n1 May 2030\nKhan Tengri 1 – 0 Khan-Tengri\n"
    with pytest.raises(
        ArticleError,
        match=r"^x\.txt:5: 'Khan-Tengri' and 'Khan Tengri' \(line 5\) are spelled as two clubs but name the same one",
    ):
        season(text)


@pytest.mark.parametrize("told", ["Tobol won 2–4 on penalties.", "Tobol won 4–2 on penalties."])
def test_a_named_shoot_out_winner_wins_whatever_the_order_of_the_numbers(told: str) -> None:
    built = season(
        f"""
        == Final ==
        1 May 2030
        Astana 1 – 1 Tobol
        {told}
        """
    )
    match = built.matches[0]
    assert (match.home_penalties, match.away_penalties, match.winner) == (2, 4, "Tobol")
    assert (built.winner, built.runner_up) == ("Tobol", "Astana")


@pytest.mark.parametrize(
    ("score_line", "told"),
    [
        ("Kyran w/o Zhetisay", "The match was awarded to Zhetisay."),
        ("Kyran w/o Zhetisay", "Zhetisay were awarded a walkover after Kyran failed to travel."),
        ("Kyran w/o Zhetisay", "Kyran withdrew."),
        ("Kyran 0 – 3 (w/o) Zhetisay", ""),
    ],
)
def test_a_group_walkover_is_a_win_in_the_table(score_line: str, told: str) -> None:
    built = season(
        f"""
        == Group stage ==
        === Group A ===
        1 May 2030
        {score_line}
        {told}
        5 May 2030
        Zhetisay 1 – 1 Aksu
          Zhetisay: Orazov 10'
          Aksu: Bekov 20'
        """
    )
    table = {row.club: (row.played, row.won, row.drawn, row.lost, row.points) for row in built.standings}
    assert table["Zhetisay"] == (2, 1, 1, 0, 4)
    assert table["Kyran"] == (1, 0, 0, 1, 0)


def test_an_award_told_in_prose_is_an_awarded_score_with_no_goals() -> None:
    built = season(
        """
        == Final ==
        1 May 2030
        Kaisar 3 – 0 Tobol
        The match was awarded 3–0 after Tobol fielded an ineligible player.
        """
    )
    match = built.matches[0]
    assert (match.awarded, match.home_score, match.away_score, match.goals, match.winner) == (True, 3, 0, [], "Kaisar")
    assert built.report.goals == 0
    assert built.ties[0].decided_by is TieDecision.AWARDED
