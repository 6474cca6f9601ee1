"""The same validated workload on each backend: the embedded store, ``oxigraph serve``
and Virtuoso (both started here on loopback, as the tests start them)."""

from __future__ import annotations

import io
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.write_throughput import BASE, fresh_interactions
from kg import DumpFormat, KnowledgeGraph, Settings, adding, demo_quads
from tests.engines import EngineServer, start_oxigraph, start_virtuoso, virtuoso_available

AGGREGATION = """
PREFIX ckm: <https://w3id.org/ckm#>
SELECT ?sphere ?style (COUNT(?i) AS ?n) WHERE {
  ?i a ckm:Interaction ; ckm:inSphere ?sphere ; ckm:ckmStyle ?style .
} GROUP BY ?sphere ?style
"""


def _timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def _measure(name: str, settings: Settings, quads: list, singles: list, bulk: list) -> None:
    graph = KnowledgeGraph.open(settings)
    load = _timed(lambda: graph.write(adding(quads)))
    latencies = sorted(_timed(lambda g=group: graph.write(adding(g))) for group in singles)
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
    batch = [q for group in bulk for q in group]
    bulk_s = _timed(lambda: graph.write(adding(batch)))
    query = sorted(_timed(lambda: graph.select(AGGREGATION)) for _ in range(20))
    buffer = io.BytesIO()
    dump_s = _timed(lambda: graph.dump(buffer, DumpFormat.NQUADS))
    restore_s = _timed(lambda: graph.restore(io.BytesIO(buffer.getvalue()), DumpFormat.NQUADS))
    print(
        f"| {name} | {len(quads):,} quads in {load:.1f} s | {p50:.0f} / {p99:.0f} ms "
        f"| {len(bulk) / bulk_s:,.0f}/s | {statistics.median(query) * 1000:.0f} ms "
        f"| {dump_s:.1f} s / {restore_s:.1f} s |"
    )
    graph.close()


def run(customers: int, singles: int = 50, bulk: int = 500) -> None:
    quads = demo_quads(customers=customers, seed=11, base_iri=BASE)
    groups = fresh_interactions(quads, singles + bulk)
    print(
        "| backend | validated demo load | single write p50 / p99 | bulk validated "
        "interactions | aggregation query p50 | dump / restore |"
    )
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _measure(
            "embedded", Settings(store=root / "store"), quads, groups[:singles], groups[singles:]
        )
        servers: list[tuple[str, Callable[[], EngineServer]]] = [
            ("oxigraph serve", lambda: start_oxigraph(root / "oxigraph"))
        ]
        if virtuoso_available():
            servers.append(("Virtuoso 7", lambda: start_virtuoso(root / "virtuoso")))
        for name, start in servers:
            server = start()
            try:
                _measure(name, server.settings(), quads, groups[:singles], groups[singles:])
            finally:
                server.stop()


if __name__ == "__main__":
    run(customers=200)
