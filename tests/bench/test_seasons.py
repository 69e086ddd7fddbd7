"""The scale run's seasons: copies of the bundled article that the importer reads as other years."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bench.seasons import write_older_seasons
from cupql.article.parser import read_article
from cupql.article.reconcile import build_season


def test_the_copies_are_the_years_before_2024_with_every_date_moved(tmp_path: Path) -> None:
    paths = write_older_seasons(tmp_path, 2)
    assert [path.name for path in paths] == ["2022_kazakhstan_cup.txt", "2023_kazakhstan_cup.txt"]

    season = build_season(read_article(paths[0]))
    assert season.year == 2022
    assert season.name == "2022 Kazakhstan Cup"
    assert (season.start_date, season.end_date) == (dt.date(2022, 3, 11), dt.date(2022, 9, 29))
    assert {match.date.year for match in season.matches} == {2022}
    assert season.winner == "Aktobe"
    assert len(season.matches) == 41
