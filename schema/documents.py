"""The document cache: each document is parsed and validated once, then later requests for it go straight to execution.

`DocumentCache` is a schema extension: at parse time it hands strawberry the cached document, at validation time
the cached errors. What a document is checked against beside GraphQL's own rules (the query limits, say) comes
from `DocumentChecks`; the cache only remembers the answers. Its caches are bounded LRUs shared by every request
of the schema, and keep only documents of up to `MAX_CACHED_QUERY_CHARS` characters (real clients' documents are a
few kilobytes), so their memory stays bounded however the documents are padded.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
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

__all__ = ["DocumentCache", "DocumentChecks", "PreparedDocuments"]


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


class PreparedDocuments:
    """Bounded caches of parsed documents and of their validation errors."""

    MAX_CACHED_QUERY_CHARS = 20_000

    def __init__(
        self, checks: DocumentChecks, *, max_documents: int = 500, extra_rules: Sequence[type[ValidationRule]] = ()
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
        self._documents: LRUCache[str, DocumentNode] = LRUCache(max_documents)
        self._static_errors: LRUCache[str, list[GraphQLError]] = LRUCache(max_documents)
        self._operation_errors: LRUCache[bytes, list[GraphQLError]] = LRUCache(max_documents)

    def parsed(self, query: str) -> DocumentNode | None:
        """The parsed document, or None when it does not parse (strawberry then parses it and reports why)."""
        document = self._documents.get(query)
        if document is None:
            try:
                document = parse(query, max_tokens=self.checks.max_tokens)
            except GraphQLError:
                return None
            if len(query) <= self.MAX_CACHED_QUERY_CHARS:
                self._documents[query] = document
        return document

    def errors(
        self, schema: GraphQLSchema, query: str, document: DocumentNode, variables: Mapping[str, object]
    ) -> list[GraphQLError]:
        """What validation and the checks find wrong with `query`'s parsed document sent with `variables`."""
        cache = len(query) <= self.MAX_CACHED_QUERY_CHARS
        # Before anything that remembers the variables: a huge string must not become a cache key.
        too_long = self.checks.variable_errors(variables)
        if too_long:
            return too_long
        errors = self._static_errors.get(query)
        if errors is None:
            # The document's own checks first: a flood of directives gets one error, not one per directive.
            errors = self.checks.document_errors(document) or validate(schema, document, self.rules)
            if cache:
                self._static_errors[query] = errors
        if errors:
            return errors
        key = _digest(query, variables)
        errors = self._operation_errors.get(key)
        if errors is None:
            errors = self.checks.operation_errors(schema, document, variables)
            if cache:
                self._operation_errors[key] = errors
        return errors


def _digest(query: str, variables: Mapping[str, object]) -> bytes:
    """A fixed-size key for a document and its variables: the key's memory does not grow with theirs."""
    digest = hashlib.blake2b(query.encode(), digest_size=16)
    digest.update(b"\0")
    try:
        digest.update(orjson.dumps(variables, option=orjson.OPT_SORT_KEYS, default=str))
    except TypeError:  # an integer past 64 bits, which only the standard library writes
        digest.update(json.dumps(variables, sort_keys=True, default=str).encode())
    return digest.digest()


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
