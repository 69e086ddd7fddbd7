"""The hostile-input benchmark still runs: one quick round against a real server; nothing here is timed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def test_one_round_of_the_hardening_benchmark_runs(tmp_path: Path) -> None:
    output = tmp_path / "hardening.json"
    command = [
        sys.executable,
        "-m",
        "bench.hardening",
        "--rounds",
        "1",
        "--flood-scale",
        "0.01",
        "--output",
        str(output),
    ]
    completed = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300, check=False)
    assert completed.returncode == 0, completed.stdout[-2000:] + completed.stderr[-2000:]
    result = json.loads(output.read_text())
    assert result["big_bodies"]["statuses"] == [413] * 8
    assert set(result["samples_ms"]) >= {"1 MB name (413)", "normal query, 10 clients sending 1 MB names"}
