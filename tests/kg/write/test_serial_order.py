"""Concurrent writes are linearizable: after a random small history of writes sent at
once from several threads, the store's state is what SOME serial order of those writes
gives — every acknowledged write applied at its place in that order, every refused one
refused there (it would have broken a shape on the state at its place).

The writes mix every intent the road takes: SPARQL Updates that read what they change
(an increment, a copy from one node to another), field changes (REST PUT/PATCH), plain
additions, Graph Store replacements, and additions the shapes refuse or accept depending
on the state (a customer's second country). The expected states come from a model of
each write worked out by hand below, never from the store.
"""

from __future__ import annotations

import itertools
import os
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from rdflib import Literal, URIRef

from kg import DATA_GRAPH, KnowledgeGraph, ValidationRefused, adding
from tests.kg.conftest import EX, turtle_delta

RUN_ON_EVERY_BACKEND = True
HISTORIES = 60 if os.environ.get("CKM_STRESS") else 8
VALUE = URIRef(EX + "value")
TAG = URIRef(EX + "tag")
COUNTRY = URIRef("https://w3id.org/ckm#country")
NODES = [URIRef(EX + f"n{i}") for i in range(2)]
COUNTER_GRAPH = URIRef(EX + "graph/counter")
CUSTOMER = URIRef(EX + "bella")  # small.ttl: a customer with one country ("AT")

State = dict  # {"value": {node: int}, "tags": {node: frozenset}, "graph": int, "country": str|None}


@dataclass(frozen=True)
class Write:
    """One write: how to send it, and what it does to the model state (None: refused)."""

    name: str
    send: Callable[[KnowledgeGraph], object]
    model: Callable[[State], State | None]


def _copy(state: State, **changes) -> State:
    new = {k: (dict(v) if isinstance(v, dict) else v) for k, v in state.items()}
    for key, value in changes.items():
        if isinstance(value, dict):
            new[key] = {**new[key], **value}
        else:
            new[key] = value
    return new


def increment(node: URIRef) -> Write:
    text = (
        f"DELETE {{ <{node}> <{VALUE}> ?o }} INSERT {{ <{node}> <{VALUE}> ?n }} "
        f"WHERE {{ OPTIONAL {{ <{node}> <{VALUE}> ?o }} BIND(COALESCE(?o, 0) + 1 AS ?n) }}"
    )
    return Write(
        f"increment {node[-2:]}",
        lambda g: g.update(text),
        lambda s: _copy(s, value={node: s["value"].get(node, 0) + 1}),
    )


def set_value(node: URIRef, value: int) -> Write:
    return Write(
        f"set {node[-2:]}={value}",
        lambda g: g.change_description(node, {VALUE: [Literal(value)]}),
        lambda s: _copy(s, value={node: value}),
    )


def copy_value(source: URIRef, target: URIRef) -> Write:
    text = (
        f"DELETE {{ <{target}> <{VALUE}> ?old }} INSERT {{ <{target}> <{VALUE}> ?v }} "
        f"WHERE {{ <{source}> <{VALUE}> ?v OPTIONAL {{ <{target}> <{VALUE}> ?old }} }}"
    )

    def model(s: State) -> State:
        if source not in s["value"]:
            return s  # nothing matches: the update changes nothing
        return _copy(s, value={target: s["value"][source]})

    return Write(f"copy {source[-2:]}->{target[-2:]}", lambda g: g.update(text), model)


def add_tag(node: URIRef, tag: str) -> Write:
    quad = (node, TAG, Literal(tag), DATA_GRAPH)
    return Write(
        f"tag {node[-2:]} {tag}",
        lambda g: g.write(adding([quad])),
        lambda s: _copy(s, tags={node: s["tags"].get(node, frozenset()) | {tag}}),
    )


def clear_tags(node: URIRef) -> Write:
    return Write(
        f"untag {node[-2:]}",
        lambda g: g.update(f"DELETE WHERE {{ <{node}> <{TAG}> ?t }}"),
        lambda s: _copy(s, tags={node: frozenset()}),
    )


def put_counter(value: int) -> Write:
    quads = [(URIRef(EX + "counter"), VALUE, Literal(value), COUNTER_GRAPH)]
    return Write(
        f"put graph {value}",
        lambda g: g.write_graph(COUNTER_GRAPH, quads, replace=True),
        lambda s: _copy(s, graph=value),
    )


def give_country(code: str) -> Write:
    """A second country breaks the customer's maxCount 1: refused unless it has none."""
    return Write(
        f"country {code}",
        lambda g: g.write(turtle_delta(f'ex:bella ckm:country "{code}" .')),
        lambda s: None if s["country"] not in (None, code) else _copy(s, country=code),
    )


def drop_country() -> Write:
    return Write(
        "no country",
        lambda g: g.update(f"DELETE WHERE {{ <{CUSTOMER}> <{COUNTRY}> ?c }}"),
        lambda s: _copy(s, country=None),
    )


def random_history(rng: random.Random) -> list[Write]:
    makers = [
        lambda: increment(rng.choice(NODES)),
        lambda: set_value(rng.choice(NODES), rng.randint(0, 9)),
        lambda: copy_value(*rng.sample(NODES, 2)),
        lambda: add_tag(rng.choice(NODES), rng.choice("ab")),
        lambda: clear_tags(rng.choice(NODES)),
        lambda: put_counter(rng.randint(0, 9)),
        lambda: give_country(rng.choice(["DE", "CH"])),
        drop_country,
    ]
    return [rng.choice(makers)() for _ in range(rng.randint(3, 6))]


def observed(graph: KnowledgeGraph) -> State:
    def ints(node):
        return [int(o) for _s, _p, o, _g in graph.quads(node, VALUE, None, DATA_GRAPH)]

    values = {n: ints(n) for n in NODES}
    assert all(len(v) <= 1 for v in values.values()), values
    counter = [int(o) for _s, _p, o, _g in graph.quads(None, VALUE, None, COUNTER_GRAPH)]
    countries = [str(o) for _s, _p, o, _g in graph.quads(CUSTOMER, COUNTRY, None, DATA_GRAPH)]
    assert len(countries) <= 1 and len(counter) <= 1
    return {
        "value": {n: v[0] for n, v in values.items() if v},
        "tags": {
            n: frozenset(str(o) for _s, _p, o, _g in graph.quads(n, TAG, None, DATA_GRAPH))
            for n in NODES
        },
        "graph": counter[0] if counter else None,
        "country": countries[0] if countries else None,
    }


def _normal(state: State) -> State:
    return {**state, "tags": {n: t for n, t in state["tags"].items() if t}}


def serial_orders_explain(start: State, writes: list[Write], accepted: list[bool], end: State):
    """True when some order of ``writes`` gives ``end`` from ``start``, each accepted
    write valid at its place and each refused one refused there."""
    for order in itertools.permutations(range(len(writes))):
        state, fits = start, True
        for index in order:
            after = writes[index].model(state)
            if (after is not None) != accepted[index]:
                fits = False
                break
            state = after if after is not None else state
        if fits and _normal(state) == _normal(end):
            return True
    return False


@pytest.mark.parametrize("seed", range(HISTORIES))
def test_concurrent_writes_end_as_some_serial_order_of_them(small: KnowledgeGraph, seed: int):
    rng = random.Random(seed)
    start = observed(small)
    assert start["country"] == "AT"
    writes = random_history(rng)
    outcomes: dict[int, bool] = {}
    barrier = threading.Barrier(len(writes))

    def run(index: int) -> None:
        barrier.wait()
        try:
            writes[index].send(small)
            outcomes[index] = True
        except ValidationRefused:
            outcomes[index] = False

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(writes))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert len(outcomes) == len(writes), "a writer did not finish"
    accepted = [outcomes[i] for i in range(len(writes))]
    end = observed(small)
    history = [(w.name, ok) for w, ok in zip(writes, accepted, strict=True)]
    assert serial_orders_explain(start, writes, accepted, end), (history, end)
