"""`cupql query`: documents from -e, a file or stdin; variables; json, table and csv; --all; --url; one-line errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cupql.cli import main

TOP_SCORERS = "{ topScorers(first: 3) { player { name } club { name } goals } }"


def run(database_url: str, *arguments: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, ["query", "--database-url", database_url, *arguments], input=stdin)


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_prints_data_as_json_by_default(loaded_database_url: str) -> None:
    result = run(loaded_database_url, "-e", "{ season { year winner { name } } }")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"season": {"year": 2024, "winner": {"name": "Aktobe"}}}


def test_a_table_has_a_header_a_rule_and_aligned_columns(loaded_database_url: str) -> None:
    result = run(loaded_database_url, "-e", TOP_SCORERS, "--format", "table")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "player.name         club.name  goals",
        "------------------  ---------  -----",
        "Ahmed El Messaoudi  Tobol          3",
        "Aslanbek Kakimov    Aksu           3",
        "Nikolay Signevich   Atyrau         3",
    ]


def test_csv_repeats_parents_on_a_row_per_nested_item(loaded_database_url: str) -> None:
    query = '{ club(name: "Aktobe") { name cupRun { steps { round opponent { name } goalsFor goalsAgainst } } } }'
    result = run(loaded_database_url, "-e", query, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "name,cupRun.steps.round,cupRun.steps.opponent.name,cupRun.steps.goalsFor,cupRun.steps.goalsAgainst",
        "Aktobe,ROUND_OF_16,Zhetysu,1,0",
        "Aktobe,QUARTER_FINALS,Ordabasy,2,1",
        "Aktobe,SEMI_FINALS,Elimai,2,0",
        "Aktobe,SEMI_FINALS,Elimai,1,2",
        "Aktobe,FINAL,Atyrau,2,1",
    ]


def test_side_by_side_lists_add_rows_rather_than_multiply(loaded_database_url: str) -> None:
    query = '{ club(name: "Aktobe") { name goals { minute } cards { kind } } }'
    counts = json.loads(run(loaded_database_url, "-e", query).stdout)["club"]
    rows = csv_rows(run(loaded_database_url, "-e", query, "--format", "csv").stdout)
    assert len(rows) == len(counts["goals"]) + len(counts["cards"])
    assert [r["cards.kind"] for r in rows if r["cards.kind"]] == [card["kind"] for card in counts["cards"]]
    assert all(r["name"] == "Aktobe" for r in rows)


def test_all_follows_every_page_of_each_connection(loaded_database_url: str) -> None:
    query = "{ goals { totalCount nodes { minute club { name } scorer { name } } } cards { nodes { kind } } }"
    result = run(loaded_database_url, "--all", "-e", query)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["goals"]["nodes"]) == data["goals"]["totalCount"] == 98
    # Two pages of at most 100: 197 cards since six empty entries are read as their lines' lost goals (issue 7).
    assert len(data["cards"]["nodes"]) == 197
    assert "cupqlPageInfo" not in data["goals"]
    assert {"minute": 117, "club": {"name": "Aktobe"}, "scorer": {"name": "Jayro Jean"}} in data["goals"]["nodes"]

    small_pages = run(loaded_database_url, "--all", "--format", "csv", "-e", "{ goals(first: 7) { nodes { minute } } }")
    assert len(csv_rows(small_pages.stdout)) == 98


def test_an_empty_result_prints_the_header_alone(loaded_database_url: str) -> None:
    query = "{ goals(first: 5, where: {minute: {gt: 200}}) { nodes { minute scorer { name } } } }"
    as_csv = run(loaded_database_url, "-e", query, "--format", "csv")
    assert (as_csv.exit_code, as_csv.stdout) == (0, "minute,scorer.name\n"), as_csv.output
    as_table = run(loaded_database_url, "-e", query, "--format", "table")
    assert as_table.stdout.splitlines() == ["minute  scorer.name", "------  -----------"], as_table.output


def test_tables_say_on_stderr_that_they_leave_out_page_info(loaded_database_url: str) -> None:
    query = "{ goals(first: 2, orderBy: {field: MINUTE}) { nodes { minute } pageInfo { hasNextPage endCursor } } }"
    result = run(loaded_database_url, "-e", query, "--format", "csv")
    assert result.exit_code == 0, result.output
    nodes = json.loads(run(loaded_database_url, "-e", query).stdout)["goals"]["nodes"]
    assert result.stdout.splitlines() == ["minute", *(str(node["minute"]) for node in nodes)] == ["minute", "2", "5"]
    assert result.stderr.splitlines() == [
        "note: csv leaves out `pageInfo`; --format json keeps it, --all follows the pages"
    ]
    assert run(loaded_database_url, "-e", TOP_SCORERS, "--format", "csv").stderr == ""


def test_reads_the_query_from_a_file_or_stdin_with_variables(loaded_database_url: str, tmp_path: Path) -> None:
    document = tmp_path / "club.graphql"
    document.write_text("query Club($name: String!, $year: Int) { club(name: $name, season: $year) { name } }")
    variables = tmp_path / "variables.json"
    variables.write_text('{"name": "astana"}')
    from_file = run(loaded_database_url, str(document), "--variables", str(variables), "--var", "year=2024")
    assert json.loads(from_file.stdout) == {"club": {"name": "Astana"}}
    from_stdin = run(loaded_database_url, "-", "--var", "name=Kairat", stdin=document.read_text())
    assert json.loads(from_stdin.stdout) == {"club": {"name": "Kairat"}}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["-e", '{ club(name: "Aktobee") { name } }'], "No club named 'Aktobee'"),
        (["-e", "{ season { year "], "Syntax Error"),
        (["-e", "{ goals { nodes { minute } } }"], "Say how many `goals` to list"),
        (["-e", "{ goals { nodes { minute } } }"], "Or run with --all to get every page of a top-level list."),
        (["-e", "{ season { year } }", "--var", "year"], "--var takes name=value, got 'year'"),
        (["nowhere.graphql"], "cannot read nowhere.graphql"),
        (["--all", "-e", "{ goals(last: 5) { nodes { minute } } }"], "--all pages forwards"),
        (["-e", "{ season { year } }", "--url", "http://127.0.0.1:9"], "cannot reach http://127.0.0.1:9"),
    ],
)
def test_errors_are_one_line_with_a_nonzero_exit(loaded_database_url: str, arguments: list[str], message: str) -> None:
    result = run(loaded_database_url, *arguments)
    assert result.exit_code == 1
    assert result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("Error: ") and message in line, line


def test_an_empty_database_says_to_load_one(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    result = run(f"sqlite:///{empty}", "-e", "{ season { year } }")
    assert result.exit_code == 1
    assert "no season in" in result.stderr and "cupql load" in result.stderr


def test_a_missing_database_file_is_reported_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "typo" / "cupql.db"
    result = run(f"sqlite:///{missing}", "-e", "{ season { year } }")
    assert result.exit_code == 1
    assert f"no database at {missing}" in result.stderr
    assert not missing.parent.exists()


def test_queries_a_running_server_with_url(live_server_url: str) -> None:
    result = CliRunner().invoke(
        main, ["query", "--url", live_server_url, "--all", "--format", "csv", "-e", "{ matches { nodes { date } } }"]
    )
    assert result.exit_code == 0, result.output
    assert len(csv_rows(result.stdout)) == 41
