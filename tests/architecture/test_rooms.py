"""The room rules of ARCHITECTURE.md: api never reaches below the kg facade, kg never
imports the HTTP layer, nothing above the Store seam imports the storage engine."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("path", modules("api"), ids=lambda p: str(p.relative_to(ROOT)))
def test_api_never_imports_the_store_or_the_engine(path: Path):
    bad = {m for m in imports_of(path) if m.startswith(("kg.store", "pyoxigraph"))}
    assert bad == set()


# `ckm serve` is where the program is assembled: it alone starts the API.
COMPOSITION_ROOT = ROOT / "kg" / "cli" / "serve.py"


@pytest.mark.parametrize(
    "path",
    [p for p in modules("kg") if p != COMPOSITION_ROOT],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_kg_never_imports_the_http_layer(path: Path):
    bad = {m for m in imports_of(path) if m.split(".")[0] in {"api", "fastapi", "starlette"}}
    assert bad == set()


# The compiled SHACL engine runs its queries on a scratch in-memory Oxigraph of its
# own (the write's neighbourhood, never the data store), so it may use the engine too.
ENGINE_USERS = (ROOT / "kg" / "store", ROOT / "kg" / "validation" / "compiled")


@pytest.mark.parametrize(
    "path",
    [p for p in modules("kg") if not any(p.is_relative_to(room) for room in ENGINE_USERS)],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_only_the_store_and_the_validator_import_pyoxigraph(path: Path):
    assert not {m for m in imports_of(path) if m.startswith("pyoxigraph")}
