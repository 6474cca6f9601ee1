"""The benchmark harness answers correctly (``make bench`` times it; nothing here
asserts a timing): the generated data sets are deterministic, reasoning in pieces
equals the one-call closure, ``kg`` and raw pyoxigraph return the same rows for every
saved query, and the time cap stops slow reference work."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from rdflib import Graph

from bench import inference
from bench.__main__ import restored
from bench.capped import capped
from bench.dataset import SIZES, data_set
from bench.saved_queries import compare
from kg.demo import demo_quads
from kg.neighbourhood import is_data_node
from kg.queries import saved_queries
from kg.reasoning import ReferenceReasoner
from kg.resources import ONTOLOGY_TTL
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
    # The ontology's blank nodes get new labels each time; every other line is equal.
    ontology = f"<{ONTOLOGY_GRAPH}> .".encode()
    data = [[line for line in ls if not line.endswith(ontology)] for ls in lines]
    assert data[0] == data[1]
    assert not any(b"_:" in line for line in data[0])


def test_a_cached_data_set_is_not_made_again(tiny: str, tmp_path: Path):
    made = data_set(tiny, cache=tmp_path)
    stamp = made.path.stat().st_mtime_ns
    assert data_set(tiny, cache=tmp_path).path.stat().st_mtime_ns == stamp


def test_reasoning_in_pieces_equals_one_call(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(inference, "CONTEXT_TRIPLES", 60)  # small groups, hubs sliced
    reasoner = ReferenceReasoner(Graph().parse(ONTOLOGY_TTL))
    triples = [(s, p, o) for s, p, o, _g in demo_quads(customers=TINY, seed=5)]
    whole = {t for t in reasoner.entailments(triples) if is_data_node(t[0])}
    assert inference.entailments_in_pieces(reasoner, triples) == whole


def test_kg_and_raw_pyoxigraph_return_the_same_rows(tiny: str, tmp_path: Path):
    store = restored(data_set(tiny, cache=tmp_path / "cache").path, tmp_path / "store")
    # compare raises AssertionError naming the first query whose rows differ.
    assert set(compare(store)) == set(saved_queries())


def test_capped_work_returns_its_answer_or_is_stopped():
    assert capped(lambda: 42, 30)[1] == 42
    started = time.perf_counter()
    assert capped(lambda: time.sleep(30), 0.5) is None
    assert time.perf_counter() - started < 10
