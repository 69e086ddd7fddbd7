"""The document cache: each document is parsed and validated once, then later requests for it go straight to execution.

`DocumentCache` is a schema extension: at parse time it hands strawberry the cached document, at validation time
the cached errors. What a document is checked against beside GraphQL's own rules (the query limits, say) comes
from `DocumentChecks`; the cache only remembers the answers. It is one LRU shared by every request of the schema,
bounded in bytes as the parsed documents really cost (see `PreparedDocuments`), and keeps only documents of up to
`MAX_CACHED_QUERY_CHARS` characters (real clients' documents are a few kilobytes).
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import orjson
from cachetools import LRUCache
from graphql import (
    ASTValidationRule,
    DocumentNode,
    GraphQLError,
    GraphQLSchema,
    MaxIntrospectionDepthRule,
    ValidationRule,
    parse,
    specified_rules,
    validate,
)
from strawberry.extensions import SchemaExtension
from strawberry.schema.validation_rules.maybe_null import MaybeNullValidationRule
from strawberry.schema.validation_rules.one_of import OneOfInputValidationRule

from schema.core import core_schema

__all__ = ["DocumentCache", "DocumentChecks", "PreparedDocuments", "ServedDocumentCache"]


class DocumentChecks(Protocol):
    """What a document is checked against beside GraphQL's own validation rules."""

    @property
    def max_tokens(self) -> int:
        """The most tokens a document may have: parsing stops there."""

    @property
    def validation_rules(self) -> Sequence[type[ASTValidationRule]]:
        """Rules to validate with beside GraphQL's own (which leave out `MaxIntrospectionDepthRule` for them)."""

    def variable_errors(self, variables: Mapping[str, object]) -> list[GraphQLError]:
        """What is wrong with the variables alone, checked first and never remembered."""

    def document_errors(self, document: DocumentNode) -> list[GraphQLError]:
        """What is wrong with the document, checked before the validation rules."""

    def operation_errors(
        self, schema: GraphQLSchema, document: DocumentNode, variables: Mapping[str, object]
    ) -> list[GraphQLError]:
        """What is wrong with a valid document sent with `variables`."""


@dataclass(slots=True)
class _Prepared:
    """One document: its parse, its validation errors once known, and the variables it passed the checks with."""

    document: DocumentNode
    size: int
    errors: list[GraphQLError] | None = None
    passed: LRUCache[bytes, bool] = field(default_factory=lambda: LRUCache(PreparedDocuments.PASSED_PER_DOCUMENT))


class PreparedDocuments:
    """A cache of parsed documents and their validation errors, bounded in bytes.

    A parsed document costs far more than its text: graphql-core keeps every token, linked, with the nodes
    (measured: about 555 bytes a token, so 1.1 MB for a document of the 2,000 tokens `max_tokens` allows). Each
    entry is therefore counted as its text, plus `TOKEN_BYTES` a token, plus `ERROR_BYTES` for each validation error
    it keeps (graphql-core stops at 100), plus the digests of up to `PASSED_PER_DOCUMENT` sets of variables it
    passed the checks with. Documents with errors under some variables are checked again each time: only passes
    are remembered, so what an attacker sends costs CPU, never memory.
    """

    MAX_CACHED_QUERY_CHARS = 20_000
    MAX_BYTES = 32 * 1024 * 1024
    TOKEN_BYTES = 600
    ERROR_BYTES = 2_048
    PASSED_PER_DOCUMENT = 64
    _ENTRY_BYTES = 1_024 + PASSED_PER_DOCUMENT * 160

    def __init__(
        self, checks: DocumentChecks, *, max_bytes: int = MAX_BYTES, extra_rules: Sequence[type[ValidationRule]] = ()
    ) -> None:
        self.checks = checks
        standard = tuple(rule for rule in specified_rules if rule is not MaxIntrospectionDepthRule)
        self.rules: tuple[type[ASTValidationRule], ...] = (
            *standard,
            MaybeNullValidationRule,
            OneOfInputValidationRule,
            *checks.validation_rules,
            *extra_rules,
        )
        self._prepared: LRUCache[str, _Prepared] = LRUCache(max_bytes, getsizeof=lambda prepared: prepared.size)

    @property
    def bytes_held(self) -> int:
        """What the cache counts its entries as (at most its bound)."""
        return int(self._prepared.currsize)

    def parsed(self, query: str) -> DocumentNode | None:
        """The parsed document, or None when it does not parse (strawberry then parses it and reports why)."""
        prepared = self._prepared.get(query)
        if prepared is not None:
            return prepared.document
        try:
            document = parse(query, max_tokens=self.checks.max_tokens)
        except GraphQLError:
            return None
        if len(query) <= self.MAX_CACHED_QUERY_CHARS:
            size = sys.getsizeof(query) + _tokens(document) * self.TOKEN_BYTES + self._ENTRY_BYTES
            self._keep(query, _Prepared(document, size))
        return document

    def errors(
        self,
        schema: GraphQLSchema,
        query: str,
        document: DocumentNode,
        variables: Mapping[str, object],
        *,
        served: tuple[object, DocumentChecks] | None = None,
    ) -> list[GraphQLError]:
        """What validation and the checks find wrong with `query`'s parsed document sent with `variables`; with
        `served` (a data version and the checks of that version), its operation checks are those."""
        # Before anything that remembers the variables: a huge string must not become a cache key.
        too_long = self.checks.variable_errors(variables)
        if too_long:
            return too_long
        prepared = self._prepared.get(query)
        if prepared is None or prepared.document is not document:
            prepared = _Prepared(document, 0)  # not kept: too long, or pushed out since it was parsed
        if prepared.errors is None:
            # The document's own checks first: a flood of directives gets one error, not one per directive.
            prepared.errors = self.checks.document_errors(document) or validate(schema, document, self.rules)
            prepared.size += len(prepared.errors) * self.ERROR_BYTES
            self._keep(query, prepared)
        if prepared.errors:
            return prepared.errors
        version, checks = served or (None, self.checks)
        key = _digest(variables, version)
        if key in prepared.passed:
            return []
        errors = checks.operation_errors(schema, document, variables)
        if not errors:
            prepared.passed[key] = True
        return errors

    def _keep(self, query: str, prepared: _Prepared) -> None:
        if 0 < prepared.size <= self._prepared.maxsize:
            self._prepared[query] = prepared  # again after a change: the cache counts its new size


def _tokens(document: DocumentNode) -> int:
    """How many tokens the parsed document keeps (graphql-core links them all from its location)."""
    count = 0
    token = document.loc.start_token if document.loc is not None else None
    while token is not None:
        count += 1
        token = token.next
    return count


def _digest(variables: Mapping[str, object], version: object) -> bytes:
    """A fixed-size key for a set of variables under a data version: the key's memory does not grow with theirs."""
    try:
        text = orjson.dumps([version, variables], option=orjson.OPT_SORT_KEYS, default=str)
    except TypeError:  # an integer past 64 bits, which only the standard library writes
        text = json.dumps([version, variables], sort_keys=True, default=str).encode()
    return hashlib.blake2b(text, digest_size=16).digest()


class DocumentCache(SchemaExtension):
    """Hand strawberry each document parsed, and its validation errors, from `PreparedDocuments`."""

    def __init__(self, documents: PreparedDocuments) -> None:
        self.documents = documents

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        if context.query is not None:
            context.graphql_document = self.documents.parsed(context.query)
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.query is not None and context.graphql_document is not None:
            # Setting the errors (even to none) tells strawberry that validation has run.
            context.pre_execution_errors = self.documents.errors(
                core_schema(context.schema), context.query, context.graphql_document, context.variables or {}
            )
        yield


ServedChecks = Callable[[], Awaitable[tuple[object, DocumentChecks]]]
"""The data version served and the checks of that version (the query limits with its real list sizes, say)."""


class ServedDocumentCache(DocumentCache):
    """A `DocumentCache` whose operation checks depend on the data version served, remembered per version."""

    def __init__(self, documents: PreparedDocuments, served: ServedChecks) -> None:
        super().__init__(documents)
        self.served = served

    async def on_validate(self) -> AsyncIterator[None]:  # type: ignore[override]
        context = self.execution_context
        if context.query is not None and context.graphql_document is not None:
            context.pre_execution_errors = self.documents.errors(
                core_schema(context.schema),
                context.query,
                context.graphql_document,
                context.variables or {},
                served=await self.served(),
            )
        yield
