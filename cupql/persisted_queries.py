"""Automatic persisted queries, as Apollo clients send them.

A client first sends only `extensions.persistedQuery.sha256Hash`; when the server does not know the hash it
answers `PERSISTED_QUERY_NOT_FOUND`, and the client sends the query with its hash once, which registers it if
the query runs (text that does not parse or validate is never kept). The store is bounded in bytes and forgets
the least recently used queries first. Trusted documents (the server's own page's) are known from start-up and
never forgotten.
"""

from __future__ import annotations

import hashlib
from typing import Any

from cachetools import LRUCache

from football.errors import ErrorCode


class PersistedQueryError(Exception):
    """The request's persisted query cannot be used; `code` goes to `extensions.code`."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class PersistedQueries:
    """Queries by the SHA-256 of their text, as registered by clients."""

    def __init__(self, max_bytes: int) -> None:
        self._queries: LRUCache[str, str] = LRUCache(max_bytes, getsizeof=lambda query: len(query.encode()))
        self._trusted: dict[str, str] = {}

    def resolve(self, query: object, extensions: object) -> tuple[object, str | None]:
        """The query a request means (its own, or the one its `persistedQuery` extension names), and the hash
        to `register` it under once it has run, when the request sent both."""
        persisted = extensions.get("persistedQuery") if isinstance(extensions, dict) else None
        if persisted is None:
            return query, None
        sha256 = _hash_of(persisted)
        if query is None:
            known = self._trusted.get(sha256) or self._queries.get(sha256)
            if known is None:
                raise PersistedQueryError("PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND")
            return known, None
        if not isinstance(query, str) or hashlib.sha256(query.encode()).hexdigest() != sha256:
            raise PersistedQueryError("provided sha does not match query", str(ErrorCode.BAD_REQUEST))
        return query, sha256

    def register(self, sha256: str, query: str) -> None:
        """Remember `query` under its hash (the least recently used go first when the store is full)."""
        if len(query.encode()) <= self._queries.maxsize:
            self._queries[sha256] = query

    def trust(self, query: str) -> None:
        """Know `query` by its hash from now on, outside the bounded store: for documents the server ships."""
        self._trusted[hashlib.sha256(query.encode()).hexdigest()] = query


def _hash_of(persisted: Any) -> str:
    if not isinstance(persisted, dict) or persisted.get("version") != 1:
        raise PersistedQueryError("Unsupported persisted query version: send version 1", str(ErrorCode.BAD_REQUEST))
    sha256 = persisted.get("sha256Hash")
    if not isinstance(sha256, str) or len(sha256) != 64:
        raise PersistedQueryError("persistedQuery.sha256Hash must be a SHA-256 hex digest", str(ErrorCode.BAD_REQUEST))
    return sha256.lower()
