"""Fixtures of the compiled SHACL validator's tests: both validators on the CKM shapes.

pySHACL (:class:`kg.validation.ShapesValidator`) is the reference; a differential test
asserts that the compiled validator returns the same report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import astuple

import pytest
from rdflib import Graph
from rdflib.term import Identifier

from kg.resources import ONTOLOGY_TTL
from kg.shacl import CompiledValidator
from kg.validation import ShapesValidator, ValidationReport, ValidationResult

ALTERNATIVE_PATH = "<alternative path>"


def comparable(report: ValidationReport) -> list[ValidationResult]:
    """The results with alternative paths named alike (the one documented difference).

    pySHACL names an alternative path by a blank node label that changes between runs;
    the compiled validator writes ``p|^q``. Every other field must be equal.
    """
    results = []
    for r in report.results:
        if r.path is not None and (":" not in r.path or "|" in r.path):
            r = ValidationResult(
                r.severity, r.focus_node, ALTERNATIVE_PATH, r.value, r.message,
                r.source_shape, r.constraint,
            )  # fmt: skip
        results.append(r)
    return sorted(results, key=lambda r: tuple(field or "" for field in astuple(r)))


@pytest.fixture(scope="session")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_TTL, format="turtle")


@pytest.fixture(scope="session")
def reference(ontology: Graph) -> ShapesValidator:
    return ShapesValidator(ontology=ontology)


@pytest.fixture(scope="session")
def compiled(ontology: Graph) -> CompiledValidator:
    return CompiledValidator(ontology=ontology)


Compare = Callable[..., list[ValidationResult]]


@pytest.fixture(scope="session")
def same_report(reference: ShapesValidator, compiled: CompiledValidator) -> Compare:
    """Validate with both; assert equal reports; return the (comparable) results."""

    def _compare(
        triples: Iterable[tuple], focus: Iterable[Identifier] | None = None
    ) -> list[ValidationResult]:
        triples = set(triples)
        focus = None if focus is None else set(focus)
        expected = comparable(reference.validate_triples(triples, focus))
        actual = comparable(compiled.validate_triples(triples, focus))
        assert actual == expected, _difference(expected, actual)
        return actual

    return _compare


def _difference(expected: list[ValidationResult], actual: list[ValidationResult]) -> str:
    missing = "\n".join(f"  - {r}" for r in expected if r not in actual)
    extra = "\n".join(f"  + {r}" for r in actual if r not in expected)
    return f"compiled validator differs from pySHACL:\nmissing:\n{missing}\nextra:\n{extra}"
