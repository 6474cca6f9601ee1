"""The three SHACL engines side by side on the CKM shapes (issue 16): the compiled
engine (the write road's), pyshacl-turbo and pySHACL.

Two workloads. *Whole graph*: the data set's data graph with the ontology, validated at
once (what ``ckm validate`` without files does). *Per write*: the calls the write road
makes while writing new interactions one at a time, recorded once and replayed against
each engine (the write's neighbourhood with the ontology, and its focus nodes). Every
engine's report is compared with the compiled engine's: a faster engine that finds
less would show as "differs".
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from bench.capped import capped
from bench.dataset import BASE, DataSet
from bench.report import Report, Table
from bench.write_throughput import fresh_interactions, percentile
from kg import (
    DATA_GRAPH,
    ONTOLOGY_GRAPH,
    DumpFormat,
    KnowledgeGraph,
    Settings,
    ValidationReport,
    adding,
    demo_quads,
    from_ox,
    load_shapes,
    validator_for,
)

ENGINES = ("compiled", "turbo", "pyshacl")
WRITES = 60
WHOLE_RUNS = 3


def _whole_graph(data: DataSet) -> Graph:
    """The data graph and the ontology graph of the data set, as one rdflib graph."""
    graph = Graph()
    for quad in ox.parse(path=str(data.path), format=ox.RdfFormat.N_QUADS):
        if quad.graph_name.value in (str(DATA_GRAPH), str(ONTOLOGY_GRAPH)):
            graph.add((from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))
    return graph


def _recorded_writes(data: DataSet, store: Path, writes: int) -> tuple[list, Graph]:
    """The validator calls of ``writes`` single-interaction writes, and the ontology."""
    quads = demo_quads(customers=data.customers, seed=data.seed, base_iri=BASE)
    groups = fresh_interactions(quads, writes)
    del quads
    graph = KnowledgeGraph.open(Settings(store=store))
    try:
        with data.path.open("rb") as source:
            graph.restore(source, DumpFormat.NQUADS, unchecked=True)
        calls: list[tuple[tuple, frozenset | None]] = []
        graph.observe_writes(
            lambda t: calls.append((t.triples, t.focus)) if t.stage == "validate" else None
        )
        for group in groups:
            graph.write(adding(group))
        ontology = Graph()  # what the store holds: the shipped ontology and extensions
        for s, p, o, _g in graph.quads(graph=ONTOLOGY_GRAPH):
            ontology.add((s, p, o))
        return calls, ontology
    finally:
        graph.close()


def _same(report: ValidationReport, reference: ValidationReport) -> str:
    mine = sorted(repr(r._key()) for r in report.results)
    theirs = sorted(repr(r._key()) for r in reference.results)
    return "same" if mine == theirs else "differs"


def run(report: Report, data: DataSet, store: Path, pyshacl_cap_s: float | None) -> None:
    """Time the engines on both workloads at the data set's size; pySHACL only when
    ``pyshacl_cap_s`` is given (and stopped past it)."""
    shapes = load_shapes()
    settings = Settings()
    whole = _whole_graph(data)
    table = Table(
        f"SHACL engines, size {report.size}: whole graph ({len(whole):,} triples, data + "
        f"ontology) and per write (n = {WRITES} single-interaction writes, replayed)",
        ["engine", "make (s)", "whole graph (s)", "results", "per write p50 / p99 (ms)", "report"],
    )
    calls, ontology = _recorded_writes(data, store, WRITES)
    reference_whole: ValidationReport | None = None
    reference_writes: list[ValidationReport] = []
    for engine in ENGINES:
        if engine == "pyshacl" and pyshacl_cap_s is None:
            continue
        started = time.perf_counter()
        validator = validator_for(settings, ontology, engine, shapes=shapes)
        made = time.perf_counter() - started
        whole_cell, found = _timed_whole(
            lambda v=validator: v.validate(whole), engine, pyshacl_cap_s
        )
        latencies, reports = _timed_writes(validator, calls)
        if engine == "compiled":
            reference_whole, reference_writes = found, reports
            agreement = "(the reference)"
        else:
            agreement = _agreement(found, reports, reference_whole, reference_writes)
        table.rows.append(
            [
                engine,
                f"{made:.2f}",
                whole_cell,
                "—" if found is None else f"{len(found.results):,}",
                f"{statistics.median(latencies) * 1000:.1f} / "
                f"{percentile(latencies, 0.99) * 1000:.1f}",
                agreement,
            ]
        )
    table.note = (
        "make: reading and compiling the shapes (and, for the compiled engine, checking "
        "that Oxigraph accepts every rewritten SHACL-SPARQL query). whole graph: the "
        f"best of {WHOLE_RUNS} runs, the first in brackets (it makes the engine's "
        "per-thread state); pySHACL once. per write: after one warm-up call. report: the "
        "engine's results compared with the compiled engine's, on the whole graph and on "
        "every replayed write."
    )
    report.add(table)


def _timed_whole(
    work: Callable[[], ValidationReport], engine: str, cap_s: float | None
) -> tuple[str, ValidationReport | None]:
    """Seconds of the whole-graph validation: the best of a few runs (the machine is
    shared), pySHACL once under its cap."""
    if engine == "pyshacl" and cap_s is not None:
        outcome = capped(work, cap_s)
        if outcome is None:
            return f"> {cap_s:,.0f} (stopped)", None
        return f"{outcome[0]:.2f}", outcome[1]
    runs = []
    for _ in range(WHOLE_RUNS):
        started = time.perf_counter()
        found = work()
        runs.append(time.perf_counter() - started)
    return f"{min(runs):.2f} (first {runs[0]:.2f})", found


def _timed_writes(validator, calls: list) -> tuple[list[float], list[ValidationReport]]:
    validator.validate_triples(*calls[0])  # warm: per-thread stores and caches
    latencies, reports = [], []
    for triples, focus in calls:
        started = time.perf_counter()
        reports.append(validator.validate_triples(triples, focus))
        latencies.append(time.perf_counter() - started)
    return latencies, reports


def _agreement(found, reports, reference_whole, reference_writes) -> str:
    if reference_whole is None:
        return "(the reference)"
    whole = "—" if found is None else _same(found, reference_whole)
    writes = all(_same(a, b) == "same" for a, b in zip(reports, reference_writes, strict=True))
    return f"whole graph {whole}, writes {'same' if writes else 'differ'}"
