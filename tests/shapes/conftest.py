"""Fixtures for the SHACL shape tests.

Every test validates a small Turtle example the way the project validates writes: the data
graph is the example merged with the ontology (``ontology/ckm.ttl``), the shapes graph is
``shapes/ckm-shapes.ttl``, and pyshacl runs without inference but with SHACL-AF enabled.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

import pyshacl
import pytest
from rdflib import RDF, SH, Graph
from rdflib.term import Node

from kg.resources import ONTOLOGY_TTL, SHAPES_TTL

PREFIXES = """
@prefix ckm: <https://w3id.org/ckm#> .
@prefix ex: <https://example.org/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


class Result(NamedTuple):
    """One sh:ValidationResult, reduced to what a caller of the validator relies on."""

    focus: Node
    path: Node | None
    source_shape: Node
    severity: Node
    message: str


def parse_turtle(text: str) -> Graph:
    """Parse a Turtle snippet written with the prefixes ckm:, ex:, prov:, xsd:, ..."""
    return Graph().parse(data=PREFIXES + text, format="turtle")


@pytest.fixture(scope="session")
def ontology_graph() -> Graph:
    if not ONTOLOGY_TTL.is_file():
        pytest.fail(f"the ontology {ONTOLOGY_TTL} is missing; the shapes are validated against it")
    return Graph().parse(ONTOLOGY_TTL, format="turtle")


@pytest.fixture(scope="session")
def shapes_graph() -> Graph:
    return Graph().parse(SHAPES_TTL, format="turtle")


def run_validation(data: Graph, shapes: Graph) -> list[Result]:
    _conforms, report, _text = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=True
    )
    top_level = set(report.objects(None, SH.result))
    # Consumers (kg/validation.py) read every sh:ValidationResult of the report; nested
    # sh:detail results (produced by sh:node) would show up there as extra, confusing rows.
    assert set(report.subjects(RDF.type, SH.ValidationResult)) == top_level, "sh:detail found"
    results = []
    for node in top_level:
        results.append(
            Result(
                focus=report.value(node, SH.focusNode),
                path=report.value(node, SH.resultPath),
                source_shape=report.value(node, SH.sourceShape),
                severity=report.value(node, SH.resultSeverity),
                message=str(report.value(node, SH.resultMessage) or ""),
            )
        )
    return results


@pytest.fixture(scope="session")
def validate(ontology_graph: Graph, shapes_graph: Graph) -> Callable[[str | Graph], list[Result]]:
    """Validate a Turtle string (or graph) merged with the ontology; return the results."""

    def _validate(data: str | Graph) -> list[Result]:
        graph = parse_turtle(data) if isinstance(data, str) else data
        return run_validation(graph + ontology_graph, shapes_graph)

    return _validate


@pytest.fixture(scope="session")
def variant() -> Callable[..., Graph]:
    """Build an example from a valid one: remove the ``drop`` triples, then add ``add``.

    Every triple of ``drop`` must be in the base example, so that a typo cannot turn an
    invalid example silently into the valid one.
    """

    def _variant(base: str, drop: str = "", add: str = "") -> Graph:
        graph = parse_turtle(base)
        removed = parse_turtle(drop)
        missing = [triple for triple in removed if triple not in graph]
        assert not missing, f"triples to drop are not in the base example: {missing}"
        for triple in removed:
            graph.remove(triple)
        for triple in parse_turtle(add):
            graph.add(triple)
        return graph

    return _variant


@pytest.fixture(scope="session")
def assert_reported(shapes_graph: Graph) -> Callable[..., None]:
    """Check that the results come from exactly the expected shapes, foci and severities.

    ``expected`` holds (source shape, focus node, severity) triples. Each reported result
    must also carry the business message written on its shape.
    """

    def _assert(results: Iterable[Result], *expected: tuple[Node, Node, Node]) -> None:
        results = list(results)
        reported = {(r.source_shape, r.focus, r.severity) for r in results}
        assert reported == set(expected), "\n".join(
            f"{r.severity} {r.source_shape} focus={r.focus} path={r.path}: {r.message}"
            for r in results
        )
        for result in results:
            written = shapes_graph.value(result.source_shape, SH.message)
            assert written is not None
            # A message template's {?var} is filled with the result's value (SHACL §5.3.2).
            parts = re.split(r"\{[?$]\w+\}", str(written))
            pattern = ".+".join(map(re.escape, parts))
            assert re.fullmatch(pattern, result.message), result.message

    return _assert
