"""Real sample files (examples/crm/), a real on-disk store, the real morph-kgc."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.config import Settings
from kg.graph import KnowledgeGraph
from kg.importing import (
    ImportOptions,
    ImportReport,
    SourceInput,
    run_import,
    shipped_mapping,
    source_for,
)
from kg.store.base import DumpFormat

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "crm"
BROKEN = EXAMPLES / "broken"
MALFORMED = BROKEN / "malformed"
BASE = "http://localhost:8000/id/"
VIENNA = ImportOptions(timezone="Europe/Vienna")


def inputs_of(directory: Path, *names: str) -> list[SourceInput]:
    """The CSV files of ``directory`` (or only ``names``), each for its source."""
    document = shipped_mapping("default")
    paths = [directory / n for n in names] if names else sorted(directory.glob("*.csv"))
    return [SourceInput(source_for(document, p.name), p.name, p.read_bytes()) for p in paths]


def run(graph: KnowledgeGraph, inputs: list[SourceInput], **options) -> ImportReport:
    """Import ``inputs`` with the default mapping (times in Vienna unless told)."""
    chosen = ImportOptions(**{"timezone": "Europe/Vienna", **options})
    return run_import(graph, shipped_mapping("default"), inputs, chosen)


def dump_bytes(graph: KnowledgeGraph) -> bytes:
    """Every quad of the store, sorted (to compare before and after)."""
    buffer = io.BytesIO()
    graph.dump(buffer, DumpFormat.NQUADS)
    return b"\n".join(sorted(buffer.getvalue().splitlines()))


def data_quads(graph: KnowledgeGraph) -> set:
    return {q for q in graph.quads() if str(q[3]) == "urn:ckm:graph:data"}


@pytest.fixture
def graph(tmp_path: Path) -> Iterator[KnowledgeGraph]:
    """An empty knowledge graph on a fresh on-disk store."""
    knowledge_graph = KnowledgeGraph.open(Settings(store=tmp_path / "store", base_iri=BASE))
    yield knowledge_graph
    knowledge_graph.close()


@pytest.fixture(scope="session")
def _imported_snapshot(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, ImportReport]:
    """The sample files imported once into a store, as a dump, and the import's report."""
    path = tmp_path_factory.mktemp("imported")
    knowledge_graph = KnowledgeGraph.open(Settings(store=path / "store", base_iri=BASE))
    try:
        report = run(knowledge_graph, inputs_of(EXAMPLES))
        buffer = io.BytesIO()
        knowledge_graph.dump(buffer, DumpFormat.NQUADS)
        return buffer.getvalue(), report
    finally:
        knowledge_graph.close()


@pytest.fixture
def imported(graph: KnowledgeGraph, _imported_snapshot) -> KnowledgeGraph:
    """A graph holding the sample files, imported (restored from one import per session)."""
    # A snapshot of another store (its own seal key), trusted: restored as it is.
    graph.restore(io.BytesIO(_imported_snapshot[0]), DumpFormat.NQUADS, unchecked=True)
    return graph


@pytest.fixture
def sample_report(_imported_snapshot) -> ImportReport:
    return _imported_snapshot[1]
