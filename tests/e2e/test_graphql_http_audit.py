"""The live server passes every GraphQL-over-HTTP audit of the npm package graphql-http, optional
ones included: each must be "ok", not a warning, an error or a notice."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import LiveServer, require

REPO = Path(__file__).resolve().parents[2]
AUDIT_SCRIPT = Path(__file__).with_name("http_audit.mjs")
GRAPHQL_HTTP = REPO / "node_modules" / "graphql-http"


@pytest.fixture(scope="session")
def node() -> str:
    """The node executable, once graphql-http is installed; skips (fails in CI) otherwise."""
    node = shutil.which("node")
    require(node is not None, "node is not installed")
    require(GRAPHQL_HTTP.is_dir(), f"{GRAPHQL_HTTP} is missing: run `make install` (it runs `npm ci`)")
    assert node is not None
    return node


def audit(node: str, url: str, headers: dict[str, str] | None = None) -> list[dict[str, str]]:
    completed = subprocess.run(
        [node, str(AUDIT_SCRIPT), f"{url}/graphql", json.dumps(headers or {})],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    results: list[dict[str, str]] = json.loads(completed.stdout)
    assert len(results) > 50, "graphql-http ran fewer audits than expected"
    return results


def test_passes_every_graphql_over_http_audit(node: str, live_server_url: str) -> None:
    results = audit(node, live_server_url)
    failed = [f"{r['id']} {r['status']}: {r['name']} ({r['reason']})" for r in results if r["status"] != "ok"]
    assert not failed, "\n".join(failed)


def test_passes_every_audit_in_production_with_the_preflight_header(node: str, production_server: LiveServer) -> None:
    results = audit(node, production_server.url, {"GraphQL-Require-Preflight": "1"})
    failed = [f"{r['id']} {r['status']}: {r['name']} ({r['reason']})" for r in results if r["status"] != "ok"]
    assert not failed, "\n".join(failed)
    assert len(results) == 61
