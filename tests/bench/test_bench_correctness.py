"""The benchmark harness answers correctly (``make bench`` times it; nothing here
asserts a timing): the generated data sets are deterministic, reasoning in pieces
equals the one-call closure, ``kg`` and raw pyoxigraph return the same rows for every
saved query, and the time cap stops slow reference work."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bench import validators
from bench.__main__ import restored
from bench.capped import capped
from bench.dataset import SIZES, data_set
from bench.report import Report
from bench.saved_queries import compare
from kg.queries import saved_queries
from kg.vocab import ONTOLOGY_GRAPH

TINY = 40


@pytest.fixture
def tiny(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setitem(SIZES, "tiny", TINY)
    return "tiny"


def test_generated_data_set_is_deterministic(tiny: str, tmp_path: Path):
    first = data_set(tiny, cache=tmp_path / "a")
    second = data_set(tiny, cache=tmp_path / "b")
    assert first.quads == second.quads > 0
    assert first.interactions == second.interactions > 0
    lines = [sorted(d.path.read_bytes().splitlines()) for d in (first, second)]
    assert len(lines[0]) == len(lines[1]) == first.quads
    # The ontology's blank nodes get new labels each time, the restore's provenance record
    # a new IRI and time; every other line is equal.
    system = (f"<{ONTOLOGY_GRAPH}> .".encode(), b"<urn:ckm:graph:provenance> .")
    data = [[line for line in ls if not line.endswith(system)] for ls in lines]
    assert data[0] == data[1]
    assert not any(b"_:" in line for line in data[0])


def test_a_cached_data_set_is_not_made_again(tiny: str, tmp_path: Path):
    made = data_set(tiny, cache=tmp_path)
    stamp = made.path.stat().st_mtime_ns
    assert data_set(tiny, cache=tmp_path).path.stat().st_mtime_ns == stamp


def test_kg_and_raw_pyoxigraph_return_the_same_rows(tiny: str, tmp_path: Path):
    store = restored(data_set(tiny, cache=tmp_path / "cache").path, tmp_path / "store")
    # compare raises AssertionError naming the first query whose rows differ.
    assert set(compare(store)) == set(saved_queries())


def test_capped_work_returns_its_answer_or_is_stopped():
    assert capped(lambda: 42, 30)[1] == 42
    started = time.perf_counter()
    assert capped(lambda: time.sleep(30), 0.5) is None
    assert time.perf_counter() - started < 10


def test_the_shacl_engines_benchmark_compares_like_with_like(
    tiny: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(validators, "WRITES", 3)
    monkeypatch.setattr(validators, "WHOLE_RUNS", 1)
    report = Report(tiny)
    validators.run(report, data_set(tiny, cache=tmp_path / "cache"), tmp_path / "v", 120.0)
    [table] = report.tables
    assert [row[0] for row in table.rows] == ["compiled", "turbo", "pyshacl"]
    # Every engine found the compiled engine's results, on the whole graph and per write.
    assert [row[-1] for row in table.rows[1:]] == ["whole graph same, writes same"] * 2
