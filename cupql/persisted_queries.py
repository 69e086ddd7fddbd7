"""Automatic persisted queries, as Apollo clients send them.

A client first sends only `extensions.persistedQuery.sha256Hash`; when the server does not know the hash it
answers `PERSISTED_QUERY_NOT_FOUND`, and the client sends the query with its hash once, which registers it.
The store is bounded in bytes and forgets the least recently used queries first.
"""

from __future__ import annotations

import hashlib
from typing import Any

from cachetools import LRUCache

from cupql.errors import ErrorCode


class PersistedQueryError(Exception):
    """The request's persisted query cannot be used; `code` goes to `extensions.code`."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class PersistedQueries:
    """Queries by the SHA-256 of their text, as registered by clients."""

    def __init__(self, max_bytes: int) -> None:
        self._queries: LRUCache[str, str] = LRUCache(max_bytes, getsizeof=len)

    def resolve(self, query: object, extensions: object) -> object:
        """The query a request means: its own, or the one its `persistedQuery` extension names."""
        persisted = extensions.get("persistedQuery") if isinstance(extensions, dict) else None
        if persisted is None:
            return query
        sha256 = _hash_of(persisted)
        if query is None:
            known = self._queries.get(sha256)
            if known is None:
                raise PersistedQueryError("PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND")
            return known
        if not isinstance(query, str) or hashlib.sha256(query.encode()).hexdigest() != sha256:
            raise PersistedQueryError("provided sha does not match query", str(ErrorCode.BAD_REQUEST))
        if len(query) <= self._queries.maxsize:
            self._queries[sha256] = query
        return query


def _hash_of(persisted: Any) -> str:
    if not isinstance(persisted, dict) or persisted.get("version") != 1:
        raise PersistedQueryError("Unsupported persisted query version: send version 1", str(ErrorCode.BAD_REQUEST))
    sha256 = persisted.get("sha256Hash")
    if not isinstance(sha256, str) or len(sha256) != 64:
        raise PersistedQueryError("persistedQuery.sha256Hash must be a SHA-256 hex digest", str(ErrorCode.BAD_REQUEST))
    return sha256.lower()
