"""Answers through a database outage (stale-if-error), against a real `cupql serve` on PostgreSQL.

The database is reached through a TCP proxy the test cuts and restores, which is what a stopped PostgreSQL looks
like to the server. From issue 16's audit: with PostgreSQL stopped for 15 s the cached server answered for 4 s, then
3,791 times SERVICE_UNAVAILABLE though it held every answer asked for, and it tried a fresh connection for the data
version on every request (6,308 warnings in 15 s). Timings are asserted generously: the figures are in the README.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
from sqlalchemy import make_url

from cupql.loading import bundled_articles, load
from tests.conftest import postgres_schema, serve_process

CACHED = ["{ season { year } }", "{ season { name winner { name } } }", "{ clubs(first: 5) { nodes { name } } }"]
UNCACHED = "query($n: String!) { club(name: $n) { name } } # {i}"


class Proxy:
    """A TCP proxy to `target` that can be cut (closing every connection and refusing new ones) and restored."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = int(probe.getsockname()[1])
        self.listener: socket.socket | None = None
        self.open: set[socket.socket] = set()

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self) -> None:
        assert self.listener is not None
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept(); close alone does not
        self.listener.close()
        for connection in list(self.open):
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
            connection.close()
        self.open.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.target)
            self.open |= {client, server}
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)


@contextlib.contextmanager
def proxied_database(tmp_path: Path) -> Iterator[tuple[str, Proxy]]:
    with postgres_schema() as url:
        load(url, bundled_articles(), strict=False, echo=lambda _line: None, progress=False)
        direct = make_url(url)
        proxy = Proxy((direct.host or "127.0.0.1", direct.port or 5432))
        proxy.start()
        try:
            yield direct.set(port=proxy.port).render_as_string(hide_password=False), proxy
        finally:
            with contextlib.suppress(OSError):
                proxy.cut()


def post(http: httpx.Client, query: str, **variables: object) -> tuple[httpx.Response, float]:
    started = time.perf_counter()
    response = http.post("/graphql", json={"query": query, "variables": variables})
    return response, time.perf_counter() - started


def test_cached_answers_survive_an_outage_and_the_rest_get_a_fast_503(tmp_path: Path) -> None:
    with (
        proxied_database(tmp_path) as (url, proxy),
        serve_process(url, tmp_path / "server.log", "--cache-refresh-seconds", "0.2") as server,
        httpx.Client(base_url=server.url, timeout=30) as http,
    ):
        for query in CACHED * 2:
            assert post(http, query)[0].status_code == 200
        proxy.cut()
        # The first request to need the database finds it gone (or the version probe does, within 0.2 s).
        post(http, UNCACHED.replace("{i}", "first"), n="Aktobe")
        time.sleep(0.5)
        stale, refused = [], []
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            for query in CACHED:
                stale.append(post(http, query))
            refused.append(post(http, UNCACHED.replace("{i}", str(len(refused))), n="Aktobe"))
        ready = http.get("/readyz")
        proxy.start()
        returned = time.monotonic()
        while post(http, UNCACHED.replace("{i}", "after"), n="Aktobe")[0].status_code != 200:
            assert time.monotonic() - returned < 5, "the server did not recover"
            time.sleep(0.05)
        recovered = time.monotonic() - returned
        fresh = post(http, CACHED[0])[0]
    assert {(r.status_code, r.headers["x-cache"], r.headers["warning"]) for r, _ in stale} == {
        (200, "STALE", '110 - "Response is Stale"')
    }
    assert {(r.status_code, r.headers["retry-after"]) for r, _ in refused} == {(503, "1")}
    assert {r.json()["errors"][0]["extensions"]["code"] for r, _ in refused} == {"SERVICE_UNAVAILABLE"}
    assert max(seconds for _, seconds in refused) < 1.0  # 503 at once: no connection is tried
    assert (ready.status_code, ready.json()["reason"]) == (503, "database unreachable")
    assert recovered < 3.0
    assert (fresh.status_code, fresh.headers["x-cache"]) == (200, "HIT")
    log = (tmp_path / "server.log").read_text()
    assert log.count("the database is unreachable") == 1, "an outage is logged once"
    assert log.count("cannot read the data version") <= 1, "probes are not logged one by one"
