"""Attributing unnamed goals: only where every consistent reading of the scorer table agrees."""

from __future__ import annotations

from cupql.article.attribution import Unit, attribute

NOBODY: frozenset[str] = frozenset()


def test_a_three_minute_entry_belongs_to_the_only_player_with_three_goals_left() -> None:
    # Aksu 5-2 Kyran: `2', 21', 46'`, `51'` and one lost goal; the table gives Kakimov 3, Kalym 1, Turlybek 1.
    units = [Unit(1, 3, True, NOBODY), Unit(1, 1, True, NOBODY), Unit(1, 1, False, NOBODY)]
    assert attribute({"Kakimov": 3, "Kalym": 1, "Turlybek": 1}, units) == ["Kakimov", None, None]


def test_a_lost_goal_goes_to_the_one_player_the_table_still_owes_a_goal() -> None:
    # Aktobe's quarter-final lost a goal; of Aktobe's table only Romero has a goal not named elsewhere.
    assert attribute({"Romero": 1, "Samorodov": 0, "Jean": 0}, [Unit(7, 1, False, NOBODY)]) == ["Romero"]


def test_entries_of_one_match_are_different_players() -> None:
    # Kyran: 70' in one match, 15' and 54' in another; the table gives Abzhal 2 and Tuleyev 1.
    units = [Unit(1, 1, True, NOBODY), Unit(2, 1, True, NOBODY), Unit(2, 1, True, NOBODY)]
    assert attribute({"Abzhal": 2, "Tuleyev": 1}, units) == ["Abzhal", None, None]


def test_a_surplus_outside_the_table_leaves_the_choice_open() -> None:
    # Khan-Tengri scored 3 but its table lists 2 goals: any of the three could be the unlisted scorer's.
    units = [Unit(1, 1, False, NOBODY), Unit(2, 1, True, NOBODY), Unit(2, 1, True, NOBODY)]
    assert attribute({"Amirseitov": 1, "Shakhmetov": 1}, units) == [None, None, None]


def test_a_table_that_lists_more_goals_than_there_are_attributes_nothing() -> None:
    assert attribute({"Alone": 2}, [Unit(1, 1, True, NOBODY)]) == [None]


def test_a_player_named_in_the_match_is_not_an_unnamed_entry_of_it() -> None:
    named = frozenset({"Eugenio"})
    units = [Unit(1, 2, True, named)]
    assert attribute({"Eugenio": 2, "Barbosa": 2}, [*units, Unit(2, 2, True, NOBODY)]) == ["Barbosa", "Eugenio"]
