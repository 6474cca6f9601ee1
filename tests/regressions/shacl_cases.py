"""Tiny SHACL cases for the regression tests: shapes and data as inline Turtle,
validated by the write road's engine (the factory KnowledgeGraph uses)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from rdflib import Graph, Namespace

from kg.config import Settings
from kg.validation import ValidationReport, Validator, load_shapes, validator_for

EX = Namespace("http://example.org/")
PREFIXES = """@prefix ex: <http://example.org/> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


def engine(shapes: str, kind: str = "compiled") -> Validator:
    """The engine ``kind`` on ``shapes`` (Turtle, the prefixes above declared).

    Raises:
        InvalidShapes: as the engine does for an unusable shapes file.
    """
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "shapes.ttl"
        path.write_text(PREFIXES + shapes, encoding="utf-8")
        return validator_for(Settings(validator=kind), None, shapes=load_shapes(path))


def report(shapes: str, data: str, kind: str = "compiled") -> ValidationReport:
    return engine(shapes, kind).validate(Graph().parse(data=PREFIXES + data, format="turtle"))


def found(shapes: str, data: str, kind: str = "compiled") -> list[tuple[str, str, str | None]]:
    """(focus, component, value) of each result, local names, sorted, duplicates kept."""
    rows = [
        (
            r.focus_node.removeprefix(str(EX)),
            r.constraint.removeprefix("http://www.w3.org/ns/shacl#")
            .removesuffix("ConstraintComponent")
            .removeprefix(str(EX)),
            None if r.value is None else r.value.removeprefix(str(EX)),
        )
        for r in report(shapes, data, kind).results
    ]
    return sorted(rows, key=repr)
