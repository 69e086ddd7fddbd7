"""The production profile (`cupql serve --production`): what a public deployment hides, and why.

* No introspection: clients are built against the checked-in `schema.graphql`, and a live schema
  dump only helps someone mapping the API for abuse. `__schema` is refused, and so is anything of
  `__type(name:)` beyond the type's `name`, `kind` and `description`: enough to check that a type
  exists (GraphQL-over-HTTP clients and audits do), not to list its fields.
* No field suggestions: "Did you mean ...?" in validation errors would rebuild the schema for anyone
  guessing names. Suggestions among the data (club and player names) stay: they are not the schema.
* No GraphiQL (see `Settings.graphiql`).
* CSRF protection for GET (see `cupql.middleware.csrf`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from graphql import FieldNode, GraphQLError, ValidationRule
from strawberry.extensions import SchemaExtension

from football.errors import ClientError

__all__ = ["HideFieldSuggestions", "NoSchemaIntrospection", "production_extensions", "production_validation_rules"]

_SUGGESTION = re.compile(r" Did you mean [^?]*\?$")


_TYPE_FIELDS_ALLOWED = frozenset({"name", "kind", "description", "__typename"})


class NoSchemaIntrospection(ValidationRule):
    """Refuse `__schema`, and `__type` selections that would list a type's fields, values or relations."""

    def enter_field(self, node: FieldNode, *_args: object) -> None:
        name = node.name.value
        if name == "__schema" or (
            name == "__type"
            and node.selection_set is not None
            and any(
                not isinstance(selection, FieldNode) or selection.name.value not in _TYPE_FIELDS_ALLOWED
                for selection in node.selection_set.selections
            )
        ):
            self.report_error(
                GraphQLError(
                    f"GraphQL introspection is disabled on this server, but the query asked for `{name}`; "
                    "the schema is published as schema.graphql with cupql's source.",
                    node,
                )
            )


class HideFieldSuggestions(SchemaExtension):
    """Drop graphql-core's "Did you mean ...?" from the errors it reports about the schema's names."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        for error in (result.errors if result is not None else None) or ():
            if not isinstance(error, ClientError) and not isinstance(error.original_error, ClientError):
                error.message = _SUGGESTION.sub("", error.message)


def production_extensions() -> list[type[SchemaExtension] | Callable[[], SchemaExtension]]:
    """The schema extensions the production profile adds."""
    return [HideFieldSuggestions]


def production_validation_rules() -> list[type[ValidationRule]]:
    """The validation rules the production profile adds."""
    return [NoSchemaIntrospection]
