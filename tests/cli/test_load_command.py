"""`cupql load`: the report, --strict, clear errors for bad input, and nothing written when refused."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cupql.cli import main
from cupql.loading import bundled_articles, database_is_empty
from db import models
from db.engine import sync_engine

ARTICLE = bundled_articles()[0]


def season_count(url: str) -> int:
    engine = sync_engine(url)
    try:
        with Session(engine) as session:
            return int(session.scalar(select(func.count()).select_from(models.SeasonRow)) or 0)
    finally:
        engine.dispose()


def test_load_prints_totals_attributions_and_every_disagreement(empty_database_url: str) -> None:
    result = CliRunner().invoke(main, ["load", "--database-url", empty_database_url])
    assert result.exit_code == 0, result.output
    assert "matches: 41 (infobox: 41)" in result.output
    assert "goals: 98 (infobox: 98)" in result.output
    assert "goal attributions: STATED 35, INFERRED 13, UNKNOWN 50" in result.output
    assert "disagreements: 4" in result.output
    assert (
        "line 15: [INFOBOX_UPDATED] the infobox says it was updated on 19 June 2024, "
        "but its figures include the match of 29 September 2024"
    ) in result.output
    assert (
        "line 31: [FORMAT_TABLE] the format table gives Semi-finals first match date 19 June 2024, "
        "the matches give 29 May 2024"
    ) in result.output
    assert "line 270: [SCORER_TABLE_TOTAL] the scorer table sums to 97 while the scores sum to 98" in result.output
    assert (
        "line 328: [SCORER_TABLE_CLUB] the scorer table gives Khan-Tengri 2 goals, the scores give 3" in result.output
    )
    assert season_count(empty_database_url) == 1


def test_strict_refuses_an_article_with_disagreements_and_writes_nothing(empty_database_url: str) -> None:
    result = CliRunner().invoke(main, ["load", str(ARTICLE), "--strict", "--database-url", empty_database_url])
    assert result.exit_code == 1
    assert "--strict: 4 disagreement(s) found, nothing was written" in result.output
    assert database_is_empty(empty_database_url)


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["load", str(tmp_path / "nope.txt"), "--database-url", f"sqlite:///{tmp_path}/x.db"]
    )
    assert result.exit_code == 1
    assert f"{tmp_path / 'nope.txt'}: no such file" in result.output


def test_a_malformed_score_line_names_file_and_line_and_keeps_the_old_data(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/cupql.db"
    assert CliRunner().invoke(main, ["load", "--database-url", url]).exit_code == 0
    broken = tmp_path / "broken.txt"
    lines = ARTICLE.read_text(encoding="utf-8").splitlines()
    lines[261] = "Atyrau one-two Aktobe"  # the final's score line (line 262)
    broken.write_text("\n".join(lines), encoding="utf-8")
    result = CliRunner().invoke(main, ["load", str(ARTICLE), str(broken), "--database-url", url])
    assert result.exit_code == 1
    assert f"{broken}:262: malformed score line 'Atyrau one-two Aktobe'" in result.output
    assert season_count(url) == 1


def test_an_unsupported_database_url_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["load", "--database-url", "mysql://root@localhost/x"])
    assert result.exit_code == 1
    assert "unsupported database 'mysql'" in result.output


def test_the_report_ends_with_the_seasons_written_and_held(empty_database_url: str) -> None:
    twice = CliRunner().invoke(main, ["load", str(ARTICLE), str(ARTICLE), "--database-url", empty_database_url])
    assert twice.exit_code == 0, twice.output
    assert twice.stdout.splitlines()[-1].startswith("loaded 2024 Kazakhstan Cup into ")
    assert twice.stdout.splitlines()[-1].endswith("; it now holds 1 season")
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "2025_testland_cup.txt"
    more = CliRunner().invoke(main, ["load", str(fixture), "--database-url", empty_database_url])
    assert more.stdout.splitlines()[-1].endswith("; it now holds 2 seasons"), more.output
    assert season_count(empty_database_url) == 2


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_the_report_counts_what_was_read_per_format(empty_database_url: str) -> None:
    articles = [str(FIXTURES / "2023_kazakhstan_cup.wiki"), str(FIXTURES / "2021_armenian_cup_wikipedia.txt")]
    result = CliRunner().invoke(main, ["load", *articles, "--database-url", empty_database_url])
    assert result.exit_code == 0, result.output
    assert "  read as wikitext" in result.output
    assert "  read as rendered page text" in result.output
    assert (
        "read per format: wikitext 1 article (5 matches, 13 goals, 5 cards); "
        "rendered page text 1 article (7 matches, 17 goals, 3 cards)"
    ) in result.output
    assert "line 26: [ONE_PLAYER] Alashkert: 'G. Nranyan' and 'G.Nranyan' fold to one player" in result.output
    assert season_count(empty_database_url) == 2


def test_an_unread_match_line_refuses_the_import_and_lenient_lists_it(empty_database_url: str, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "2030 Example Cup\nFinal[edit]\n1 May 2030\tAstana\t2–1\tTobol\nAstana 3–0 Tobol\n", encoding="utf-8"
    )
    refused = CliRunner().invoke(main, ["load", str(page), "--database-url", empty_database_url])
    assert refused.exit_code == 1
    assert f"{page}:4: cannot read 'Astana 3–0 Tobol' as part of a match" in refused.output
    assert database_is_empty(empty_database_url)
    lenient = CliRunner().invoke(main, ["load", str(page), "--lenient", "--database-url", empty_database_url])
    assert lenient.exit_code == 0, lenient.output
    assert "line 4: [SKIPPED] skipped 'Astana 3–0 Tobol'" in lenient.output
    assert season_count(empty_database_url) == 1
