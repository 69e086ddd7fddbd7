"""Server processes under test: start one on a free port, wait until it answers GraphQL, read its memory, stop it."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

READY_PROBE = b'{"query":"{ __typename }"}'
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
IDLE_INTERVAL = 0.2


class BenchFailure(Exception):
    """The bench cannot produce honest figures (a server failed, an answer was wrong): the run stops."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class ServerCommand:
    """How to start one server: `{port}` in `argv` is replaced by the port it gets."""

    name: str
    argv: Sequence[str]
    cwd: Path
    environment: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RunningServer:
    name: str
    pid: int
    url: str
    log: Path

    @property
    def graphql_url(self) -> str:
        return f"{self.url}/graphql"

    def memory_mib(self) -> tuple[float, float]:
        """(current, peak) resident memory of the server and its child processes, in MiB."""
        current = peak = 0
        for pid in _process_tree(self.pid):
            status = _status(pid)
            current += status.get("VmRSS", 0)
            peak += status.get("VmHWM", 0)
        return current / 1024, peak / 1024

    def cpu_seconds(self) -> float:
        """CPU time used so far by the server and its child processes."""
        ticks = 0
        for pid in _process_tree(self.pid):
            with contextlib.suppress(OSError):
                # The command name (field 2) may hold spaces; utime and stime are fields 14 and 15.
                fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
                ticks += int(fields[11]) + int(fields[12])
        return ticks / CLOCK_TICKS

    def wait_idle(self, timeout: float = 60) -> None:
        """Return once the server has stopped working on requests a load run left behind (below 10% of a core)."""
        deadline = time.monotonic() + timeout
        used = self.cpu_seconds()
        while time.monotonic() < deadline:
            time.sleep(IDLE_INTERVAL)
            now = self.cpu_seconds()
            if now - used < IDLE_INTERVAL * 0.1:
                return
            used = now


def _status(pid: int) -> dict[str, int]:
    """The kB figures of /proc/PID/status."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return {}
    figures = {}
    for line in lines:
        key, _, value = line.partition(":")
        if value.strip().endswith(" kB"):
            figures[key] = int(value.split()[0])
    return figures


def _process_tree(pid: int) -> list[int]:
    pids = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            for child in (task / "children").read_text().split():
                pids += _process_tree(int(child))
    return pids


def _wait_ready(process: subprocess.Popen[bytes], url: str, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchFailure(f"{url}: the server exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        with contextlib.suppress(httpx.TransportError):
            response = httpx.post(url, content=READY_PROBE, headers={"content-type": "application/json"}, timeout=2)
            # Still ours: a server that failed to bind would have let another process's answer through.
            if response.status_code == 200 and process.poll() is None:
                return
        time.sleep(0.2)
    raise BenchFailure(f"{url}: no answer within {timeout:.0f} s:\n{log.read_text()[-3000:]}")


@contextlib.contextmanager
def running(command: ServerCommand, log_directory: Path, *, timeout: float = 120) -> Iterator[RunningServer]:
    """`command` started on a free port and answering `{ __typename }`; terminated afterwards."""
    port = free_port()
    argv = [part.replace("{port}", str(port)) for part in command.argv]
    log = log_directory / f"{command.name.replace(' ', '-')}.log"
    # Only the settings the command names: no CUPQL_* variable of the caller's shell leaks into a server.
    inherited = {name: value for name, value in os.environ.items() if not name.startswith("CUPQL_")}
    environment = {**inherited, **command.environment}
    with log.open("wb") as output:
        process = subprocess.Popen(argv, cwd=command.cwd, env=environment, stdout=output, stderr=subprocess.STDOUT)
    server = RunningServer(command.name, process.pid, f"http://127.0.0.1:{port}", log)
    try:
        _wait_ready(process, server.graphql_url, log, timeout)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def answer(client: httpx.Client, server: RunningServer, body: bytes) -> tuple[bytes, Any]:
    """POST `body` to `server`; its response bytes and `data`. A failed request or any GraphQL error fails the run."""
    response = client.post(server.graphql_url, content=body, headers={"content-type": "application/json"})
    try:
        document = response.json()
    except ValueError:
        document = {}
    if response.status_code != 200 or document.get("errors") or document.get("data") is None:
        raise BenchFailure(f"{server.name}: HTTP {response.status_code} for {body[:200]!r}: {response.text[:1000]}")
    return response.content, document["data"]
