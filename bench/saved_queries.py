"""``python -m bench.saved_queries --store DIR``: time every saved query on a store.

Each query runs as the API runs it (parameters bound by ``kg.queries``, the answer
serialised as SPARQL JSON by the store), once without parameters and once for one firm
when it takes a ``firm``; the best of ``--repeat`` runs is printed as a Markdown table.
Make the store with ``ckm --store DIR demo --customers 2000``.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from kg.config import Settings
from kg.graph import KnowledgeGraph
from kg.queries import bound_sparql, saved_queries

RESULTS_JSON = "application/sparql-results+json"


def best_of(graph: KnowledgeGraph, sparql: str, repeat: int) -> tuple[float, int]:
    """The fastest of ``repeat`` runs in milliseconds, and the number of rows."""
    best, body = float("inf"), b""
    for _ in range(repeat):
        started = time.perf_counter()
        body = graph.query_serialized(sparql, RESULTS_JSON)
        best = min(best, time.perf_counter() - started)
    return best * 1000, len(json.loads(body)["results"]["bindings"])


def run(store: Path, firm: str, repeat: int) -> None:
    graph = KnowledgeGraph.open(Settings(store=store))
    try:
        print("| query | no parameters (ms) | rows | firm (ms) | rows |")
        print("|---|---:|---:|---:|---:|")
        for name, query in saved_queries().items():
            all_ms, all_rows = best_of(graph, bound_sparql(name, {}), repeat)
            cells = f"| {name} | {all_ms:.1f} | {all_rows} |"
            if query.parameter("firm") is not None:
                firm_ms, firm_rows = best_of(graph, bound_sparql(name, {"firm": firm}), repeat)
                cells += f" {firm_ms:.1f} | {firm_rows} |"
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
