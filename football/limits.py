"""The limits a GraphQL request must keep to, as plain settings: the schema enforces them (``schema.limits``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["QueryLimits"]


@dataclass(frozen=True)
class QueryLimits:
    """The limits a query must keep to; see the module docstring for how each is measured."""

    max_depth: int = field(default=12, metadata={"help": "Deepest field nesting."})
    max_aliases: int = field(default=30, metadata={"help": "Aliases per operation."})
    max_tokens: int = field(default=2000, metadata={"help": "Tokens per document."})
    max_page_size: int = field(default=100, metadata={"help": "Largest first/last."})
    default_page_size: int = 20
    max_cost: int = field(default=50_000, metadata={"help": "Objects a query may return, estimated before it runs."})
    max_string_length: int = field(
        default=1000, metadata={"help": "Longest string argument or string in the variables, in characters."}
    )
    max_directives: int = field(default=50, metadata={"help": "Directives in one document."})
    max_directives_per_field: int = field(
        default=4, metadata={"help": "Directives on one field, fragment or operation."}
    )
    max_repeated_field: int = field(
        default=10, metadata={"help": "Times one field or alias may be selected in one selection set."}
    )
    list_size_estimate: int = 10
    # Estimates for unpaginated lists known to be longer, keyed "Type.field" (GraphQL names). Left out
    # of the hash so that QueryLimits, and settings holding it, stay hashable.
    list_sizes: Mapping[str, int] = field(default_factory=dict, hash=False)
