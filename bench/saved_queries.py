"""``python -m bench.saved_queries --store DIR``: time every saved query on a store.

Each query runs as the API runs it (parameters bound by ``kg.queries``, the answer
serialised as SPARQL JSON by the store), once without parameters and once for one firm
when it takes a ``firm``; then the same SPARQL text on raw pyoxigraph opened on the same
directory (the plain engine, union default graph), for the ratio of ``kg``'s overhead.
The best of ``--repeat`` runs is printed as a Markdown table. Make the store with
``ckm --store DIR demo --customers 2000``.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from kg.config import Settings
from kg.graph import KnowledgeGraph
from kg.queries import bound_sparql, saved_queries

RESULTS_JSON = "application/sparql-results+json"


def best_of(work: Callable[[], bytes], repeat: int) -> tuple[float, bytes]:
    """The fastest of ``repeat`` runs of ``work`` in milliseconds, and its answer."""
    best, body = float("inf"), b""
    for _ in range(repeat):
        started = time.perf_counter()
        body = work()
        best = min(best, time.perf_counter() - started)
    return best * 1000, body


def run(store: Path, firm: str, repeat: int) -> None:
    graph = KnowledgeGraph.open(Settings(store=store))
    # The plain engine on the same directory (read-only: the graph holds the lock).
    engine = ox.Store.read_only(str(store))

    def through_kg(sparql: str) -> Callable[[], bytes]:
        return lambda: graph.query_serialized(sparql, RESULTS_JSON)

    def raw(sparql: str) -> Callable[[], bytes]:
        return lambda: engine.query(sparql, use_default_graph_as_union=True).serialize(
            format=ox.QueryResultsFormat.JSON
        )

    print(
        "| query | kg, no parameters (ms) | rows | raw pyoxigraph (ms) | kg / raw "
        "| kg, one firm (ms) | rows |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    try:
        for name, query in saved_queries().items():
            sparql = bound_sparql(name, {})
            raw_ms, _ = best_of(raw(sparql), repeat)
            kg_ms, body = best_of(through_kg(sparql), repeat)
            rows = len(json.loads(body)["results"]["bindings"])
            cells = f"| {name} | {kg_ms:.1f} | {rows} | {raw_ms:.1f} | {kg_ms / raw_ms:.2f} |"
            if query.parameter("firm") is not None:
                firm_sparql = bound_sparql(name, {"firm": firm})
                firm_ms, firm_body = best_of(through_kg(firm_sparql), repeat)
                cells += f" {firm_ms:.1f} | {len(json.loads(firm_body)['results']['bindings'])} |"
            else:
                cells += " - | - |"
            print(cells, flush=True)
    finally:
        graph.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", type=Path, required=True, help="store directory")
    parser.add_argument(
        "--firm", default="http://localhost:8000/id/firm/medsoft", help="IRI for the firm runs"
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (best kept)")
    args = parser.parse_args()
    run(args.store, args.firm, args.repeat)


if __name__ == "__main__":
    main()
