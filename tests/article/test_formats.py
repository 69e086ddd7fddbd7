"""The format is detected, never flagged; what looks like part of a match but is not read is refused at its line,
or with lenient listed as skipped; two spellings of one player are one player, and the report says so."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import mwparserfromhell
import pytest

from cupql.article.parser import PLAIN_TEXT, ArticleError
from cupql.article.reader import detect_format, parse_any, read_any
from cupql.article.reconcile import build_season
from cupql.article.rendered import RENDERED
from cupql.article.wikitext import WIKITEXT, entries
from cupql.loading import bundled_articles
from football.season import ArticleSeason
from football.vocabulary import CardKind, RoundKind, TieDecision

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (bundled_articles()[0], PLAIN_TEXT),
        (FIXTURES / "2025_testland_cup.txt", PLAIN_TEXT),
        (FIXTURES / "2023_kazakhstan_cup.wiki", WIKITEXT),
        (FIXTURES / "2021_armenian_cup_wikipedia.txt", RENDERED),
        (FIXTURES / "2022_23_belarusian_cup_mirror.txt", RENDERED),
        (FIXTURES / "2022_23_israel_state_cup_pipes.txt", RENDERED),
        (FIXTURES / "2017_kazakhstan_cup.wiki", WIKITEXT),
        (FIXTURES / "2019_kazakhstan_cup.wiki", WIKITEXT),
    ],
)
def test_the_format_is_detected(path: Path, expected: str) -> None:
    assert detect_format(path.read_text(encoding="utf-8")) == expected
    assert build_season(read_any(path)).report.source_format == expected


RENDERED_PAGE = """\
2030 Example Cup
Final[edit]
1 May 2030
Astana
2–1
Tobol
Karimov 30'
Report
Tsonev 50'
Astana 3–0 Tobol
"""


def test_a_stray_score_line_in_a_page_is_refused_at_its_line() -> None:
    with pytest.raises(ArticleError) as error:
        parse_any(RENDERED_PAGE, "page.txt")
    assert str(error.value).startswith("page.txt:10: cannot read 'Astana 3–0 Tobol' as part of a match")


def test_lenient_lists_the_skipped_line_in_the_report() -> None:
    season = build_season(parse_any(RENDERED_PAGE, "page.txt", lenient=True))
    assert len(season.matches) == 1
    assert [(n.line, n.code) for n in season.report.notes] == [(10, "SKIPPED")]


def test_a_score_line_without_a_date_in_plain_text_is_refused_at_its_line() -> None:
    text = "= 2030 Example Cup =\n\n== Final ==\n1 May 2030\nAstana 2 – 1 Tobol\nAstana 1 – 0 Kairat\n"
    with pytest.raises(ArticleError, match=r"^x\.txt:6: cannot read 'Astana 1 – 0 Kairat'"):
        parse_any(text, "x.txt")


WIKITEXT_ARTICLE = textwrap.dedent(
    """\
    {{Infobox football tournament season
    | title = Example Cup
    | year  = 2030
    }}
    == Final ==
    {{Football box
    |date=1 May 2030
    |team1=[[FC Astana|Astana]]
    |score=2–1
    |team2=[[FC Tobol|Tobol]]
    |goals1=[[Gil Itzhak|Itzhak]] {{goal|10}}<br>[[Gil Itzhak]] {{goal|20}}
    |goals2=[[Ivan Ivanov]] {{goal|30}}
    }}
    Astana 1–0 Tobol
    """
)


def test_a_linked_player_is_one_player_whatever_the_link_shows() -> None:
    season = build_season(parse_any(WIKITEXT_ARTICLE.replace("Astana 1–0 Tobol\n", ""), "x.wiki"))
    scorers = {(p.name, p.identity) for p in season.players if p.club == "Astana"}
    assert scorers == {("Gil Itzhak", "gil-itzhak")}


def test_a_score_outside_a_box_in_wikitext_is_refused_at_its_line() -> None:
    with pytest.raises(ArticleError, match=r"^x\.wiki:14: cannot read 'Astana 1–0 Tobol'"):
        parse_any(WIKITEXT_ARTICLE, "x.wiki")


def test_a_box_with_an_unreadable_score_is_refused_at_its_line() -> None:
    with pytest.raises(ArticleError, match=r"^x\.wiki:9: unreadable score 'tbd'"):
        parse_any(WIKITEXT_ARTICLE.replace("score=2–1", "score=tbd"), "x.wiki")


def test_no_match_says_what_was_expected_and_where_reading_stopped() -> None:
    with pytest.raises(ArticleError, match=r"^page\.txt:3: no match found: expected a date line"):
        parse_any("2030 Example Cup\nFinal[edit]\nTo be played.\n", "page.txt")


def test_two_spellings_of_one_player_are_one_player_listed_in_the_report() -> None:
    season = build_season(read_any(FIXTURES / "2021_armenian_cup_wikipedia.txt"))
    assert [n.message for n in season.report.notes if n.code == "ONE_PLAYER"] == [
        "Alashkert: 'G. Nranyan' and 'G.Nranyan' fold to one player, 'G. Nranyan'"
    ]


def test_a_year_only_format_table_date_states_no_date() -> None:
    article = read_any(FIXTURES / "2021_armenian_cup_wikipedia.txt")
    rows = {
        row.round.value: (row.clubs_remaining, row.clubs_involved, row.first_match_date) for row in article.format_rows
    }
    assert rows["Quarter-finals"] == (5, 4, None)


def test_the_infobox_totals_the_matches_contradict_are_disagreements() -> None:
    season = build_season(read_any(FIXTURES / "2023_kazakhstan_cup.wiki"))
    assert [(d.line, d.code, d.message) for d in season.report.disagreements] == [
        (10, "INFOBOX", "the infobox gives goals 15, the matches give 13")
    ]


def test_a_misspelt_date_line_in_plain_text_is_refused_at_its_line() -> None:
    text = "= 2030 Example Cup =\n\n== Final ==\n1 May 2030\nAstana 2 – 1 Tobol\n3 mya 2030\nAstana 1 – 0 Kairat\n"
    with pytest.raises(
        ArticleError, match=r"^x\.txt:6: cannot read '3 mya 2030' as part of a match \(an unreadable date\)"
    ):
        parse_any(text, "x.txt")
    season = build_season(parse_any(text.replace("mya", "may"), "x.txt"))
    assert [(m.date.isoformat(), m.away) for m in season.matches] == [("2030-05-01", "Tobol"), ("2030-05-03", "Kairat")]


def test_a_name_with_no_minute_or_card_in_a_page_is_refused_and_a_split_event_is_joined() -> None:
    page = "2030 Example Cup\nFinal\n1 May 2030\nAstana\n1–1\nTobol\nKarimov\n30'\nReport\nTsonev 50'\nKuanyshev\n"
    with pytest.raises(ArticleError, match=r"^page\.txt:11: cannot read 'Kuanyshev' as part of a match"):
        parse_any(page, "page.txt")
    season = build_season(parse_any(page, "page.txt", lenient=True))
    assert [(g.club, g.scorer and g.scorer.name, g.minute) for g in season.matches[0].goals] == [
        ("Astana", "Karimov", 30),
        ("Tobol", "Tsonev", 50),
    ]


def _results(season: ArticleSeason) -> list[tuple]:
    return [(m.line, m.date, m.group, m.home, m.home_score, m.away_score, m.away, m.leg) for m in season.matches]


def test_group_grids_and_two_legged_rows_without_boxes_are_matches_with_no_date() -> None:
    season = build_season(read_any(FIXTURES / "2019_kazakhstan_cup.wiki"))
    assert _results(season) == [
        # Group B's Tobol v Aktobe is given by a box and by the grid: the box is kept, with its date and goals.
        (41, dt.date(2019, 4, 10), "B", "Tobol", 2, 0, "Aktobe", None),
        (60, dt.date(2019, 11, 9), None, "Kairat", 1, 0, "Astana", None),
        # The sports-results module's `match_HOME_AWAY` parameters.
        (23, None, "A", "Astana", 2, 1, "Ordabasy", None),
        (24, None, "A", "Ordabasy", 0, 0, "Taraz", None),
        (25, None, "A", "Taraz", 1, 3, "Astana", None),
        # The `{{fb r}}` grid: row club at home, column club away.
        (33, None, "B", "Kairat", 1, 1, "Tobol", None),
        (39, None, "B", "Aktobe", 0, 3, "Kairat", None),
        # `{{TwoLegResult}}`: team1 at home in the first leg; both legs written with team1's goals first.
        (55, None, None, "Astana", 2, 1, "Tobol", 1),
        (55, None, None, "Tobol", 1, 1, "Astana", 2),
        (56, None, None, "Kairat", 1, 0, "Ordabasy", 1),
        (56, None, None, "Ordabasy", 2, 1, "Kairat", 2),
    ]
    assert [(t.home, t.home_aggregate, t.away_aggregate, t.away, t.winner, t.decided_by) for t in season.ties] == [
        ("Kairat", 1, 0, "Astana", "Kairat", TieDecision.SCORE),
        ("Astana", 3, 2, "Tobol", "Astana", TieDecision.AGGREGATE),
        ("Kairat", 2, 2, "Ordabasy", "Kairat", TieDecision.PENALTIES),
    ]
    second_leg = season.matches[-1]
    assert (second_leg.extra_time, second_leg.home_penalties, second_leg.away_penalties) == (True, 2, 4)
    assert [(row.group, row.club, row.points) for row in season.standings] == [
        ("A", "Astana", 6),
        ("A", "Ordabasy", 1),
        ("A", "Taraz", 1),
        ("B", "Kairat", 4),
        ("B", "Tobol", 4),
        ("B", "Aktobe", 0),
    ]
    # A round with an undated match has no known first day.
    assert [(r.kind, r.first_match_date) for r in season.rounds] == [
        (RoundKind.GROUP_STAGE, None),
        (RoundKind.SEMI_FINALS, None),
        (RoundKind.FINAL, dt.date(2019, 11, 9)),
    ]
    assert (season.report.matches, season.report.goals, season.report.disagreements) == (11, 24, [])


def test_a_grid_that_contradicts_a_box_is_a_disagreement_and_the_box_is_kept() -> None:
    text = (FIXTURES / "2019_kazakhstan_cup.wiki").read_text(encoding="utf-8").replace("{{fb r|2–0}}", "{{fb r|2–1}}")
    season = build_season(parse_any(text, "x.wiki"))
    assert [(m.home_score, m.away_score) for m in season.matches if (m.home, m.away) == ("Tobol", "Aktobe")] == [(2, 0)]
    assert [(d.line, d.code, d.message) for d in season.report.disagreements] == [
        (36, "RESULT", "the result gives Tobol 2-1 Aktobe, the match at line 41 2-0")
    ]


def test_a_two_legged_row_fills_in_the_leg_no_box_gives() -> None:
    text = (FIXTURES / "2023_kazakhstan_cup.wiki").read_text(encoding="utf-8")
    first_leg = text[text.index("=== First legs ===") : text.index("=== Second legs ===")]
    season = build_season(parse_any(text.replace(first_leg, ""), "x.wiki"))
    [tie] = [t for t in season.ties if t.round is RoundKind.SEMI_FINALS]
    assert [(m.date, m.home, m.home_score, m.away_score, m.away, m.leg) for m in tie.legs] == [
        (None, "Kairat", 1, 0, "Astana", 1),
        (dt.date(2023, 7, 5), "Astana", 1, 1, "Kairat", 2),
    ]
    assert (tie.winner, tie.decided_by) == ("Kairat", TieDecision.AGGREGATE)


def test_a_grid_whose_rows_and_columns_differ_is_refused_at_its_cells() -> None:
    text = (FIXTURES / "2017_kazakhstan_cup.wiki").read_text(encoding="utf-8")
    unpaired = text.replace("|-\n! [[FC Okzhetpes|Okzhetpes]]\n| || || —\n", "")
    with pytest.raises(ArticleError, match=r"^x\.wiki:21: cannot read '\{\{fb r\|2–0\}\}' as part of a match"):
        parse_any(unpaired, "x.wiki")
    season = build_season(parse_any(unpaired, "x.wiki", lenient=True))
    assert [(note.line, note.code) for note in season.report.notes] == [
        (21, "SKIPPED"),
        (21, "SKIPPED"),
        (24, "SKIPPED"),
    ]
    assert season.report.matches == 6


def test_todays_wikitext_template_grids_and_invoked_boxes() -> None:
    season = build_season(read_any(FIXTURES / "2031_32_upland_cup.wiki"))
    assert (season.name, season.winner, season.runner_up) == ("2031–32 Upland Cup", "Northam", "Southby Rovers")
    # `{{Fb r2 team}}` rows of `{{fb r|gf=|ga=}}` cells, read by position; an empty cell is a match not played.
    assert _results(season)[3:] == [
        (18, None, "A", "Northam", 2, 1, "Southby Rovers", None),
        (23, None, "A", "Southby Rovers", 3, 0, "Westfield Town", None),
        (25, None, "A", "Westfield Town", 1, 1, "Northam", None),
        (26, None, "A", "Westfield Town", 0, 2, "Southby Rovers", None),
    ]
    # `{{#invoke:Football box|main}}`; a box that gives no date has a null date, never an invented one.
    assert _results(season)[:3] == [
        (32, dt.date(2032, 3, 4), None, "Northam", 2, 1, "Westfield Town", None),
        (43, None, None, "Southby Rovers", 0, 0, "Eastmoor", None),
        (53, dt.date(2032, 5, 20), None, "Southby Rovers", 1, 3, "Northam", None),
    ]
    # Minutes written as text after a linked name: `*[[Alan Pike|Pike]] 12', 45+1'`, `88' (pen.)`, `70' (o.g.)`.
    final = season.matches[2]
    assert [(g.scorer and g.scorer.name, g.minute, g.stoppage, g.penalty, g.own_goal) for g in final.goals] == [
        ("Ivo Brant", 30, None, False, False),
        ("Alan Pike", 50, None, False, False),
        ("Owen Lark", 70, None, False, True),
        ("Owen Lark", 90, 3, False, False),
    ]
    assert (final.stadium, season.matches[0].attendance) == ("Upland Stadium", 1200)
    assert (season.report.matches, season.report.goals, season.report.disagreements) == (7, 17, [])


@pytest.mark.parametrize("team", ["{{fb|MAR}}", "{{fb-rt|MAR}}", "{{#invoke:flag|fb|MAR}}"])
def test_a_side_named_only_by_a_code_template_is_that_code(team: str) -> None:
    text = WIKITEXT_ARTICLE.replace("Astana 1–0 Tobol\n", "").replace("[[FC Tobol|Tobol]]", team)
    [match] = build_season(parse_any(text, "x.wiki")).matches
    assert (match.home, match.away) == ("Astana", "MAR")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "= 2030 Example Cup =\n\n== Final ==\n3 mya 2030\nAstana 1 – 0 Kairat\n",
            "x.txt:5: no match found: expected a date line and a 'Home N - N Away' score line under a round heading "
            "('== Final =='); read to the end without one; skipped as unreadable: line 4: skipped '3 mya 2030' "
            "(an unreadable date); line 5: skipped 'Astana 1 – 0 Kairat' (a score line needs a date line before it)",
        ),
        (
            WIKITEXT_ARTICLE[: WIKITEXT_ARTICLE.index("{{Football box")],
            "x.txt:1: no match found: expected {{Football box}} templates under round headings, and read to the "
            "end (line 6) without one",
        ),
        (
            WIKITEXT_ARTICLE[: WIKITEXT_ARTICLE.index("{{Football box")] + "Astana 1–0 Tobol\n",
            "x.txt:1: no match found: expected {{Football box}} templates under round headings, and read to the "
            "end (line 7) without one; skipped as unreadable: line 6: skipped 'Astana 1–0 Tobol'",
        ),
    ],
)
def test_lenient_no_match_names_the_lines_it_skipped(text: str, expected: str) -> None:
    with pytest.raises(ArticleError) as error:
        parse_any(text, "x.txt", lenient=True)
    assert str(error.value) == expected


def test_a_goals_line_of_bare_templates_keeps_its_minutes_and_cards_with_no_player() -> None:
    season = build_season(read_any(FIXTURES / "2033_34_marsh_cup.wiki"))
    opener, second = season.matches[0], season.matches[1]
    # `goals2={{goal|75}}<br>{{yel|80}}`: the goal keeps its minute, the booking is kept, neither names a player.
    assert [(g.club, g.scorer, g.minute) for g in opener.goals if g.club == "Saltmarsh Rovers"] == [
        ("Saltmarsh Rovers", None, 75)
    ]
    assert [(c.club, c.player, c.kind, c.minute, c.line) for c in opener.cards if c.club == "Saltmarsh Rovers"] == [
        ("Saltmarsh Rovers", None, CardKind.YELLOW, 80, 28)
    ]
    assert [(c.club, c.player, c.kind, c.minute, c.line) for c in second.cards] == [
        ("Saltmarsh Rovers", None, CardKind.RED, 55, 37)
    ]


def test_a_group_table_that_differs_from_the_matches_read_is_a_disagreement_at_its_row() -> None:
    season = build_season(read_any(FIXTURES / "2033_34_marsh_cup.wiki"))
    # The table implies a second Reedham United win over Saltmarsh Rovers that no box gives: reported, not made.
    assert season.report.matches == 3
    assert [(d.line, d.code, d.message) for d in season.report.disagreements] == [
        (
            15,
            "GROUP_TABLE",
            "group A: the table gives Reedham United won 2, drawn 0, lost 0, goals 4-1; "
            "the matches read give won 1, drawn 0, lost 0, goals 2-1",
        ),
        (
            17,
            "GROUP_TABLE",
            "group A: the table gives Saltmarsh Rovers won 0, drawn 0, lost 3, goals 1-6; "
            "the matches read give won 0, drawn 0, lost 2, goals 1-4",
        ),
    ]


def test_a_page_group_table_row_is_checked_and_a_group_disagreement_names_its_heading() -> None:
    page = (
        "2030 Example Cup\nGroup A\nPos Team Pld W D L GF GA GD Pts\n1 Astana 2 1 1 0 3 1 +2 4\n"
        "2 Tobol 1 0 0 1 0 2 \u22122 0\n3 Kairat 1 0 1 0 1 1 0 1\n1 May 2030 Astana 2–0 Tobol\nReport\n"
        "Final\n3 May 2030 Kairat 1–0 Tobol\n"
    )
    season = build_season(parse_any(page, "page.txt"))
    assert [(d.line, d.code, d.message) for d in season.report.disagreements] == [
        (2, "GROUP_ADVANCE", "group A: Tobol played on, but the table does not rank them on top"),
        (
            4,
            "GROUP_TABLE",
            "group A: the table gives Astana played 2, won 1, drawn 1, lost 0, goals 3-1; "
            "the matches read give played 1, won 1, drawn 0, lost 0, goals 2-0",
        ),
        (6, "GROUP_TABLE", "group A lists Kairat, which played no group match read there"),
    ]


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("{{sent off|0|80}}", [(CardKind.RED, 80)]),
        ("{{sent off|2|28|81}}", [(CardKind.YELLOW, 28), (CardKind.SECOND_YELLOW, 81)]),
        ("{{sent off|81}}", [(CardKind.UNKNOWN, 81)]),
    ],
)
def test_sent_off_says_its_kind_only_with_the_count_of_yellow_cards_first(
    markup: str, expected: list[tuple[CardKind, int]]
) -> None:
    [entry] = entries(mwparserfromhell.parse(f"[[Jasur Jumaev|Jumaev]] {markup}"))
    assert [(card.kind, card.minute) for card in entry.cards] == expected
