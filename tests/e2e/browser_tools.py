"""What the browser tests need (node, Debian's chromium, playwright-core), and running their scripts."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from tests.conftest import require

REPO = Path(__file__).resolve().parents[2]
BROWSER_SCRIPTS = Path(__file__).resolve().parent / "browser"
CHROMIUM = Path("/usr/bin/chromium")
PLAYWRIGHT_CORE = REPO / "node_modules" / "playwright-core"


def node_for_browser_tests() -> str:
    """The node executable; skips (fails in CI, CUPQL_TEST_REQUIRE_ALL=1) when any browser tool is missing."""
    node = shutil.which("node")
    missing = [
        what
        for what, ok in [
            ("node on PATH", node is not None),
            (f"{CHROMIUM} (apt-get install chromium)", CHROMIUM.exists()),
            (f"{PLAYWRIGHT_CORE} (make install, i.e. npm ci)", PLAYWRIGHT_CORE.is_dir()),
        ]
        if not ok
    ]
    require(not missing, "browser test needs: " + "; ".join(missing))
    assert node is not None
    return node


def run_browser_script(name: str, *arguments: str) -> dict[str, Any]:
    """Run browser/NAME with `arguments`; return the JSON report it prints (its own errors fail the test)."""
    node = node_for_browser_tests()
    proc = subprocess.run(
        [node, str(BROWSER_SCRIPTS / name), *arguments],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert proc.returncode == 0, f"{name} failed:\n{proc.stderr}\n{proc.stdout}"
    report: dict[str, Any] = json.loads(proc.stdout)
    assert "error" not in report, json.dumps(report, indent=2)
    return report
