"""The HTTP load generator: wrk at fixed concurrency, POSTing one GraphQL body, its figures read back as JSON.

wrk comes from Debian (`apt-get install wrk`); the bench installs it when it is missing and it can (as root).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.servers import BenchFailure

THREADS = 2
CONNECTIONS = 16
_MARK = "WRK_JSON "

# wrk calls `done` once at the end with every thread's figures merged; latencies are in microseconds.
_SCRIPT = """\
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local file = assert(io.open(%(body)s, "rb"))
wrk.body = file:read("*a")
file:close()

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '%(mark)s{"requests":%%d,"duration_us":%%d,"bytes":%%d,"p50_us":%%d,"p99_us":%%d,'
    .. '"errors":{"connect":%%d,"read":%%d,"write":%%d,"status":%%d,"timeout":%%d}}\\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(99),
    e.connect, e.read, e.write, e.status, e.timeout))
end
"""


@dataclass(frozen=True)
class LoadFigures:
    """What one wrk run measured."""

    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: dict[str, int]

    @property
    def requests_per_second(self) -> float:
        return self.requests / self.seconds


def ensure_installed() -> str:
    """The path of `wrk`, installed with apt-get first if it is missing and we are root."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        raise BenchFailure("wrk is missing: install it (Debian/Ubuntu: sudo apt-get install wrk)")
    print("installing wrk with apt-get ...", file=sys.stderr)
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for step in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "wrk"]):
        completed = subprocess.run(step, env=environment, capture_output=True, text=True, check=False)
        if completed.returncode != 0:
            raise BenchFailure(f"{' '.join(step)} failed:\n{completed.stderr[-2000:]}")
    return shutil.which("wrk") or "wrk"


def version(wrk: str) -> str:
    """`wrk -v` prints its version (and exits 1)."""
    completed = subprocess.run([wrk, "-v"], capture_output=True, text=True, check=False)
    return (completed.stdout + completed.stderr).split("[")[0].strip()


def run(wrk: str, url: str, body: bytes, seconds: int, work_directory: Path) -> LoadFigures:
    """POST `body` to `url` from THREADS threads over CONNECTIONS connections for `seconds`."""
    body_file = work_directory / "wrk-body.json"
    body_file.write_bytes(body)
    script = work_directory / "wrk-post.lua"
    script.write_text(_SCRIPT % {"body": json.dumps(str(body_file)), "mark": _MARK})
    command = [
        wrk,
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{max(seconds, 1)}s",
        "--timeout",
        "10s",
        "-s",
        str(script),
        url,
    ]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    lines = [line for line in completed.stdout.splitlines() if line.startswith(_MARK)]
    if completed.returncode != 0 or not lines:
        raise BenchFailure(f"wrk failed on {url}:\n{completed.stdout[-2000:]}{completed.stderr[-2000:]}")
    figures = json.loads(lines[-1].removeprefix(_MARK))
    return LoadFigures(
        requests=figures["requests"],
        seconds=figures["duration_us"] / 1e6,
        p50_ms=figures["p50_us"] / 1000,
        p99_ms=figures["p99_us"] / 1000,
        errors={kind: count for kind, count in figures["errors"].items() if count},
    )
