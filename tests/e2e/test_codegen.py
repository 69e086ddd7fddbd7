"""The README's graphql-codegen set-up works against a live server: real `graphql-codegen` (the versions pinned in
package.json, on the machine's Node) reads the schema over HTTP and types the page's own queries, `Date` as string."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from cupql.web_page import QUERIES
from tests.conftest import require
from tests.e2e.browser_tools import REPO, node_for_browser_tests

CODEGEN = REPO / "node_modules" / "@graphql-codegen" / "cli" / "cjs" / "bin.js"


def readme_codegen_config() -> str:
    """The README's `codegen.yml` example, as written there."""
    match = re.search(r"```yaml\n# codegen.yml\n(.*?)```", (REPO / "README.md").read_text(), re.DOTALL)
    assert match, "README.md has no ```yaml block starting with `# codegen.yml`"
    return match.group(1)


def test_the_readme_codegen_example_types_the_page_queries(live_server_url: str, tmp_path: Path) -> None:
    node = node_for_browser_tests()
    require(CODEGEN.is_file(), f"{CODEGEN} is missing (make install, i.e. npm ci)")
    output = tmp_path / "graphql.ts"
    config = readme_codegen_config()
    # Only the addresses change: the server's URL, the documents (the page's own) and where the types go.
    for example, here in [
        ("http://127.0.0.1:8000/graphql", f"{live_server_url}/graphql"),
        ('"src/**/*.graphql"', f'"{QUERIES}/**/*.graphql"'),
        ("src/graphql.ts:", f"{output}:"),
    ]:
        assert example in config, example
        config = config.replace(example, here)
    (tmp_path / "codegen.yml").write_text(config)

    run = subprocess.run(
        [node, str(CODEGEN), "--config", str(tmp_path / "codegen.yml")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    version = subprocess.run([node, "--version"], capture_output=True, text=True, check=True).stdout.strip()
    assert run.returncode == 0, f"graphql-codegen on Node {version} failed:\n{run.stdout}\n{run.stderr}"
    types = output.read_text()
    assert "  Date: { input: string; output: string; }" in types
    club_page = next(line for line in types.splitlines() if line.startswith("export type ClubPageQuery = "))
    assert "match: { date: string," in club_page
    assert "export type OverviewQuery = " in types and "export type SeasonsQuery = " in types
