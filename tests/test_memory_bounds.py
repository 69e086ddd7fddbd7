"""Memory bounds hold as resident memory of a real `cupql serve`, whatever clients send.

From issue 16's audit: distinct variables took RSS from 86 to 876 MiB with a 64 MiB response cache, 19 kB documents
grew it by 262 MiB and rising, and the persisted-query store grew by 191 MiB past its 8 MiB bound. Here each cache
gets a small bound, and a flood of distinct inputs several times what fills it: RSS may grow by the bounds plus
`FIXED_OVERHEAD_MIB`, the documented allowance for the allocator's arenas and a few seconds' garbage (README,
"Reliability"). `bench/hardening.py` floods 100,000 requests with the default bounds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from bench.hardening import distinct_documents, distinct_persisted, distinct_variables, flood
from tests.conftest import LiveServer, live_server

MIB = 1024 * 1024
FIXED_OVERHEAD_MIB = 16
CACHE_MIB, DOCUMENTS_MIB, PERSISTED_MIB = 4, 4, 2


def rss_mib(server: LiveServer) -> float:
    with open(f"/proc/{server.process.pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.fixture(scope="module", params=["cache on", "cache off"])
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    flags = [
        *("--cache-max-bytes", str(CACHE_MIB * MIB)),
        *("--document-cache-max-bytes", str(DOCUMENTS_MIB * MIB)),
        *("--persisted-queries-max-bytes", str(PERSISTED_MIB * MIB)),
        *("--log-level", "warning"),
    ]
    if request.param == "cache off":
        flags.append("--no-cache")
    with live_server(tmp_path_factory, *flags) as running:
        yield running


def port(server: LiveServer) -> int:
    return int(server.url.rsplit(":", 1)[1])


# (requests, what each sends): several times what fills each bound (a cache entry of a 19 kB document counts
# about 44 kB, so 4 MiB hold about 90 documents; 4 MiB hold about 9,000 responses of the short query). Before
# the keys were digests, 20,000 distinct variables grew RSS by 50.5 MiB with the cache's bound at 4 MiB.
FLOODS: dict[str, tuple[int, Callable[[int], bytes]]] = {
    "distinct variables": (20_000, distinct_variables),
    "distinct 19 kB documents": (1_000, distinct_documents),
    "distinct 19 kB persisted queries": (1_000, distinct_persisted),
}


@pytest.mark.parametrize("kind", list(FLOODS))
def test_a_flood_of_distinct_requests_stays_within_the_bounds(server: LiveServer, kind: str) -> None:
    count, body = FLOODS[kind]
    warm_up = flood(port(server), 200, lambda i: body(10_000_000 + i))
    assert warm_up == {200: 200}
    before = rss_mib(server)
    statuses = flood(port(server), count, body)
    grown = rss_mib(server) - before
    assert statuses == {200: count}
    assert grown <= CACHE_MIB + DOCUMENTS_MIB + PERSISTED_MIB + FIXED_OVERHEAD_MIB, f"RSS grew {grown:.1f} MiB"
