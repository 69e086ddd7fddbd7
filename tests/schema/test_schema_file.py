"""`schema.graphql` is the checked-in contract: it must match what `cupql schema` prints."""

from __future__ import annotations

from click.testing import CliRunner
from graphql import GraphQLInputObjectType, GraphQLObjectType

from cupql.cli import main
from football.limits import QueryLimits
from schema.build import build_schema
from tests.conftest import REPO


def test_the_checked_in_schema_file_is_up_to_date() -> None:
    printed = CliRunner().invoke(main, ["schema"]).output
    assert (REPO / "schema.graphql").read_text(encoding="utf-8") == printed, (
        "schema.graphql is out of date: run `make schema` and commit it"
    )


def test_every_type_and_field_has_a_description() -> None:
    schema = build_schema(QueryLimits())._schema
    missing = []
    for name, kind in schema.type_map.items():
        if name.startswith("__") or name in {"String", "Int", "Float", "Boolean", "ID", "Date"}:
            continue
        if not kind.description:
            missing.append(name)
        if isinstance(kind, GraphQLObjectType | GraphQLInputObjectType):
            missing += [f"{name}.{field}" for field, spec in kind.fields.items() if not spec.description]
    assert missing == []
