"""``python -m bench.reasoning_per_write``: what OWL 2 RL costs a single write.

The demo data (40 customers) is written in one bulk write, then 200 new interactions
one per write, through the real write road; the reasoner's calls are timed as the write road makes
them: the inference patch (``entailments_about``) and the consistency check
(``inconsistencies_made``, when the reasoner has it). Prints p50/p99 of each and of the
whole write. Small and quick (about a minute); for before/after comparisons of the
reasoning code, not a benchmark of the store.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from bench.write_throughput import fresh_interactions, percentile
from kg import KnowledgeGraph, Settings, StageTiming, adding, demo_quads

BASE = "http://example.org/id/"


class _Timed:
    """Seconds of the reasoner's stages, per call, as the write road reports them."""

    def __init__(self) -> None:
        self.seconds: dict[str, list[float]] = {"entail": [], "consistency": []}

    def __call__(self, timing: StageTiming) -> None:
        if timing.stage in self.seconds:
            self.seconds[timing.stage].append(timing.seconds)


def _summary(seconds: list[float]) -> str:
    if not seconds:
        return "not called"
    return (
        f"p50 {statistics.median(seconds) * 1000:.3f} ms, "
        f"p99 {percentile(seconds, 0.99) * 1000:.3f} ms, n = {len(seconds)}"
    )


def run(customers: int = 40, writes: int = 200) -> dict[str, str]:
    """Time ``writes`` single-interaction writes on a store of the demo data."""
    quads = demo_quads(customers=customers, seed=3, base_iri=BASE)
    groups = fresh_interactions(quads, writes)
    with tempfile.TemporaryDirectory() as directory:
        graph = KnowledgeGraph.open(Settings(store=Path(directory) / "store"))
        try:
            # (Opening installed the ontology: the reasoner is made already.)
            timed = _Timed()
            graph.observe_writes(timed)
            started = time.perf_counter()
            graph.write(adding(quads))
            bulk = time.perf_counter() - started
            bulk_calls = {name: sum(seconds) for name, seconds in timed.seconds.items()}
            whole = []
            for group in groups:
                started = time.perf_counter()
                graph.write(adding(group))
                whole.append(time.perf_counter() - started)
        finally:
            graph.close()
    return {
        f"bulk write of the demo data ({len(quads):,} quads)": f"{bulk * 1000:.0f} ms, of "
        f"which entailments {bulk_calls['entail'] * 1000:.0f} ms, consistency "
        f"{bulk_calls['consistency'] * 1000:.0f} ms",
        "whole write": _summary(whole),
        "inference patch (entailments_about)": _summary(timed.seconds["entail"][-writes:]),
        "consistency check (inconsistencies_made)": _summary(
            timed.seconds["consistency"][-writes:]
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=40)
    parser.add_argument("--writes", type=int, default=200)
    arguments = parser.parse_args()
    for name, figure in run(arguments.customers, arguments.writes).items():
        print(f"{name}: {figure}")


if __name__ == "__main__":
    main()
