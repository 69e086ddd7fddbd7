"""Flattening a response into rows (cupql/tabular.py): paths as columns, connections transparent, nulls empty."""

from cupql.tabular import rows_of, to_csv, to_table


def test_connections_leave_no_trace_in_column_names() -> None:
    data = {
        "goals": {"totalCount": 2, "nodes": [{"minute": 5, "scorer": {"name": "A"}}, {"minute": None, "scorer": None}]}
    }
    assert rows_of(data) == [
        {"totalCount": 2, "minute": 5, "scorer.name": "A"},
        {"totalCount": 2, "minute": None, "scorer": None},
    ]
    # A null object's column gives way to its fields' columns, left empty.
    assert to_csv(rows_of(data)) == "totalCount,minute,scorer.name\n2,5,A\n2,,\n"


def test_lists_of_scalars_are_one_cell_and_an_empty_list_an_empty_cell() -> None:
    data = {"a": {"tags": ["x", "y"], "items": []}, "b": True}
    assert rows_of(data) == [{"a.tags": "x; y", "a.items": "", "b": True}]
    assert to_table(rows_of(data)) == "a.tags  a.items  b\n------  -------  ----\nx; y             true\n"


def test_several_top_level_fields_keep_their_names() -> None:
    data = {"season": {"year": 2024}, "clubs": {"nodes": [{"name": "A"}, {"name": "B"}]}}
    assert rows_of(data) == [{"season.year": 2024, "clubs.name": "A"}, {"season.year": 2024, "clubs.name": "B"}]


def test_a_null_object_first_keeps_its_fields_in_place() -> None:
    data = {
        "goals": {"nodes": [{"minute": 1, "scorer": None, "round": "FINAL"}, {"minute": 2, "scorer": {"name": "B"}}]}
    }
    assert to_csv(rows_of(data)) == "minute,scorer.name,round\n1,,FINAL\n2,B,\n"
