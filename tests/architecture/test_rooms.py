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


# -- the face (ARCHITECTURE.md): api and bench import `kg` and nothing below it ---------

ABOVE_THE_FACE = [*modules("api"), *modules("bench")]


@pytest.mark.parametrize("path", ABOVE_THE_FACE, ids=lambda p: str(p.relative_to(ROOT)))
def test_api_imports_only_the_kg_face(path: Path):
    below = {m for m in imports_of(path) if m.startswith("kg.")}
    assert below == set(), "import these names from `kg` (kg/__init__.py) instead"


def _private_reaches(path: Path) -> set[str]:
    """Attributes of the knowledge graph's privates reached from a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr in {"_store", "_road", "store"}
        and not (isinstance(node.value, ast.Name) and node.value.id in {"settings", "self", "args"})
    }


@pytest.mark.parametrize("path", ABOVE_THE_FACE, ids=lambda p: str(p.relative_to(ROOT)))
def test_api_never_reaches_the_graphs_store(path: Path):
    assert _private_reaches(path) == set()


def test_the_graph_has_no_public_store():
    from kg import KnowledgeGraph

    assert not hasattr(KnowledgeGraph, "store")
    assert "store" not in KnowledgeGraph.__init__.__code__.co_names


def test_every_name_of_the_face_resolves():
    import kg

    missing = [name for name in kg.__all__ if getattr(kg, name, None) is None]
    assert missing == []


# Exceptions that never reach a caller of kg: control signals and helpers' own.
INTERNAL_SIGNALS = {
    "NeedsOwnTurn",  # kg/write/state.py: commit the pending writes first (BaseException)
    "Rejected",  # kg/store/remote/transport.py: a 4xx turned into a store error there
    "BeyondCompiledRules",  # kg/reasoning/compiled: the compiled rules hand over to the reference
    "CellProblem",  # kg/importing/cells.py: a cell's problem, reported in the import report
    "UnsupportedShape",  # kg/validation/compiled: a shape handed to the reference
    "IllFormedPath",  # kg/validation/property_paths.py: becomes InvalidShapes
}


def _exception_classes(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and any(
            isinstance(b, ast.Name)
            and (
                b.id.endswith(("Error", "Exception"))
                or b.id in {"LookupError", "ValueError", "RuntimeError", "BaseException"}
            )
            for b in node.bases
        ):
            found.add(node.name)
    return found


@pytest.mark.parametrize(
    "path",
    [p for p in modules("kg") if p.name != "errors.py"],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_every_domain_error_lives_in_kg_errors(path: Path):
    strays = {
        name
        for name in _exception_classes(path)
        if not name.startswith("_") and name not in INTERNAL_SIGNALS
    }
    assert strays == set(), "define domain errors in kg/errors.py"
