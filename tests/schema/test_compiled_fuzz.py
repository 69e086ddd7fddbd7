"""The differential test: random valid documents (hypothesis-graphql) answered by compiled plans and by strawberry.

Every document goes to both servers of a `Pair` over each database; any byte of difference fails. hypothesis-graphql
draws documents from the whole schema, so they cover what the compiler compiles and what falls back (unknown
names, limits): both must agree either way. `make test` runs a bounded number per database, `make fuzz` many more
(CUPQL_FUZZ_EXAMPLES); hypothesis' example database (.hypothesis/) keeps the seeds of any failure and replays them
first, and `--hypothesis-seed=N` repeats a run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, from_schema

from football.limits import QueryLimits
from schema.build import build_schema
from tests.schema.compiled_pair import Pair, pair

SCHEMA = build_schema(QueryLimits()).as_str()
EXAMPLES = int(os.environ.get("CUPQL_FUZZ_EXAMPLES", "150"))


@pytest.fixture(scope="module")
def servers(loaded_database_url: str) -> Iterator[Pair]:
    with pair(loaded_database_url) as both:
        yield both
        print(f"\n{loaded_database_url.split(':')[0]}: {both.documents} documents, {both.compiled} ran compiled")


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    # No shrinking: a failing document is printed whole and kept in .hypothesis/; shrinking one takes minutes.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(query=st.data())
def test_compiled_and_interpreted_answers_are_the_same_bytes(servers: Pair, query: st.DataObject) -> None:
    document = query.draw(from_schema(SCHEMA, mode=Mode.POSITIVE))
    answer = servers.ask(document)
    assert answer.compiled == answer.interpreted, document
    if servers.documents % 1000 == 0:  # progress for `make fuzz`
        print(f"\n{servers.documents} documents, {servers.compiled} ran compiled", flush=True)
