"""CSV import throughput: the sample CRM exports at scale, through the whole import.

``python -m bench.import_throughput [--customers 1000]`` writes the sample files
(``examples/crm/make_samples.py``; 1,000 customers ≈ 5,100 rows over five files) and
imports them into a fresh store: cleaning, morph-kgc, SHACL validation, inference,
provenance, one atomic commit. Then the same files again (nothing changes), a dry run,
and the import with one row in a hundred broken under ``--skip-invalid``.
"""

from __future__ import annotations

import argparse
import importlib.util
import tempfile
import time
from pathlib import Path

from kg import (
    ImportOptions,
    KnowledgeGraph,
    Settings,
    SourceInput,
    run_import,
    shipped_mapping,
    source_for,
)

SAMPLES = Path(__file__).resolve().parents[1] / "examples" / "crm" / "make_samples.py"


def _samples():
    spec = importlib.util.spec_from_file_location("make_samples", SAMPLES)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _inputs(directory: Path) -> list[SourceInput]:
    document = shipped_mapping("default")
    return [
        SourceInput(source_for(document, p.name), p.name, p.read_bytes())
        for p in sorted(directory.glob("*.csv"))
    ]


def _broken(inputs: list[SourceInput]) -> list[SourceInput]:
    """Every hundredth interaction with a channel no table knows."""
    broken = []
    for item in inputs:
        if item.source != "interactions.csv":
            broken.append(item)
            continue
        lines = item.data.decode().split("\r\n")
        for n in range(1, len(lines), 100):
            cells = lines[n].split(",")
            if len(cells) > 5:
                cells[5] = "Brieftaube"
                lines[n] = ",".join(cells)
        broken.append(SourceInput(item.source, item.label, "\r\n".join(lines).encode()))
    return broken


def run(customers: int) -> None:
    samples = _samples()
    with tempfile.TemporaryDirectory() as work:
        files = Path(work) / "crm"
        samples.write(samples.make(customers), files)
        inputs = _inputs(files)
        rows = sum(item.data.count(b"\n") - 1 for item in inputs)
        document = shipped_mapping("default")
        print(f"| measurement ({rows:,} rows, {customers:,} customers) | seconds | rows/s |")
        print("|---|---|---|")
        for name, store, options, given in [
            ("import into an empty store", "a", ImportOptions(), inputs),
            ("the same files again (no change)", "a", ImportOptions(), inputs),
            ("dry run on the filled store", "a", ImportOptions(dry_run=True), inputs),
            (
                "1 % broken rows, --skip-invalid",
                "b",
                ImportOptions(skip_invalid=True),
                _broken(inputs),
            ),
        ]:
            graph = KnowledgeGraph.open(Settings(store=Path(work) / store))
            try:
                started = time.perf_counter()
                report = run_import(graph, document, given, options)
                took = time.perf_counter() - started
            finally:
                graph.close()
            rejected = f", {len(report.rejected)} rejected" if report.rejected else ""
            print(f"| {name}{rejected} | {took:.1f} | {rows / took:,.0f} |")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1000)
    run(parser.parse_args().customers)
