"""Observing the write road's stages (benchmarks and diagnosis): every validation is
reported with what it was given, stopping stops, and a refusal is still a refusal."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from kg import KnowledgeGraph, StageTiming, ValidationRefused

PROLOGUE = (
    "PREFIX ckm: <https://w3id.org/ckm#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
)
FIRM = "http://example.org/id/firm/"


def test_each_stage_is_reported_with_what_the_validator_was_given():
    graph = KnowledgeGraph.in_memory()
    seen: list[StageTiming] = []
    stop = graph.observe_writes(seen.append)
    graph.update(PROLOGUE + f"INSERT DATA {{ <{FIRM}f1> a ckm:Firm ; rdfs:label 'Medsoft' }}")
    validations = [t for t in seen if t.stage == "validate"]
    assert len(validations) == 1
    assert validations[0].focus is not None and any(
        str(n) == f"{FIRM}f1" for n in validations[0].focus
    )
    assert any(str(s) == f"{FIRM}f1" for s, _p, _o in validations[0].triples)
    assert all(t.seconds >= 0 for t in seen)
    stop()
    before = len(seen)
    graph.update(PROLOGUE + f"INSERT DATA {{ <{FIRM}f2> a ckm:Firm ; rdfs:label 'Alpha' }}")
    assert len(seen) == before


def test_an_observed_refusal_is_still_a_refusal_and_is_reported():
    graph = KnowledgeGraph.in_memory()
    seen: list[StageTiming] = []
    graph.observe_writes(seen.append)
    with pytest.raises(ValidationRefused):
        graph.update(PROLOGUE + f"INSERT DATA {{ <{FIRM}f3> a ckm:Firm }}")  # no name
    assert [t.stage for t in seen] == ["validate"]
    assert graph.description(URIRef(f"{FIRM}f3")) == set()
