"""Every saved analyst query through ``kg``, on raw pyoxigraph and on rdflib.

``kg`` runs a query as the API does (``KnowledgeGraph.query_serialized``, SPARQL JSON)
twice: in a query worker process, as the server does by default (``CKM_QUERY_ISOLATION``,
:mod:`kg.store.query_workers`), and in the calling thread, as before issue 15; the
difference is what the isolation costs. Raw pyoxigraph runs the same text on the same
store directory (union default graph, JSON serialisation); rdflib runs it in memory on
the whole data set (S and below, each query capped). Cold is the first run after
opening the store anew (for the worker: starting it too); warm is the median of the
next ``repeat`` runs. ``kg`` and raw must return the same rows.

``python -m bench.saved_queries --store DIR`` times them on any store.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from bench.capped import capped, cell
from bench.charts import write_chart
from bench.report import Report, Table, ms, ratio
from kg import KnowledgeGraph, QueryTimeout, Settings, bound_sparql, saved_queries

RESULTS_JSON = "application/sparql-results+json"


@dataclass(frozen=True)
class Timing:
    """Cold and warm seconds of one query on one engine, and its answer."""

    cold: float
    warm: float
    body: bytes


def timed(work: Callable[[], bytes], repeat: int) -> Timing:
    """The first run, then the median of ``repeat`` more."""
    started = time.perf_counter()
    body = work()
    cold = time.perf_counter() - started
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        runs.append(time.perf_counter() - started)
    return Timing(cold, statistics.median(runs) if runs else cold, body)


def rows_of(body: bytes) -> list[str]:
    """The answer's rows in a canonical order, to compare two engines' answers."""
    bindings = json.loads(body)["results"]["bindings"]
    return sorted(json.dumps(row, sort_keys=True) for row in bindings)


class Engines:
    """``kg`` and raw pyoxigraph on one store directory, taking turns: each opens the
    directory anew for each query (empty caches, so the first run is cold) and closes
    it again (one process at a time may open it for writing, and a read-only second
    opening can race a compaction)."""

    def __init__(self, store: Path) -> None:
        self.path = store
        KnowledgeGraph.open(Settings(store=store, query_isolation=False)).close()

    def through_kg(self, sparql: str, repeat: int, *, isolated: bool = False) -> Timing:
        """Timings of ``sparql`` through ``kg``: in the server process, or (``isolated``)
        in a query worker process as ``ckm serve`` runs it."""
        graph = KnowledgeGraph.open(Settings(store=self.path, query_isolation=isolated))
        try:
            return timed(lambda: graph.query_serialized(sparql, RESULTS_JSON), repeat)
        finally:
            graph.close()

    def raw(self, sparql: str, repeat: int) -> Timing:
        engine = ox.Store(str(self.path))
        answer = timed(
            lambda: engine.query(sparql, use_default_graph_as_union=True).serialize(
                format=ox.QueryResultsFormat.JSON
            ),
            repeat,
        )
        return answer


def loaded_rdflib(data: Path) -> tuple[Dataset, float]:
    """The whole data set in rdflib's memory store (union default graph), load seconds."""
    started = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(data, format="nquads")
    return dataset, time.perf_counter() - started


def compare(
    store: Path, repeat: int = 0, timed_out: list[str] | None = None
) -> dict[str, tuple[Timing, Timing, Timing]]:
    """Each saved query's (kg in a worker, kg in-process, raw) timings; raises
    AssertionError where rows differ. A query past ``kg``'s time limit is left out (not
    run raw) and named in ``timed_out``."""
    timed_out = [] if timed_out is None else timed_out
    engines = Engines(store)
    found = {}
    for name in saved_queries():
        sparql = bound_sparql(name, {})
        try:
            isolated = engines.through_kg(sparql, repeat, isolated=True)
            ours = engines.through_kg(sparql, repeat)
        except QueryTimeout:
            timed_out.append(name)
            continue
        theirs = engines.raw(sparql, repeat)
        if not rows_of(isolated.body) == rows_of(ours.body) == rows_of(theirs.body):
            raise AssertionError(f"{name}: kg and raw pyoxigraph answer differently")
        found[name] = (isolated, ours, theirs)
        print(
            f"  {name}: kg {isolated.warm:.3f} s in a worker, {ours.warm:.3f} s in-process, "
            f"raw {theirs.warm:.3f} s",
            flush=True,
        )
    return found


def run(
    report: Report, store: Path, rdflib_data: Path | None, repeat: int = 5, cap_s: float = 60
) -> None:
    """Add the saved-query table and chart for the store at ``store`` to ``report``."""
    timed_out: list[str] = []
    found = compare(store, repeat, timed_out)
    if timed_out:
        report.fact(
            f"past kg's query time limit ({Settings().query_timeout_s:g} s), left out: "
            + ", ".join(timed_out)
        )
    reference: dict[str, str] = {}
    if rdflib_data is not None:
        dataset, load_s = loaded_rdflib(rdflib_data)
        report.fact(f"rdflib in-memory load of {len(dataset):,} quads: {load_s:.1f} s")
        for name in found:
            sparql = bound_sparql(name, {})
            reference[name] = cell(capped(lambda q=sparql: len(dataset.query(q)), cap_s), cap_s)
        del dataset
    table = Table(
        f"Saved analyst queries ({len(found)}), size {report.size}",
        [
            "query",
            "rows",
            "kg cold ms (worker)",
            "raw cold ms",
            "kg warm ms (worker)",
            "kg warm ms (in-process)",
            "raw warm ms",
            "kg / raw (warm)",
            "rdflib ms (one run)",
        ],
        note=f"Warm: median of {repeat} runs after the cold one. Rows equal on kg and raw. "
        "kg in a worker process is what the server does; in-process is the same without "
        "the isolation of issue 15 (cold in a worker includes starting the worker).",
    )
    for name, (isolated, ours, theirs) in found.items():
        table.rows.append(
            [
                name,
                str(len(rows_of(ours.body))),
                ms(isolated.cold),
                ms(theirs.cold),
                ms(isolated.warm),
                ms(ours.warm),
                ms(theirs.warm),
                ratio(isolated.warm, theirs.warm),
                reference.get(name, "-"),
            ]
        )
    report.add(table)
    ratios = sorted(i.warm / t.warm for i, _o, t in found.values() if t.warm)
    costs = sorted((i.warm - o.warm) * 1000 for i, o, _t in found.values())
    starts = sorted((i.cold - o.cold) * 1000 for i, o, _t in found.values())
    slowest = max(found.items(), key=lambda item: item[1][0].warm)
    report.fact(
        f"saved queries: median kg/raw {statistics.median(ratios):.2f}x, "
        f"slowest warm through kg: {slowest[0]} {slowest[1][0].warm:.2f} s"
    )
    report.fact(
        f"query isolation (a worker process per query, issue 15): warm median "
        f"{statistics.median(costs):+.1f} ms per query (largest {costs[-1]:+.1f} ms); "
        f"the first query after opening {statistics.median(starts):+.0f} ms (starting "
        "the worker and its copy of the store)"
    )
    write_chart(
        f"saved-queries-{report.size}",
        f"Saved queries, warm median ms, size {report.size}",
        list(found),
        {
            "kg (worker)": [isolated.warm * 1000 for isolated, _o, _t in found.values()],
            "kg (in-process)": [ours.warm * 1000 for _i, ours, _t in found.values()],
            "raw pyoxigraph": [theirs.warm * 1000 for _i, _o, theirs in found.values()],
        },
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="store directory")
    parser.add_argument("--repeat", type=int, default=5, help="warm runs per query")
    args = parser.parse_args()
    report = Report("custom")
    run(report, args.store, None, args.repeat)


if __name__ == "__main__":
    main()
