"""``python -m bench --size quick|S|M|L``: every benchmark on one generated data set.

Prints Markdown tables as it goes and writes them to ``docs/bench/results-<size>.md``
with SVG charts beside them (``docs/bench/*-<size>.svg``). ``--extra`` also runs the
older benchmarks that print their own tables: the CSV import and the same workload on
each backend (``oxigraph serve``, Virtuoso when installed).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench import (
    diagnosis,
    http_load,
    import_throughput,
    remote_backends,
    saved_queries,
    validators,
    write_throughput,
)
from bench.dataset import SIZES, data_set
from bench.report import Report
from kg import DumpFormat, KnowledgeGraph, Settings

# Sizes at which the in-memory references (rdflib queries, pySHACL) run, and their caps.
REFERENCE_SIZES = {"quick", "S"}
RDFLIB_CAP_S = {"quick": 5.0, "S": 20.0}
PYSHACL_CAP_S = {"quick": 60.0, "S": 300.0}
# Warm runs per saved query: fewer at the sizes where one run takes seconds.
WARM_RUNS = {"quick": 5, "S": 5, "M": 2, "L": 1}


def restored(data_path: Path, store: Path) -> Path:
    """A store directory holding the data set (bulk restore, no validation)."""
    graph = KnowledgeGraph.open(Settings(store=store))
    try:
        with data_path.open("rb") as source:
            graph.restore(source, DumpFormat.NQUADS, unchecked=True)
    finally:
        graph.close()
    return store


def run(size: str, extra: bool = False) -> Path:
    """Every benchmark at ``size``; returns the results file."""
    data = data_set(size)
    report = Report(size)
    report.fact(
        f"data: demo generator, seed {data.seed}, {data.customers:,} customers, "
        f"{data.interactions:,} interactions, {data.quads:,} quads "
        f"({data.inferred:,} inferred), {data.megabytes:,.0f} MB of N-Quads"
    )
    report.fact(
        f"generation (cached in bench/.cache): demo data {data.generate_s:.1f} s, "
        f"restore and OWL 2 RL rebuild {data.reason_s:.1f} s, N-Quads dump {data.dump_s:.1f} s"
    )
    quick = size == "quick"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        queries_store = restored(data.path, root / "queries")
        saved_queries.run(
            report,
            queries_store,
            data.path if size in REFERENCE_SIZES else None,
            repeat=WARM_RUNS[size],
            cap_s=RDFLIB_CAP_S.get(size, 0.0),
        )
        diagnosis.run(report, queries_store)
        write_throughput.run(
            report,
            data,
            root / "writes",
            batch=1_000 if quick else 10_000,
            pyshacl_cap_s=PYSHACL_CAP_S.get(size),
        )
        validators.run(report, data, root / "validators", PYSHACL_CAP_S.get(size))
    http_load.run(report, data, seconds=http_load.SECONDS[size])
    if extra:
        remote_backends.run(customers=20 if quick else 200)
        import_throughput.run(100 if quick else 1000)
    return report.write()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=list(SIZES), default="quick")
    parser.add_argument("--extra", action="store_true", help="also the older benchmarks")
    args = parser.parse_args()
    print(f"\nresults written to {run(args.size, args.extra)}")


if __name__ == "__main__":
    main()
