"""Marked batches of valid data, and the check that each one is all in a store or not
at all.

Batch ``n`` is the literature-grounded demo data minted under its own base IRI
(``http://batch-n.example/id/``), so every node of it carries its number. What one
batch puts in the data graph and the inferred graph is worked out once, on a template
batch written by the real write road, and renamed for the others.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.demo import demo_quads
from kg.graph import KnowledgeGraph
from kg.store.base import DumpFormat
from kg.store.embedded import EmbeddedStore
from kg.store.oxterms import quad_from_ox, quad_to_ox
from kg.vocab import DATA_GRAPH, INFERRED_GRAPH, PROVENANCE_GRAPH
from kg.write.delta import adding
from tests.reliability.server import run_ckm

_TEMPLATE = 0
_LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"


def batch_base(number: int) -> str:
    return f"http://batch-{number}.example/id/"


def batch_quads(number: int, customers: int) -> list:
    """The quads of batch ``number`` (the demo with ``customers`` customers)."""
    return list(demo_quads(customers=customers, seed=11, base_iri=batch_base(number)))


def write_batch(path: Path, number: int, customers: int) -> Path:
    """Batch ``number`` as an N-Quads file at ``path``."""
    quads = [quad_to_ox(q) for q in batch_quads(number, customers)]
    path.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
    return path


def batch_ntriples(number: int, customers: int) -> bytes:
    """Batch ``number`` as N-Triples (the body of a Graph Store POST)."""
    quads = [quad_to_ox(q) for q in batch_quads(number, customers)]
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)


@dataclass(frozen=True)
class StoreContent:
    """A dump's lines by graph: data, inferred, provenance and the rest."""

    data: frozenset[str]
    inferred: frozenset[str]
    provenance: frozenset[str]

    @classmethod
    def parse(cls, nquads: bytes) -> StoreContent:
        """The lines of a dump, each literal in one canonical form (backends write some
        differently: ``Z`` or ``+00:00``)."""
        by_graph: dict[str, set[str]] = {}
        for quad in ox.parse(nquads, ox.RdfFormat.N_QUADS):
            line = str(quad_to_ox(quad_from_ox(quad)))
            by_graph.setdefault(quad.graph_name.value, set()).add(line)
        return cls(
            frozenset(by_graph.get(str(DATA_GRAPH), ())),
            frozenset(by_graph.get(str(INFERRED_GRAPH), ())),
            frozenset(by_graph.get(str(PROVENANCE_GRAPH), ())),
        )

    def activities(self, label: str) -> int:
        """How many provenance records of writes labelled ``label``."""
        return sum(1 for line in self.provenance if f'{_LABEL} "{label}"' in line)


def _about(lines: Iterable[str], base: str) -> frozenset[str]:
    return frozenset(line for line in lines if line.startswith(f"<{base}"))


class BatchReference:
    """What one batch adds to the data and inferred graphs, renamed for any number."""

    def __init__(self, customers: int) -> None:
        graph = KnowledgeGraph(EmbeddedStore(None))
        graph.install_ontology()
        graph.write(adding(batch_quads(_TEMPLATE, customers)))
        buffer = io.BytesIO()
        graph.dump(buffer, DumpFormat.NQUADS)
        graph.close()
        content = StoreContent.parse(buffer.getvalue())
        self.customers = customers
        self._data = _about(content.data, batch_base(_TEMPLATE))
        self._inferred = _about(content.inferred, batch_base(_TEMPLATE))
        # Inferences about shared nodes (the vocabulary's individuals) any batch may add.
        self.shared_inferred = content.inferred - self._inferred
        assert len(self._data) == len(content.data), "a batch wrote outside its namespace"

    def expected(self, number: int) -> tuple[frozenset[str], frozenset[str]]:
        """Data and inferred lines batch ``number`` adds when present."""
        old, new = batch_base(_TEMPLATE), batch_base(number)
        rename = lambda lines: frozenset(line.replace(old, new) for line in lines)  # noqa: E731
        return rename(self._data), rename(self._inferred)


def dump_with_cli(store: Path, directory: Path) -> bytes:
    """The whole store, dumped by a new ``ckm`` process (which must be able to open it).

    Raises:
        AssertionError: the store did not open or the dump failed.
    """
    output = directory / "check.nq"
    done = run_ckm(store, "dump", "-o", str(output), directory=directory)
    assert done.returncode == 0, f"the store did not open after the crash:\n{done.stderr}"
    return output.read_bytes()


def check_all_or_nothing(
    content: StoreContent,
    reference: BatchReference,
    numbers: Iterable[int],
    base: StoreContent,
) -> set[int]:
    """The batches present in ``content``, each checked to be whole; nothing else there.

    ``base`` is the content before the first batch.
    Raises:
        AssertionError: a batch is there in part, or a quad belongs to no batch.
    """
    present: set[int] = set()
    data, inferred = set(content.data - base.data), set(content.inferred - base.inferred)
    for number in numbers:
        expected_data, expected_inferred = reference.expected(number)
        found_data = _about(data, batch_base(number))
        found_inferred = _about(inferred, batch_base(number))
        if found_data or found_inferred:
            assert found_data == expected_data, (
                f"batch {number}: {len(found_data)} of {len(expected_data)} data quads"
            )
            assert found_inferred == expected_inferred, (
                f"batch {number}: {len(found_inferred)} of {len(expected_inferred)} inferred"
            )
            present.add(number)
        data -= found_data
        inferred -= found_inferred
    assert not data, f"data quads of no batch: {sorted(data)[:3]}"
    assert inferred <= reference.shared_inferred, "inferred quads of no batch"
    return present
