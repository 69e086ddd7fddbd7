"""strawberry's private shape that cupql relies on (schema/core.py): these fail, loudly, when an upgrade changes it."""

from __future__ import annotations

import functools
import tomllib
from importlib.metadata import version

from graphql import GraphQLObjectType, GraphQLSchema

from football.limits import QueryLimits
from schema.build import _call_with_source, build_schema
from schema.core import core_schema
from tests.conftest import REPO


def test_strawberry_is_pinned_to_the_version_whose_shape_is_tested() -> None:
    dependencies = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    assert f"strawberry-graphql=={version('strawberry-graphql')}" in dependencies


def test_the_graphql_core_schema_is_the_one_strawberry_executes() -> None:
    schema = build_schema(QueryLimits())
    core = core_schema(schema)
    assert isinstance(core, GraphQLSchema)
    # The SDL strawberry prints is the graphql-core schema's: the same object, not a copy.
    assert set(core.type_map) >= {"Query", "Season", "Club", "Match"}
    assert core.query_type is not None and core.query_type.name == "Query"


def test_fields_without_arguments_are_resolved_without_strawberrys_wrapper() -> None:
    core = core_schema(build_schema(QueryLimits()))
    direct = [
        f"{graphql_type.name}.{name}"
        for graphql_type in core.type_map.values()
        if isinstance(graphql_type, GraphQLObjectType)
        for name, field in graphql_type.fields.items()
        if isinstance(field.resolve, functools.partial) and field.resolve.func is _call_with_source
    ]
    # 157 fields when this was written; none would mean strawberry's field definitions are no longer found.
    assert len(direct) > 100, direct
