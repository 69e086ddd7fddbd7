"""The format is detected, never flagged; what looks like part of a match but is not read is refused at its line,
or with lenient listed as skipped; two spellings of one player are one player, and the report says so."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from cupql.article.parser import PLAIN_TEXT, ArticleError
from cupql.article.reader import detect_format, parse_any, read_any
from cupql.article.reconcile import build_season
from cupql.article.rendered import RENDERED
from cupql.article.wikitext import WIKITEXT
from cupql.loading import bundled_articles

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


def test_a_group_grid_or_two_legged_row_without_match_boxes_is_refused_for_want_of_a_date() -> None:
    text = (FIXTURES / "2017_kazakhstan_cup.wiki").read_text(encoding="utf-8")
    without_boxes = text.replace("== Group stage ==", "== Group stage ==\n").split("{{footballbox collapsible")[0]
    rest = text[text.index("== Semi-finals ==") :]
    article = (
        without_boxes + "\n" + rest + "{{TwoLegResult|[[FC Taraz|Taraz]]|KAZ|3–2|[[FC Irtysh|Irtysh]]|KAZ|2–1|1–1}}\n"
    )
    with pytest.raises(ArticleError, match=r"^x\.wiki:22: cannot read '\{\{fb r\|2–0\}\}' as part of a match"):
        parse_any(article, "x.wiki")
    season = build_season(parse_any(article, "x.wiki", lenient=True))
    assert [(note.line, note.code) for note in season.report.notes] == [
        (22, "SKIPPED"),
        (22, "SKIPPED"),
        (25, "SKIPPED"),
        (53, "SKIPPED"),
    ]
