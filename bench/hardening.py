"""What hostile input costs a real `cupql serve`: the figures issue 8 asks for, measured, never asserted in tests.

    .venv/bin/python -m bench.hardening [--rounds 10] [--output bench/results/hardening.json]

Against `cupql serve --production` (response cache off, default limits) over a fresh SQLite copy of the bundled
season:

* the round trip of a request naming a club with a 1 MB name (refused: 413) and with a name just under the body
  limit (refused: BAD_USER_INPUT), and of 30 aliased lookups of a 1,000-character name (the longest allowed);
* a normal query's latency alone, and while 10 clients send the 1 MB name over and over;
* the server's resident memory before and after eight 50 MB bodies at once (half declared, half chunked);
* 256 connections asking back to back for every club's run (cache off): how many are served and refused (503), and
  the served ones' latency;
* its resident memory before and after floods of distinct requests (100,000 of distinct variables, 5,000 of
  distinct 19 kB documents, 5,000 of distinct 19 kB persisted queries), with the cache off and on, default bounds.

Timings are medians of client-side wall time over `--rounds` rounds; the JSON keeps every sample.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import hashlib
import json
import multiprocessing
import socket
import sqlite3
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from multiprocessing.synchronize import Event as EventType
from pathlib import Path
from typing import Any

import httpx

from bench import cupql_server
from bench.report import load_average, machine, package_versions
from bench.servers import RunningServer, running

REPO = Path(__file__).resolve().parents[1]
CLUB = "query($n: String!) { club(name: $n) { name } }"
ALIASED = "query($n: String!) { " + " ".join(f"c{i}: club(name: $n) {{ name }}" for i in range(30)) + " }"
NORMAL = {"query": "{ clubs(first: 10) { nodes { name } } }"}
HEAVY = {"query": "{ clubs(first: 50) { nodes { name cupRun { steps { round opponent { name } } } } } }"}


async def timed(http: httpx.AsyncClient, body: dict[str, Any]) -> tuple[float, int]:
    started = time.perf_counter()
    response = await http.post("/graphql", json=body)
    return (time.perf_counter() - started) * 1000, response.status_code


async def latencies(url: str, rounds: int) -> dict[str, list[float]]:
    samples: dict[str, list[float]] = {}
    cases = {
        "1 MB name (413)": {"query": CLUB, "variables": {"n": "x" * 1_000_000}},
        "90 kB name (BAD_USER_INPUT)": {"query": CLUB, "variables": {"n": "x" * 90_000}},
        "30 aliases x 1,000-char name": {"query": ALIASED, "variables": {"n": "x" * 1000}},
        "normal query alone": NORMAL,
    }
    async with httpx.AsyncClient(base_url=url, timeout=60) as http:
        for _ in range(rounds):
            for name, body in cases.items():
                samples.setdefault(name, []).append((await timed(http, body))[0])
        # The attackers run in a process of their own, so that their work does not delay this one's timer.
        stop = multiprocessing.Event()
        attackers = multiprocessing.Process(target=attack, args=(int(url.rsplit(":", 1)[1]), 10, stop))
        attackers.start()
        await asyncio.sleep(0.5)
        under_attack = samples.setdefault("normal query, 10 clients sending 1 MB names", [])
        for _ in range(rounds * 3):
            under_attack.append((await timed(http, NORMAL))[0])
        stop.set()
        attackers.join()
    return samples


def attack(port: int, clients: int, stop: EventType) -> None:
    """`clients` threads, each sending a 1 MB name over and over until `stop` is set."""
    payload = json.dumps({"query": CLUB, "variables": {"n": "x" * 1_000_000}}).encode()
    request = (
        f"POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {len(payload)}\r\n\r\n"
    ).encode() + payload

    def client() -> None:
        while not stop.is_set():
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
                connection.sendall(request)
                connection.recv(65536)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def post_50_mb(port: int, *, declared: bool) -> int:
    size = 50 * 1024 * 1024
    head = "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    head += f"Content-Length: {size}\r\n\r\n" if declared else "Transfer-Encoding: chunked\r\n\r\n"
    chunk = b"x" * 65536
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(head.encode())
        with contextlib.suppress(OSError):  # the server answers and closes without reading the rest
            for _ in range(size // len(chunk)):
                connection.sendall(chunk if declared else b"10000\r\n" + chunk + b"\r\n")
        answer = connection.recv(65536)
    return int(answer.split(b" ")[1])


TYPENAME = "query Q($x: Boolean!) { __typename @include(if: $x) }"


def distinct_variables(i: int) -> bytes:
    """The audit's flood: one short document, distinct variables each time."""
    return json.dumps({"query": TYPENAME, "variables": {"x": True, "j": i}}).encode()


def distinct_documents(i: int) -> bytes:
    """19 kB documents, each distinct (the padding is a comment)."""
    return json.dumps({"query": f"{{ __typename }} # {i} " + "p" * 19_000}).encode()


def distinct_persisted(i: int) -> bytes:
    """A 19 kB document sent with its hash, so that it registers as a persisted query."""
    query = f"{{ __typename }} # {i} " + "p" * 19_000
    sha256 = hashlib.sha256(query.encode()).hexdigest()
    return json.dumps({"query": query, "extensions": {"persistedQuery": {"version": 1, "sha256Hash": sha256}}}).encode()


def flood(port: int, count: int, body: Callable[[int], bytes], *, connections: int = 4) -> dict[int, int]:
    """POST `body(i)` for i in range(count) over `connections` kept-alive connections; how many got each status."""
    statuses: dict[int, int] = {}
    lock = threading.Lock()

    def client(first: int) -> None:
        seen: dict[int, int] = {}
        connection = socket.create_connection(("127.0.0.1", port), timeout=30)
        reader = connection.makefile("rb")
        try:
            for i in range(first, count, connections):
                payload = body(i)
                connection.sendall(
                    b"POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    b"Content-Length: %d\r\n\r\n%s" % (len(payload), payload)
                )
                status = int(reader.readline().split(b" ")[1])
                length = 0
                while (line := reader.readline()) not in (b"\r\n", b""):
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                reader.read(length)
                seen[status] = seen.get(status, 0) + 1
        finally:
            reader.close()
            connection.close()
        with lock:
            for status, times in seen.items():
                statuses[status] = statuses.get(status, 0) + times

    threads = [threading.Thread(target=client, args=(first,)) for first in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


async def big_bodies(server: RunningServer) -> dict[str, Any]:
    port = int(server.url.rsplit(":", 1)[1])
    before, _ = server.memory_mib()
    statuses = await asyncio.gather(*(asyncio.to_thread(post_50_mb, port, declared=i % 2 == 0) for i in range(8)))
    after, _ = server.memory_mib()
    return {"statuses": statuses, "rss_before_mib": round(before, 1), "rss_after_mib": round(after, 1)}


async def overload(port: int, connections: int, seconds: float, body: bytes) -> dict[str, Any]:
    """`connections` clients POSTing `body` back to back for `seconds` (a second's pause after a 503): how many got
    each status, and the latency percentiles of the served (200) and the refused (503) ones, in ms."""
    request = b"POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (
        len(body),
        body,
    )
    samples: dict[int, list[float]] = {}
    deadline = time.perf_counter() + seconds

    async def client() -> None:
        reader: asyncio.StreamReader | None = None
        writer: asyncio.StreamWriter | None = None
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                assert reader is not None
                writer.write(request)
                status = int((await reader.readline()).split(b" ")[1])
                length, close = 0, False
                while (line := await reader.readline()) not in (b"\r\n", b""):
                    name, _, value = line.partition(b":")
                    name = name.strip().lower()
                    length = int(value) if name == b"content-length" else length
                    close = close or (name == b"connection" and value.strip().lower() == b"close")
                await reader.readexactly(length)
            except (OSError, ValueError, IndexError, asyncio.IncompleteReadError):
                status, close = 0, True
            samples.setdefault(status, []).append((time.perf_counter() - started) * 1000)
            if close and writer is not None:
                writer.close()
                reader = writer = None
            if status == 503:
                await asyncio.sleep(1)  # as `Retry-After: 1` asks (uvicorn's own 503 says nothing)

    await asyncio.gather(*(client() for _ in range(connections)))

    def percentile(values: list[float], share: float) -> float | None:
        ordered = sorted(values)
        return round(ordered[min(int(len(ordered) * share), len(ordered) - 1)], 1) if ordered else None

    return {
        "connections": connections,
        "statuses": {status: len(values) for status, values in sorted(samples.items())},
        "served_p50_ms": percentile(samples.get(200, []), 0.5),
        "served_p99_ms": percentile(samples.get(200, []), 0.99),
        "refused_p50_ms": percentile(samples.get(503, []), 0.5),
        "refused_p99_ms": percentile(samples.get(503, []), 0.99),
    }


FLOODS: dict[str, tuple[int, Callable[[int], bytes]]] = {
    "distinct variables": (100_000, distinct_variables),
    "distinct 19 kB documents": (5_000, distinct_documents),
    "distinct 19 kB persisted queries": (5_000, distinct_persisted),
}


def floods(server: RunningServer, scale: float) -> dict[str, dict[str, Any]]:
    """RSS before and after each flood of distinct requests (`scale` times the counts in `FLOODS`)."""
    port = int(server.url.rsplit(":", 1)[1])
    flood(port, 500, lambda i: distinct_variables(10_000_000 + i))
    results = {}
    for name, (count, body) in FLOODS.items():
        before, _ = server.memory_mib()
        started = time.perf_counter()
        statuses = flood(port, int(count * scale), body)
        seconds = time.perf_counter() - started
        after, _ = server.memory_mib()
        results[name] = {
            "requests": int(count * scale),
            "statuses": statuses,
            "requests_per_second": round(count * scale / seconds),
            "rss_before_mib": round(before, 1),
            "rss_after_mib": round(after, 1),
        }
        print(f"{name:<36} {int(count * scale):>7} requests  RSS {before:6.1f} -> {after:6.1f} MiB  {statuses}")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--flood-scale", type=float, default=1.0, help="fraction of the floods' request counts")
    parser.add_argument("--output", type=Path, default=REPO / "bench" / "results" / "hardening.json")
    arguments = parser.parse_args()
    load_at_start = load_average()
    with tempfile.TemporaryDirectory(prefix="cupql-hardening-") as directory:
        database_url = f"sqlite:///{Path(directory) / 'cupql.db'}"
        cupql_server.load(database_url, [])
        with running(cupql_server.command(database_url, cache=False), Path(directory)) as server:
            samples = asyncio.run(latencies(server.url, arguments.rounds))
            bodies = asyncio.run(big_bodies(server))
            flooded = {"cache off": floods(server, arguments.flood_scale)}
            port = int(server.url.rsplit(":", 1)[1])
            overloaded = asyncio.run(overload(port, 256, 10 * arguments.flood_scale, json.dumps(HEAVY).encode()))
            print(f"256 connections, cache off: {overloaded}")
        with running(cupql_server.command(database_url, cache=True), Path(directory)) as server:
            flooded["cache on"] = floods(server, arguments.flood_scale)
    print(f"{'case':<46} {'median ms':>10} {'max ms':>8}")
    for name, values in samples.items():
        print(f"{name:<46} {statistics.median(values):>10.1f} {max(values):>8.1f}")
    grown = bodies["rss_after_mib"] - bodies["rss_before_mib"]
    print(f"8 x 50 MB bodies: statuses {sorted(set(bodies['statuses']))}, RSS grew {grown:.1f} MiB")
    result = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(load_at_start),
        "packages": package_versions(),
        "sqlite": sqlite3.sqlite_version,
        "rounds": arguments.rounds,
        "samples_ms": samples,
        "big_bodies": bodies,
        "floods": flooded,
        "overload_256_connections": overloaded,
    }
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=arguments.output.parent, suffix=".tmp", delete=False) as handle:
        json.dump(result, handle, indent=2)
    Path(handle.name).replace(arguments.output)


if __name__ == "__main__":
    main()
