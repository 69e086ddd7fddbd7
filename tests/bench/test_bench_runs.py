"""The benchmark still runs: one quick round, whose naive baseline must return exactly the API's data.

Nothing here is timed; the figures themselves come from `make bench` (see bench/README.md).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def test_one_round_of_the_benchmark_runs_and_reports_bounded_statements(tmp_path: Path) -> None:
    output = tmp_path / "bench.json"
    command = [
        sys.executable,
        "-m",
        "bench.run",
        "--database",
        "sqlite",
        "--repeat",
        "1",
        "--warmup",
        "0",
        "--memory-runs",
        "1",
        "--output",
        str(output),
    ]
    completed = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300, check=False)
    assert completed.returncode == 0, completed.stdout[-2000:] + completed.stderr[-2000:]
    assert "flat" in completed.stdout
    assert json.loads(output.read_text())["date"]
