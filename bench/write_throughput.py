"""Validated write throughput: one interaction at a time, and bulk batches, against
pyshacl validating the whole resulting graph (what a home-grown rdflib script does)."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import pyshacl
from rdflib import Graph, URIRef
from rdflib.namespace import PROV, RDF

from kg.config import Settings
from kg.delta import adding
from kg.demo import demo_quads
from kg.graph import KnowledgeGraph
from kg.resources import ONTOLOGY_TTL, SHAPES_TTL
from kg.vocab import CKM, DATA_GRAPH

BASE = "http://localhost:8000/id/"


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


def run(customers: int, batch_interactions: int) -> None:
    quads = demo_quads(customers=customers, seed=11, base_iri=BASE)
    groups = fresh_interactions(quads, 200 + batch_interactions)
    singles, bulk = groups[:200], groups[200:]
    with tempfile.TemporaryDirectory() as tmp:
        graph = KnowledgeGraph.open(Settings(store=Path(tmp) / "store"))
        started = time.perf_counter()
        graph.write(adding(quads))
        elapsed = time.perf_counter() - started
        print(f"demo base, {customers:,} customers: {len(quads):,} quads in {elapsed:.1f} s")
        latencies = []
        for group in singles:
            started = time.perf_counter()
            graph.write(adding(group))
            latencies.append(time.perf_counter() - started)
        latencies.sort()
        p50 = statistics.median(latencies) * 1000
        p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
        print(f"single interaction writes: n={len(latencies)} p50 {p50:.0f} ms p99 {p99:.0f} ms")
        batch = [q for group in bulk for q in group]
        started = time.perf_counter()
        graph.write(adding(batch))
        elapsed = time.perf_counter() - started
        print(
            f"bulk batch: {len(bulk):,} interactions ({len(batch):,} quads) in {elapsed:.1f} s"
            f" = {len(bulk) / elapsed:,.0f} interactions/s"
        )
        whole = Graph().parse(ONTOLOGY_TTL)
        for s, p, o, g in graph.store.quads():
            if g == DATA_GRAPH:
                whole.add((s, p, o))
        shapes = Graph().parse(SHAPES_TTL)
        started = time.perf_counter()
        pyshacl.validate(whole, shacl_graph=shapes, inference="none", advanced=True, inplace=True)
        elapsed = time.perf_counter() - started
        print(f"pyshacl over the whole resulting graph ({len(whole):,} triples): {elapsed:.1f} s")
        graph.close()
