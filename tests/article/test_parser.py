"""The parser reads the bundled 2024 article's tricky lines as written, and names the file and line of any error."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from cupql.article.parser import (
    Article,
    ArticleError,
    Entry,
    FormatRow,
    LeagueCell,
    Minute,
    RawMatch,
    ScorerLine,
    parse_article,
    parse_entries,
    read_article,
)
from football.vocabulary import RoundKind

ARTICLE_2024 = Path(__file__).resolve().parents[2] / "seed_data" / "2024_kazakhstan_cup.txt"


@pytest.fixture(scope="module")
def article() -> Article:
    return read_article(ARTICLE_2024)


def minute(value: int, *, stoppage: int | None = None, penalty: bool = False, own_goal: bool = False) -> Minute:
    return Minute(value, stoppage, penalty, own_goal)


def goal(*minutes: int, name: str | None = None) -> Entry:
    return Entry(name, tuple(minute(m) for m in minutes))


EMPTY = Entry(None, ())


def match_at(article: Article, line: int) -> RawMatch:
    """The match whose score line is `line`."""
    [found] = [m for m in article.matches if m.line == line]
    return found


def entries_at(article: Article, line: int) -> list[Entry]:
    """The entries of the team event line at `line`."""
    [found] = [team.entries for m in article.matches for team in m.teams.values() if team.line == line]
    return found


def snippet(body: str) -> str:
    """A small article: line 1 is the title, line 2 blank, `body` from line 3 on."""
    return "= 2030 Example Cup =\n\n" + textwrap.dedent(body).lstrip("\n")


# The whole article -----------------------------------------------------------------------------------------


def test_the_article_has_41_matches_in_six_rounds(article: Article) -> None:
    assert (article.title, article.title_line) == ("2024 Kazakhstan Cup", 1)
    per_round = Counter(m.round for m in article.matches)
    assert per_round == {
        RoundKind.GROUP_STAGE: 21,
        RoundKind.PLAY_OFF: 3,
        RoundKind.ROUND_OF_16: 8,
        RoundKind.QUARTER_FINALS: 4,
        RoundKind.SEMI_FINALS: 4,
        RoundKind.FINAL: 1,
    }


def test_the_infobox_keeps_each_value_with_its_line(article: Article) -> None:
    assert article.infobox["Matches"] == ("41", 10)
    assert article.infobox["Goals"] == ("98", 11)
    assert article.info("Winners") == "Aktobe"
    assert article.info_line("Scoring Leader") == 12
    assert article.info("No such key") is None


def test_the_league_row_names_three_leagues_in_tier_order(article: Article) -> None:
    assert article.leagues == [
        LeagueCell("Kazakhstan Premier League", 13, 23),
        LeagueCell("Kazakhstan First League", 13, 23),
        LeagueCell("Kazakhstan Second League", 6, 23),
    ]


# Score lines -----------------------------------------------------------------------------------------------


def test_a_score_written_without_spaces_is_read(article: Article) -> None:
    """The final's `Atyrau 1-2 Aktobe`."""
    final = match_at(article, 262)
    assert (final.home, final.home_score, final.away_score, final.away) == ("Atyrau", 1, 2, "Aktobe")
    assert (final.round, final.group, final.date) == (RoundKind.FINAL, None, dt.date(2024, 9, 29))


def test_a_group_match_knows_its_group_and_a_knockout_match_has_none(article: Article) -> None:
    first = article.matches[0]
    assert (first.line, first.home, first.away, first.group, first.round) == (
        45,
        "Okzhetpes",
        "AKAS",
        "A",
        RoundKind.GROUP_STAGE,
    )
    assert {m.group for m in article.matches if m.round is not RoundKind.GROUP_STAGE} == {None}


def test_a_match_may_have_only_one_teams_event_line(article: Article) -> None:
    """`Akademia Ontustik 2 - 0 Altai` lists only the scorers' side."""
    game = match_at(article, 77)
    assert (game.home, game.away) == ("Akademia Ontustik", "Altai")
    assert list(game.teams) == ["Akademia Ontustik"]


# Event lines -----------------------------------------------------------------------------------------------


def test_minutes_joined_by_commas_are_one_players_entry(article: Article) -> None:
    """`Aksu: 2', 21', 46' , , , , 51' , , ,`: a comma straight after a minute joins the minutes."""
    assert entries_at(article, 145) == [goal(2, 21, 46), EMPTY, EMPTY, EMPTY, goal(51), EMPTY, EMPTY, EMPTY]


def test_a_named_entry_with_two_minutes(article: Article) -> None:
    """`Tobol: El Messaoudi 27', 84' , ...`."""
    assert entries_at(article, 183)[0] == goal(27, 84, name="El Messaoudi")


def test_a_minute_in_extra_time_is_read_as_written(article: Article) -> None:
    assert entries_at(article, 161) == [EMPTY, EMPTY, EMPTY, goal(117), EMPTY]
    assert entries_at(article, 232)[2] == goal(117, name="Jean")


def test_a_penalty_is_flagged(article: Article) -> None:
    assert entries_at(article, 165)[1] == Entry(None, (minute(52, penalty=True),))
    assert entries_at(article, 178)[-1] == Entry("Eugénio", (minute(87, penalty=True),))
    assert entries_at(article, 244)[1] == Entry("El Messaoudi", (minute(40, penalty=True),))


def test_empty_entries_are_kept_in_place(article: Article) -> None:
    """`Okzhetpes: , 43' , ,` is four entries, the second a goal in the 43rd minute."""
    entries = entries_at(article, 46)
    assert len(entries) == 4
    assert entries == [EMPTY, goal(43), EMPTY, EMPTY]


def test_minutes_out_of_order_keep_the_written_order(article: Article) -> None:
    """`Zhetisay: 47' , , , 88' , 59' , ,`: the parser does not sort; reconciliation does."""
    entries = entries_at(article, 137)
    assert entries == [goal(47), EMPTY, EMPTY, goal(88), goal(59), EMPTY, EMPTY]
    assert [e.minutes[0].minute for e in entries if e.minutes] == [47, 88, 59]


def test_a_bare_name_is_an_entry_without_minutes(article: Article) -> None:
    """`Khan-Tengri: Shakhmetov`."""
    assert entries_at(article, 58) == [Entry("Shakhmetov", ())]


def test_a_team_with_nothing_after_the_colon_has_no_entries() -> None:
    assert parse_entries("") == []
    assert parse_entries("   ") == []


@pytest.mark.parametrize(
    ("text", "entries"),
    [
        pytest.param("Smith 90+3'", [Entry("Smith", (minute(90, stoppage=3),))], id="stoppage time"),
        pytest.param("Smith 12' (o.g.)", [Entry("Smith", (minute(12, own_goal=True),))], id="own goal"),
        pytest.param(
            "Smith 5' (pen.), 9'", [Entry("Smith", (minute(5, penalty=True), minute(9)))], id="penalty then a minute"
        ),
        pytest.param("Smith , Jones 4'", [Entry("Smith", ()), goal(4, name="Jones")], id="a card then a goal"),
        pytest.param(", ,", [EMPTY, EMPTY, EMPTY], id="three empty entries"),
    ],
)
def test_entry_forms(text: str, entries: list[Entry]) -> None:
    assert parse_entries(text) == entries


# Tables ----------------------------------------------------------------------------------------------------


def test_the_draw_table_keeps_each_groups_cell_as_written(article: Article) -> None:
    assert article.draw == {
        "A": ("AKAS Irtysh Pavlodar Khan-Tengri Okzhetpes", 39),
        "B": ("Akademia Ontustik Akzhayik Altai", 39),
        "C": ("Ekibastuzets Taraz Turkistan", 39),
        "D": ("Arys Caspiy Jas Qyran", 39),
        "E": ("Maktaaral SD Family Ulytau", 39),
        "F": ("Aksu Kyran Zhetisay", 39),
    }


def test_the_format_table_rows(article: Article) -> None:
    assert article.format_rows == [
        FormatRow(RoundKind.GROUP_STAGE, 32, 19, dt.date(2024, 3, 11), 27),
        FormatRow(RoundKind.PLAY_OFF, 19, 6, dt.date(2024, 3, 21), 28),
        FormatRow(RoundKind.ROUND_OF_16, 16, 16, dt.date(2024, 4, 13), 29),
        FormatRow(RoundKind.QUARTER_FINALS, 8, 8, dt.date(2024, 5, 8), 30),
        FormatRow(RoundKind.SEMI_FINALS, 4, 4, dt.date(2024, 6, 19), 31),
        FormatRow(RoundKind.FINAL, 2, 2, dt.date(2024, 9, 29), 32),
    ]


def test_the_scorer_table_has_81_rows_summing_to_97(article: Article) -> None:
    scorers = article.scorers
    assert len(scorers) == 81
    assert sum(row.goals for row in scorers) == 97
    assert [sum(row.goals == n for row in scorers) for n in (3, 2, 1)] == [3, 10, 68]
    assert not any(row.own_goal for row in scorers)
    assert scorers[0] == ScorerLine("KAZ", "Aslanbek Kakimov", "Aksu", 3, False, 270)
    assert scorers[-1] == ScorerLine("KAZ", "Rinat Serikkul", "Zhetisay", 1, False, 356)


def test_scorer_rows_with_one_word_names_and_accents(article: Article) -> None:
    rows = {(row.name, row.club): row for row in article.scorers}
    assert rows[("China", "Elimai")].nationality == "BRA"
    assert rows[("Ahmed El Messaoudi", "Tobol")].goals == 3
    assert rows[("Élder Santana", "Kairat")].line == 324


def test_the_scorer_tables_own_goal_section() -> None:
    text = snippet(
        """
        == Final ==
        1 May 2030
        Alpha 1 - 1 Beta
          Alpha: Smith 10'
          Beta: Jones 20' (o.g.)

        == Goal scorers ==

        1 goal:

        - ENG John Smith - Alpha

        ;Own goal

        - WAL Tom Jones - Alpha
        """
    )
    assert parse_article(text, "x.txt").scorers == [
        ScorerLine("ENG", "John Smith", "Alpha", 1, False, 13),
        ScorerLine("WAL", "Tom Jones", "Alpha", 1, True, 17),
    ]


# Prose -----------------------------------------------------------------------------------------------------


def test_prose_is_kept_with_the_round_it_introduces(article: Article) -> None:
    [quarters] = [p for p in article.prose if p.round is RoundKind.QUARTER_FINALS]
    assert quarters.text.startswith("The eight round of 16 winners entered the quarter-finals")
    assert quarters.line == 210
    intro = [p.text for p in article.prose if p.round is None]
    assert any("commencing on 11 March and finishing on 29 September" in text for text in intro)


def test_prose_quoting_a_score_is_prose_not_a_score_line() -> None:
    text = snippet(
        """
        == Final ==
        Beta won 4-3 on penalties after a 1-1 draw.
        1 May 2030
        Alpha 1 - 1 Beta
        """
    )
    [prose] = [p for p in parse_article(text, "x.txt").prose if p.round is RoundKind.FINAL]
    assert prose.text == "Beta won 4-3 on penalties after a 1-1 draw."


# Errors name the file and the line -------------------------------------------------------------------------


def test_a_malformed_score_line_is_refused_at_its_line() -> None:
    text = snippet(
        """
        == Final ==
        1 May 2030
        Alpha 1 to 0 Beta
        """
    )
    with pytest.raises(ArticleError) as error:
        parse_article(text, "x.txt")
    assert str(error.value) == "x.txt:5: malformed score line 'Alpha 1 to 0 Beta': expected 'Home N - N Away'"
    assert (error.value.source, error.value.line) == ("x.txt", 5)


def test_matches_under_a_heading_that_names_no_round_are_refused_at_their_line() -> None:
    text = snippet(
        """
        == Intermediate stage ==
        1 May 2030
        Alpha 1 - 0 Beta
        """
    )
    with pytest.raises(
        ArticleError, match=r"^x\.txt:4: a match under 'Intermediate stage', which is not a round cupql knows$"
    ):
        parse_article(text, "x.txt")


def test_a_round_of_32_and_sections_without_matches_are_read() -> None:
    text = snippet(
        """
        == Round of 32 ==
        1 May 2030
        Alpha 1 - 0 Beta
        == See also ==
        - 2029 Cup
        """
    )
    article = parse_article(text, "x.txt")
    assert [(m.round.name, m.home, m.away) for m in article.matches] == [("ROUND_OF_32", "Alpha", "Beta")]


def test_an_unknown_round_in_the_format_table_is_refused_at_its_line() -> None:
    text = snippet(
        """
        == Participating clubs ==
        === Format and schedule ===
        | Round | Clubs remaining | Clubs involved | First match date |
        | Intermediate stage | 4 | 2 | 1 April 2030 |
        """
    )
    with pytest.raises(ArticleError, match=r"^x\.txt:6: unknown round 'Intermediate stage' in the format table$"):
        parse_article(text, "x.txt")


def test_a_match_block_without_a_date_is_refused_at_its_score_line() -> None:
    text = snippet(
        """
        == Final ==
        Alpha 1 - 0 Beta
          Alpha: Smith 10'
        """
    )
    with pytest.raises(ArticleError, match=r"^x\.txt:4: a score line without a date line before it$"):
        parse_article(text, "x.txt")


def test_an_event_line_for_a_club_that_did_not_play_is_refused_at_its_line() -> None:
    text = snippet(
        """
        == Final ==
        1 May 2030
        Alpha 1 - 0 Beta
          Gamma: Smith 10'
        """
    )
    with pytest.raises(ArticleError, match=r"^x\.txt:6: 'Gamma' did not play in Alpha v Beta$"):
        parse_article(text, "x.txt")


def test_a_draw_row_with_too_few_cells_is_refused_at_its_line() -> None:
    text = snippet(
        """
        == Group stage ==
        === Draw summary ===
        | Group A | Group B |
        | Alpha Beta |
        """
    )
    with pytest.raises(ArticleError, match=r"^x\.txt:6: the draw names 2 groups but has 1 cells$"):
        parse_article(text, "x.txt")


def test_a_malformed_scorer_line_is_refused_at_its_line() -> None:
    text = snippet(
        """
        == Final ==
        1 May 2030
        Alpha 1 - 0 Beta

        == Goal scorers ==
        - John Smith
        """
    )
    with pytest.raises(ArticleError, match=r"^x\.txt:8: malformed scorer line '- John Smith'$"):
        parse_article(text, "x.txt")


def test_a_missing_file_is_refused_by_name(tmp_path: Path) -> None:
    """There is no line to name: the message is the path and the reason."""
    path = tmp_path / "missing.txt"
    with pytest.raises(ArticleError) as error:
        read_article(path)
    assert str(error.value) == f"{path}: no such file"
    assert (error.value.source, error.value.line) == (str(path), None)


def test_a_file_that_is_not_an_article_is_refused_at_its_first_line(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("\nShopping list\n- milk\n", encoding="utf-8")
    with pytest.raises(ArticleError) as error:
        read_article(path)
    assert str(error.value).startswith(f"{path}:2: not a season article")


def test_an_empty_file_is_not_an_article(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"the file is empty$") as error:
        read_article(path)
    assert str(error.value).startswith(f"{path}: ")


def test_a_titled_file_without_matches_says_what_was_expected_and_where_reading_stopped() -> None:
    with pytest.raises(ArticleError) as error:
        parse_article("= 2030 Example Cup =\n\nJust some text.\n", "x.txt")
    assert str(error.value) == (
        "x.txt:3: no match found: expected a date line and a 'Home N - N Away' score line under a round heading "
        "('== Final =='); read to the end without one"
    )


def test_a_file_that_is_not_utf8_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("= 2030 Café Cup =\n".encode("latin-1"))
    with pytest.raises(ArticleError) as error:
        read_article(path)
    assert str(error.value).startswith(f"{path}: cannot read the file")
