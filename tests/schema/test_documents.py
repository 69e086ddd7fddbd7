"""The document cache: a document is parsed and validated once, and the cache holds no more bytes than its bound."""

from __future__ import annotations

from football.limits import QueryLimits
from schema.build import build_schema
from schema.core import core_schema
from schema.documents import PreparedDocuments
from schema.limits import QueryLimitCheck

SCHEMA = core_schema(build_schema(QueryLimits()))
QUERY = "query Clubs($n: Int!) { clubs(first: $n) { nodes { name } } }"


def documents(max_bytes: int = PreparedDocuments.MAX_BYTES) -> PreparedDocuments:
    return PreparedDocuments(QueryLimitCheck(QueryLimits()), max_bytes=max_bytes)


def test_a_document_is_parsed_once_and_its_verdicts_remembered() -> None:
    cache = documents()
    document = cache.parsed(QUERY)
    assert document is not None and cache.parsed(QUERY) is document
    assert cache.errors(SCHEMA, QUERY, document, {"n": 10}) == []
    [too_many] = cache.errors(SCHEMA, QUERY, document, {"n": 1000})
    assert too_many.extensions is not None and too_many.extensions["code"] == "BAD_USER_INPUT"
    assert cache.errors(SCHEMA, QUERY, document, {"n": 10}) == []


def test_a_parsed_document_counts_what_its_tokens_cost() -> None:
    cache = documents()
    small, large = "{ season { year } }", "{ " + "season { year } " * 100 + "}"
    for query in (small, large):
        cache.parsed(query)
    sizes = {query: prepared.size for query, prepared in cache._prepared.items()}
    # `season { year }` is 4 tokens: the large document has 99 more of them, and 1,584 more characters.
    assert sizes[large] - sizes[small] == 99 * 4 * PreparedDocuments.TOKEN_BYTES + len(large) - len(small)


def test_distinct_documents_never_hold_more_than_the_bound() -> None:
    cache = documents(max_bytes=1_000_000)
    for i in range(500):
        query = f"{{ season {{ year }} }} # {i} " + "pad " * 100
        document = cache.parsed(query)
        assert document is not None
        cache.errors(SCHEMA, query, document, {"i": i})
    assert 0 < cache.bytes_held <= 1_000_000
    assert len(cache._prepared) < 500
