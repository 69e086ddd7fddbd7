"""The production profile (`cupql serve --production`): what a public deployment hides, and why.

* No introspection (strawberry's `DisableIntrospection`): clients are built against the checked-in
  `schema.graphql`, and a live schema dump only helps someone mapping the API for abuse.
* No field suggestions: "Did you mean ...?" in validation errors would rebuild the schema for anyone
  guessing names. Suggestions among the data (club and player names) stay: they are not the schema.
* No GraphiQL (see `Settings.graphiql`).
* CSRF protection for GET (see `cupql.middleware.csrf`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from strawberry.extensions import DisableIntrospection, SchemaExtension

from cupql.errors import ClientError

__all__ = ["HideFieldSuggestions", "production_extensions"]

_SUGGESTION = re.compile(r" Did you mean [^?]*\?$")


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
    return [DisableIntrospection, HideFieldSuggestions]
