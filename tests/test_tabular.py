"""Flattening a response into rows (cupql/tabular.py): paths as columns, connections transparent, nulls empty; the
columns are the fields the query asked for, so an empty result is its header alone."""

from cupql.tabular import asked_columns, columns_of, left_out, rows_of, to_csv, to_table


def test_connections_leave_no_trace_in_column_names() -> None:
    data = {
        "goals": {"totalCount": 2, "nodes": [{"minute": 5, "scorer": {"name": "A"}}, {"minute": None, "scorer": None}]}
    }
    assert rows_of(data) == [
        {"totalCount": 2, "minute": 5, "scorer.name": "A"},
        {"totalCount": 2, "minute": None, "scorer": None},
    ]
    # A null object's column gives way to its fields' columns, left empty.
    assert to_csv(rows_of(data), columns_of(rows_of(data))) == "totalCount,minute,scorer.name\n2,5,A\n2,,\n"


def test_lists_of_scalars_are_one_cell_and_an_empty_list_an_empty_cell() -> None:
    data = {"a": {"tags": ["x", "y"], "items": []}, "b": True}
    assert rows_of(data) == [{"a.tags": "x; y", "b": True}]
    columns = columns_of(rows_of(data), asked_columns("{ a { tags items { name } } b }"))
    assert columns == ["a.tags", "a.items.name", "b"]
    assert to_table(rows_of(data), columns) == (
        "a.tags  a.items.name  b\n------  ------------  ----\nx; y                  true\n"
    )


def test_several_top_level_fields_keep_their_names() -> None:
    data = {"season": {"year": 2024}, "clubs": {"nodes": [{"name": "A"}, {"name": "B"}]}}
    assert rows_of(data) == [{"season.year": 2024, "clubs.name": "A"}, {"season.year": 2024, "clubs.name": "B"}]


def test_a_null_object_first_keeps_its_fields_in_place() -> None:
    data = {
        "goals": {"nodes": [{"minute": 1, "scorer": None, "round": "FINAL"}, {"minute": 2, "scorer": {"name": "B"}}]}
    }
    assert to_csv(rows_of(data), columns_of(rows_of(data))) == "minute,scorer.name,round\n1,,FINAL\n2,B,\n"


def test_an_empty_result_is_its_header_alone() -> None:
    query = "query Late($m: Int) { goals(first: 5, where: {minute: {gt: $m}}) { nodes { minute scorer { name } } } }"
    data: dict[str, object] = {"goals": {"nodes": []}}
    assert rows_of(data) == []
    columns = columns_of(rows_of(data), asked_columns(query))
    assert to_csv([], columns) == "minute,scorer.name\n"
    assert to_table([], columns) == "minute  scorer.name\n------  -----------\n"


def test_asked_columns_follow_aliases_fragments_and_the_chosen_operation() -> None:
    query = """
      query One { season { year } }
      query Two { late: goals(first: 5) { totalCount nodes { ...Who minute } pageInfo { endCursor } } season { year } }
      fragment Who on Goal { scorer { name } club { ... on Club { name } } }
    """
    assert asked_columns(query, "One") == ["year"]
    assert asked_columns(query, "Two") == [
        "late.totalCount",
        "late.scorer.name",
        "late.club.name",
        "late.minute",
        "season.year",
    ]


def test_page_info_is_left_out_and_named() -> None:
    query = "{ goals(first: 1) { nodes { minute } pageInfo { hasNextPage endCursor } } }"
    data = {"goals": {"nodes": [{"minute": 5}], "pageInfo": {"hasNextPage": True, "endCursor": "x"}}}
    assert rows_of(data) == [{"minute": 5}]
    assert asked_columns(query) == ["minute"]
    assert left_out(query) == ["pageInfo"]
    assert left_out("{ goals(first: 1) { nodes { minute } } }") == []
