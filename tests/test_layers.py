"""The layers point one way: a module may import only from its own layer and the layers below it.

Read with `ast` from the source tree, so the test also sees imports inside functions and `TYPE_CHECKING` blocks.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

# What each layer may import of ours, besides itself. The app (`cupql/`, HTTP, CLI, web) sits on top; the article
# importer (`cupql/article/`) reads into the bottom's validated season and nothing above it.
ALLOWED: dict[str, set[str]] = {
    "football": set(),
    "cupql.article": {"football"},
    "db": {"football"},
    "resolvers": {"football", "db"},
    "schema": {"football", "resolvers"},
    "cupql": {"football", "cupql.article", "db", "resolvers", "schema"},
}
OURS = ("football", "db", "resolvers", "schema", "cupql")


def layer_of(module: str) -> str | None:
    """The layer a dotted module name belongs to, or None for a module not of ours."""
    if module == "cupql.article" or module.startswith("cupql.article."):
        return "cupql.article"
    top = module.split(".")[0]
    return top if top in OURS else None


def imported_modules(path: Path, root: Path) -> set[str]:
    """Every module `path` (under `root`) imports, absolute, wherever the import statement stands."""
    package = ".".join(path.relative_to(root).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                found.add(".".join([*base, node.module] if node.module else base))
            elif node.module:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def upward_imports(root: Path) -> list[str]:
    """`file: module` for every import that reaches a layer the file's own layer may not import."""
    problems = []
    for path in sorted(path for name in OURS for path in (root / name).rglob("*.py")):
        module = ".".join(path.relative_to(root).with_suffix("").parts)
        own = layer_of(module)
        if own is None:
            continue
        for imported in sorted(imported_modules(path, root)):
            target = layer_of(imported)
            if target is not None and target != own and target not in ALLOWED[own]:
                problems.append(f"{path.relative_to(root)} ({own}) imports {imported} ({target})")
    return problems


def test_no_layer_imports_a_layer_above_it() -> None:
    assert upward_imports(REPO) == []


@pytest.mark.parametrize(
    ("layer", "importer", "imported", "allowed"),
    [
        ("football", "football/vocabulary.py", "db.models", False),
        ("db", "db/models.py", "resolvers.context", False),
        ("resolvers", "resolvers/context.py", "schema.limits", False),
        ("schema", "schema/club.py", "db.models", False),
        ("cupql.article", "cupql/article/parser.py", "cupql.settings", False),
        ("schema", "schema/club.py", "resolvers.club", True),
        ("cupql", "cupql/app.py", "schema.build", True),
    ],
)
def test_the_check_catches_an_upward_import(
    tmp_path: Path, layer: str, importer: str, imported: str, allowed: bool
) -> None:
    source = tmp_path / importer
    source.parent.mkdir(parents=True)
    source.write_text(f"import {imported}\n")
    assert layer_of(importer.removesuffix(".py").replace("/", ".")) == layer
    assert (upward_imports(tmp_path) == []) is allowed
