"""The graphql-core schema under strawberry's: the one private attribute of strawberry cupql reads.

strawberry keeps the schema it builds as `Schema._schema` and has no public accessor for it (0.341). cupql needs it
twice: the document cache validates cached documents against it (`schema.documents`), and `schema.build` hands
graphql-core the resolvers that need no strawberry wrapper. strawberry-graphql is therefore pinned to one version in
pyproject.toml, and `tests/schema/test_core.py` fails, naming this module, when an upgrade changes the shape.
"""

from __future__ import annotations

from importlib.metadata import version

import strawberry
from graphql import GraphQLSchema

__all__ = ["core_schema"]


def core_schema(schema: strawberry.Schema) -> GraphQLSchema:
    """The graphql-core schema strawberry built for `schema`."""
    core = getattr(schema, "_schema", None)
    if not isinstance(core, GraphQLSchema):
        raise RuntimeError(
            f"strawberry-graphql {version('strawberry-graphql')} no longer keeps its graphql-core schema in "
            "`Schema._schema`: update schema/core.py for the new version"
        )
    return core
