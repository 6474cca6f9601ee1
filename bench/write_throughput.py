"""Validated write throughput on a store of one benchmark size: one interaction at a
time (p50/p99) and bulk batches (interactions per second end to end), against pySHACL
validating the whole resulting graph (what a home-grown rdflib script does)."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
import pyshacl
from rdflib import Graph, URIRef
from rdflib.namespace import PROV, RDF

from bench.capped import capped
from bench.charts import write_chart
from bench.dataset import BASE, DataSet
from bench.report import Report, Table
from kg import (
    CKM,
    DATA_GRAPH,
    INFERRED_GRAPH,
    ONTOLOGY_TTL,
    SHAPES_TTL,
    DumpFormat,
    KnowledgeGraph,
    Settings,
    StageTiming,
    adding,
    demo_quads,
    quad_to_ox,
)

__all__ = ["BASE", "fresh_interactions", "run"]


def fresh_interactions(quads: list, count: int) -> list[list]:
    """``count`` new interactions, each with its knowledge items and driver assessments,
    copied from the demo's under new IRIs (so they can be written to the same store)."""
    by_subject: dict = {}
    for quad in quads:
        by_subject.setdefault(quad[0], []).append(quad)
    interactions = sorted(
        s for s, qs in by_subject.items() if (s, RDF.type, CKM.Interaction, DATA_GRAPH) in qs
    )
    hanging: dict = {i: [] for i in interactions}
    for subject, subject_quads in by_subject.items():
        for _s, p, obj, _g in subject_quads:
            if p in (PROV.wasGeneratedBy, CKM.assessedIn) and obj in hanging:
                hanging[obj].append(subject)
    groups = []
    for n in range(count):
        interaction = interactions[n % len(interactions)]
        nodes = [interaction, *hanging[interaction]]
        renamed = {node: URIRef(f"{node}-copy{n}") for node in nodes}
        groups.append(
            [
                (renamed.get(s, s), p, renamed.get(o, o), g)
                for node in nodes
                for s, p, o, g in by_subject[node]
            ]
        )
    return groups


class TimedReasoner:
    """Seconds of each per-write inference patch (the reasoning cost a commit pays), as
    the write road reports them."""

    def __init__(self) -> None:
        self.seconds: list[float] = []

    def __call__(self, timing: StageTiming) -> None:
        if timing.stage == "entail":
            self.seconds.append(timing.seconds)


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile of ``values``."""
    ordered = sorted(values)
    return ordered[max(0, round(share * len(ordered)) - 1)]


def _engine_insert_seconds(bulk: list, graph: KnowledgeGraph) -> tuple[float, int]:
    """How long Oxigraph's own transactional ``extend`` takes for the bulk's quads and
    their inferences (converted beforehand: the engine's time only)."""
    triples = {(s, p, o) for s, p, o, _g in bulk}
    inferred = [(s, p, o, INFERRED_GRAPH) for s, p, o in graph.entailments(triples)]
    quads = [quad_to_ox(q) for q in [*bulk, *inferred]]
    with tempfile.TemporaryDirectory() as directory:
        store = ox.Store(directory)
        started = time.perf_counter()
        store.extend(quads)
        return time.perf_counter() - started, len(quads)


def _pyshacl_whole_graph(graph: KnowledgeGraph) -> tuple[Graph, Graph]:
    whole = Graph().parse(ONTOLOGY_TTL)
    for s, p, o, _g in graph.quads(graph=DATA_GRAPH):
        whole.add((s, p, o))
    return whole, Graph().parse(SHAPES_TTL)


def run(
    report: Report,
    data: DataSet,
    store: Path,
    batch: int,
    singles: int = 200,
    pyshacl_cap_s: float | None = None,
) -> None:
    """Restore ``data`` into ``store``, then time validated writes of new interactions;
    pySHACL over the whole graph when ``pyshacl_cap_s`` is given, the one-call rebuild
    of the inferred graph, and the engine's own transactional insert of the bulk's
    quads (the ceiling of any validated write on it)."""
    quads = demo_quads(customers=data.customers, seed=data.seed, base_iri=BASE)
    groups = fresh_interactions(quads, singles + batch)
    del quads
    graph = KnowledgeGraph.open(Settings(store=store))
    with data.path.open("rb") as source:
        graph.restore(source, DumpFormat.NQUADS, unchecked=True)
    timed = TimedReasoner()
    graph.observe_writes(timed)
    table = Table(
        f"Validated writes, size {report.size} ({data.quads:,} quads)", ["measurement", "result"]
    )
    started = time.perf_counter()
    inferred = graph.rebuild_inferences()
    rebuilt = f"{time.perf_counter() - started:.1f} s ({inferred:,} inferred triples)"
    table.rows.append(["full rebuild of the inferred graph (compiled OWL 2 RL rules)", rebuilt])
    table.rows.append(
        ["restore unchecked and the same rebuild, at generation", f"{data.reason_s:.1f} s"]
    )
    latencies = []
    for group in groups[:singles]:
        started = time.perf_counter()
        graph.write(adding(group))
        latencies.append(time.perf_counter() - started)
    table.rows.append(
        [
            f"one interaction with its knowledge items per write, n = {singles}",
            f"p50 {statistics.median(latencies) * 1000:.0f} ms, "
            f"p99 {percentile(latencies, 0.99) * 1000:.0f} ms",
        ]
    )
    table.rows.append(
        [
            "of which OWL 2 RL reasoning per commit",
            f"p50 {statistics.median(timed.seconds) * 1000:.0f} ms, "
            f"p99 {percentile(timed.seconds, 0.99) * 1000:.0f} ms",
        ]
    )
    bulk = [q for group in groups[singles:] for q in group]
    started = time.perf_counter()
    graph.write(adding(bulk))
    bulk_s = time.perf_counter() - started
    engine_s, engine_quads = _engine_insert_seconds(bulk, graph)
    rates = {
        "kg bulk validated write": batch / bulk_s,
        "pyoxigraph insert alone": batch / engine_s,
    }
    table.rows.append(
        [
            f"bulk: {batch:,} interactions ({len(bulk):,} quads) in one validated write",
            f"{bulk_s:.1f} s = {batch / bulk_s:,.0f} interactions/s",
        ]
    )
    table.rows.append(
        [
            f"pyoxigraph alone: one transactional insert of the same {engine_quads:,} quads "
            "(asserted and inferred) into an empty on-disk store, no validation",
            f"{engine_s:.1f} s = {batch / engine_s:,.0f} interactions/s",
        ]
    )
    if pyshacl_cap_s is not None:
        whole, shapes = _pyshacl_whole_graph(graph)
        interactions = len(set(whole.subjects(RDF.type, CKM.Interaction)))
        outcome = capped(
            lambda: pyshacl.validate(
                whole, shacl_graph=shapes, inference="none", advanced=True, inplace=True
            )[0],
            pyshacl_cap_s,
        )
        if outcome is None:
            result = f"> {pyshacl_cap_s:,.0f} s (stopped)"
        else:
            rates["pySHACL whole graph"] = interactions / outcome[0]
            result = f"{outcome[0]:.1f} s = {interactions / outcome[0]:,.0f} interactions/s"
        table.rows.append(
            [
                f"pySHACL over the whole resulting graph ({len(whole):,} triples, "
                f"{interactions:,} interactions), validation only",
                result,
            ]
        )
    graph.close()
    report.add(table)
    write_chart(
        f"writes-{report.size}",
        f"Validated interactions per second, size {report.size}",
        list(rates),
        {"interactions/s": list(rates.values())},
    )
