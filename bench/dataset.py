"""The benchmark data sets: the demo generator at issue 8's sizes, cached as N-Quads.

A size names a customer count; the demo generator makes about eight interactions per
customer, so S (2,500 customers) holds ≈ 20k interactions and M (25,000) ≈ 200k. The
file holds the data, the OWL 2 RL inferred graph (reasoned in pieces by
``bench.inference``: the one-call rebuild runs out of memory at S) and the ontology
graph with its version marker, so a store restored from it opens without rebuilding
anything. The demo data is valid by construction, so it is loaded in bulk, not through
the validated write road.

Files live in ``bench/.cache/<size>-seed<N>/`` (git-ignored) and are made once.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF

from bench.inference import entailments_in_pieces
from kg.demo import demo_quads
from kg.graph import DumpFormat, KnowledgeGraph
from kg.reasoning import ReferenceReasoner
from kg.resources import ONTOLOGY_TTL
from kg.store.embedded import EmbeddedStore
from kg.vocab import CKM, INFERRED_GRAPH

BASE = "http://localhost:8000/id/"
CACHE = Path(__file__).resolve().parent / ".cache"
SEED = 3
# Customers per size; the demo makes ≈ 7.9 interactions per customer at these counts.
SIZES = {"quick": 250, "S": 2_500, "M": 25_000, "L": 125_000}


@dataclass(frozen=True)
class DataSet:
    """One generated data set on disk and what making it cost."""

    size: str
    customers: int
    seed: int
    path: Path
    quads: int
    interactions: int
    inferred: int
    generate_s: float
    reason_s: float
    dump_s: float

    @property
    def megabytes(self) -> float:
        return self.path.stat().st_size / 2**20


def data_set(size: str, seed: int = SEED, cache: Path = CACHE) -> DataSet:
    """The data set of ``size``, generated now unless ``cache`` holds it already.

    Raises:
        KeyError: ``size`` is not one of ``SIZES``.
    """
    customers = SIZES[size]
    folder = cache / f"{size}-seed{seed}"
    meta = folder / "meta.json"
    if not meta.exists():
        folder.mkdir(parents=True, exist_ok=True)
        _generate(customers, seed, folder / "data.nq", meta)
    fields = json.loads(meta.read_text())
    return DataSet(size=size, path=folder / "data.nq", **fields)


def _generate(customers: int, seed: int, path: Path, meta: Path) -> None:
    """Write the N-Quads file and then its ``meta.json`` (whose presence marks it done)."""
    started = time.perf_counter()
    quads = demo_quads(customers=customers, seed=seed, base_iri=BASE)
    interactions = sum(1 for _s, p, o, _g in quads if p == RDF.type and o == CKM.Interaction)
    generate_s = time.perf_counter() - started
    started = time.perf_counter()
    # An in-memory store holding the ontology graph as `KnowledgeGraph.open` installs it.
    graph = KnowledgeGraph(EmbeddedStore(None))
    graph.install_ontology()
    entailed = entailments_in_pieces(
        ReferenceReasoner(Graph().parse(ONTOLOGY_TTL)), [(s, p, o) for s, p, o, _g in quads]
    )
    inferred = len(entailed)
    graph.store.commit(removed=[], added=quads)
    del quads
    graph.store.commit(removed=[], added=[(s, p, o, INFERRED_GRAPH) for s, p, o in entailed])
    del entailed
    reason_s = time.perf_counter() - started
    started = time.perf_counter()
    partial = path.with_suffix(".partial")
    with partial.open("wb") as output:
        graph.dump(output, DumpFormat.NQUADS)
    os.replace(partial, path)
    dump_s = time.perf_counter() - started
    record = {
        "customers": customers,
        "seed": seed,
        "quads": graph.store.count(),
        "interactions": interactions,
        "inferred": inferred,
        "generate_s": round(generate_s, 2),
        "reason_s": round(reason_s, 2),
        "dump_s": round(dump_s, 2),
    }
    graph.close()
    meta.write_text(json.dumps(record, indent=2) + "\n")


def main() -> None:
    """``python -m bench.dataset SIZE``: make (or show) one data set."""
    import sys

    made = data_set(sys.argv[1] if len(sys.argv) > 1 else "quick")
    print(json.dumps({**asdict(made), "path": str(made.path)}, indent=2))


if __name__ == "__main__":
    main()
