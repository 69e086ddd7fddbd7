"""Importing the bundled 2024 article into SQLite and PostgreSQL: totals, derived facts, atomicity, idempotency."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cupql.article.parser import read_article
from cupql.article.reconcile import build_season
from cupql.loading import LoadRefused, bundled_articles, load, write_seasons
from db import models
from db.engine import sync_engine
from football.season import ArticlePlayer
from football.vocabulary import Attribution, RoundKind
from tests.article.test_reconcile import REPLAY

ARTICLE = bundled_articles()[0]


def quiet_load(url: str, paths: list[Path] | None = None) -> None:
    load(url, paths or [ARTICLE], strict=False, echo=lambda _line: None, progress=False)


def rows(url: str, statement):  # type: ignore[no-untyped-def]
    engine = sync_engine(url)
    try:
        with Session(engine) as session:
            return list(session.execute(statement).all())
    finally:
        engine.dispose()


def test_the_article_loads_41_matches_and_98_goals(empty_database_url: str) -> None:
    quiet_load(empty_database_url)
    [(matches,)] = rows(empty_database_url, select(func.count()).select_from(models.MatchRow))
    [(goals,)] = rows(empty_database_url, select(func.count()).select_from(models.GoalRow))
    [(score_sum,)] = rows(empty_database_url, select(func.sum(models.MatchRow.home_score + models.MatchRow.away_score)))
    assert (matches, goals, score_sum) == (41, 98, 98)


def test_every_group_table_is_derived_from_its_matches(empty_database_url: str) -> None:
    quiet_load(empty_database_url)
    table = rows(
        empty_database_url,
        select(
            models.StandingRow.group_id,
            models.StandingRow.position,
            models.StandingRow.club_id,
            models.StandingRow.points,
            models.StandingRow.goals_for,
            models.StandingRow.goals_against,
        ).order_by(models.StandingRow.group_id, models.StandingRow.position),
    )
    winners = {group.rsplit("-", 1)[-1]: club for group, position, club, *_ in table if position == 1}
    assert winners == {
        "a": "irtysh-pavlodar",
        "b": "akademia-ontustik",
        "c": "taraz",
        "d": "jas-qyran",
        "e": "sd-family",
        "f": "zhetisay",
    }
    group_a = [
        (club, points, scored, conceded)
        for group, _, club, points, scored, conceded in table
        if group.endswith("group-a")
    ]
    assert group_a == [
        ("irtysh-pavlodar", 7, 3, 1),
        ("akas", 5, 4, 3),
        ("okzhetpes", 2, 3, 4),
        ("khan-tengri", 1, 3, 5),
    ]


def test_semi_finals_are_two_legged_ties_with_aggregates(empty_database_url: str) -> None:
    quiet_load(empty_database_url)
    ties = rows(
        empty_database_url,
        select(
            models.TieRow.home_id,
            models.TieRow.away_id,
            models.TieRow.home_aggregate,
            models.TieRow.away_aggregate,
            models.TieRow.winner_id,
        )
        .where(models.TieRow.round == RoundKind.SEMI_FINALS)
        .order_by(models.TieRow.id),
    )
    assert ties == [("aktobe", "elimai", 3, 2, "aktobe"), ("tobol", "atyrau", 1, 4, "atyrau")]
    [(season_winner, runner_up)] = rows(
        empty_database_url, select(models.SeasonRow.winner_id, models.SeasonRow.runner_up_id)
    )
    assert (season_winner, runner_up) == ("aktobe", "atyrau")


def test_extra_time_is_true_false_or_unknown_from_evidence(empty_database_url: str) -> None:
    quiet_load(empty_database_url)
    extra = dict(rows(empty_database_url, select(models.MatchRow.id, models.MatchRow.extra_time)))
    prefix = "kazakhstan-cup/2024"
    assert extra[f"{prefix}/play-off-round/taraz-v-jas-qyran"] is True  # 117'
    assert extra[f"{prefix}/quarter-finals/ordabasy-v-aktobe"] is True  # 91' and 117'
    assert extra[f"{prefix}/play-off-round/sd-family-v-zhetisay"] is None  # 1-1 without the lost goal
    assert extra[f"{prefix}/final/atyrau-v-aktobe"] is False  # 24', 89', 90'
    assert extra[f"{prefix}/group-stage/okzhetpes-v-akas"] is False


def test_aktobes_eight_goals_and_how_each_scorer_is_known(empty_database_url: str) -> None:
    quiet_load(empty_database_url)
    goals = rows(
        empty_database_url,
        select(models.MatchRow.date, models.GoalRow.minute, models.PlayerRow.name, models.GoalRow.attribution)
        .join(models.MatchRow, models.MatchRow.id == models.GoalRow.match_id)
        .outerjoin(models.PlayerRow, models.PlayerRow.id == models.GoalRow.scorer_id)
        .where(models.GoalRow.club_id == "aktobe")
        .order_by(models.MatchRow.date, models.GoalRow.ordinal),
    )
    assert [(minute, name, attribution.value) for _, minute, name, attribution in goals] == [
        (44, "Dmitry Bessmertny", "STATED"),
        (117, "Jayro Jean", "STATED"),
        (None, "Dorny Romero", "INFERRED"),  # the bare "Romero" of the quarter-final, proven by the table
        (25, "Dorny Romero", "STATED"),
        (33, "Maksim Samorodov", "STATED"),
        (37, "Maksim Samorodov", "STATED"),
        (89, "Alibek Kasym", "STATED"),
        (90, "Freddy Góndola", "STATED"),
    ]
    cards = rows(
        empty_database_url,
        select(models.PlayerRow.name)
        .select_from(models.CardRow)
        .join(models.PlayerRow, models.PlayerRow.id == models.CardRow.player_id)
        .where(
            models.CardRow.match_id == "kazakhstan-cup/2024/quarter-finals/ordabasy-v-aktobe",
            models.CardRow.club_id == "aktobe",
        ),
    )
    assert sorted(name for (name,) in cards) == ["Kairov", "Kenesov", "Strumia"]


def test_the_report_counts_attributions_and_lists_every_disagreement(empty_database_url: str) -> None:
    quiet_load(empty_database_url)
    counts = dict(
        rows(empty_database_url, select(models.GoalRow.attribution, func.count()).group_by(models.GoalRow.attribution))
    )
    assert counts == {Attribution.STATED: 35, Attribution.INFERRED: 13, Attribution.UNKNOWN: 50}
    disagreements = rows(
        empty_database_url,
        select(models.DisagreementRow.line, models.DisagreementRow.code).order_by(models.DisagreementRow.ordinal),
    )
    assert disagreements == [
        (15, "INFOBOX_UPDATED"),
        (31, "FORMAT_TABLE"),
        (270, "SCORER_TABLE_TOTAL"),
        (328, "SCORER_TABLE_CLUB"),
    ]


def test_loading_again_replaces_the_season_and_keeps_every_id(empty_database_url: str) -> None:
    quiet_load(empty_database_url)
    ids = lambda: {  # noqa: E731
        table.__tablename__: sorted(i for (i,) in rows(empty_database_url, select(table.id)))  # type: ignore[attr-defined]
        for table in (
            models.MatchRow,
            models.GoalRow,
            models.CardRow,
            models.PlayerRow,
            models.TieRow,
            models.StandingRow,
        )
    }
    before = ids()
    quiet_load(empty_database_url)
    assert ids() == before
    assert len(before["matches"]) == 41


def test_a_failed_import_leaves_the_previous_data_exactly_as_it_was(empty_database_url: str) -> None:
    quiet_load(empty_database_url)
    snapshot = rows(empty_database_url, select(models.GoalRow.id, models.GoalRow.scorer_id, models.GoalRow.minute))
    season = build_season(read_article(ARTICLE))
    # Halfway through the write a goal names a scorer who is in no player row: the foreign key refuses it.
    stranger = ArticlePlayer(club="Aktobe", name="Nobody Atall")
    broken = dataclasses.replace(season, players=[p for p in season.players if p.name != "Jayro Jean"])
    broken.matches[0].goals[0].scorer = stranger
    with pytest.raises(LoadRefused, match="nothing was written"):
        write_seasons(empty_database_url, [(broken, str(ARTICLE))])
    assert (
        rows(empty_database_url, select(models.GoalRow.id, models.GoalRow.scorer_id, models.GoalRow.minute)) == snapshot
    )


def test_a_replayed_tie_stores_both_meetings_under_their_own_keys(empty_database_url: str, tmp_path: Path) -> None:
    original = "8 May 2024\nTobol 1 - 0 Astana\n  Tobol: Chesnokov 20' , Gabarayev\n  Astana: Astanov\n"
    article = tmp_path / "replay.txt"
    article.write_text(ARTICLE.read_text(encoding="utf-8").replace(original, REPLAY), encoding="utf-8")
    quiet_load(empty_database_url, [article])
    ids = sorted(
        i for (i,) in rows(empty_database_url, select(models.MatchRow.id).where(models.MatchRow.id.contains("astana")))
    )
    assert ids == [
        "kazakhstan-cup/2024/quarter-finals/tobol-v-astana",
        "kazakhstan-cup/2024/quarter-finals/tobol-v-astana/2024-05-15",
        "kazakhstan-cup/2024/round-of-16/zhenis-v-astana",
    ]
