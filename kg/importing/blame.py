"""Which file, row and column a SHACL violation comes from.

The focus node of a result is an imported subject (the rows it came from are traced),
or else its value is (a stored resource broken by an imported one). The column is the
one the mapping fills the result's path from; a result without a path (a rule over the
whole node) names the columns behind every property its shape reads.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from kg.importing.changes import Materialised
from kg.importing.plan import MappingPlan
from kg.importing.report import RowProblem
from kg.importing.sources import SourceTable
from kg.resources import SHAPES_TTL
from kg.validation import ValidationResult
from kg.vocab import CKMSH

Row = tuple[str, int]  # (source name, row number)


@dataclass
class Blame:
    """Violations tied to rows, and those tied to none."""

    by_row: dict[Row, list[RowProblem]]
    unattributed: list[RowProblem]


def blame(
    violations: list[ValidationResult],
    found: Materialised,
    plan: MappingPlan,
    tables: dict[str, SourceTable],
) -> Blame:
    """Tie each violation to the rows (and columns) it comes from.

    Args:
        tables: the source tables read, by source name (for the cells' values).
    """
    result = Blame({}, [])
    for violation in violations:
        focus, value = URIRef(violation.focus_node), _iri(violation.value)
        rule = _curie(violation.source_shape)
        if focus in found.rows:
            made, message = found.rows[focus], violation.message
            predicates = _predicates_of(violation)
        elif value is not None and value in found.rows:
            made, message = found.rows[value], f"{violation.message} (on {focus})"
            predicates = set()
        else:
            result.unattributed.append(
                RowProblem("", None, None, violation.value, rule, f"{focus}: {violation.message}")
            )
            continue
        for mapping, row in sorted(made):
            triples_map = plan.maps[mapping]
            columns = [c for p in sorted(predicates) for c in triples_map.columns_for(p)]
            table = tables[triples_map.source]
            cell = table.cell(row, columns[0]) if columns else violation.value
            problem = RowProblem(
                table.label, row, ", ".join(dict.fromkeys(columns)) or None, cell, rule, message
            )
            result.by_row.setdefault((triples_map.source, row), []).append(problem)
    return result


def _predicates_of(violation: ValidationResult) -> set[URIRef]:
    """The predicates whose columns a violation is about: its path's first step, or
    every property the shape reads when the rule has no path or a complex one."""
    path = violation.path or ""
    first = next((p for p in _all_paths() if path.startswith(str(p))), None)
    if first is not None:
        return {first}
    # no path, or one that is no plain sequence (an alternative…): the shape's properties
    return set(_read_by_shape(URIRef(violation.source_shape)))


@functools.cache
def _shapes() -> Graph:
    return Graph().parse(SHAPES_TTL, format="turtle")


@functools.cache
def _all_paths() -> tuple[URIRef, ...]:
    """Every predicate a shape path uses, longest first (so a prefix never shadows)."""
    shapes = _shapes()
    found = set().union(*(_path_iris(shapes, p) for p in shapes.objects(None, SH.path)))
    return tuple(sorted(found, key=lambda p: -len(str(p))))


@functools.cache
def _read_by_shape(shape: URIRef) -> frozenset[URIRef]:
    """The predicates on the paths of ``shape`` and of the anonymous shapes inside it."""
    shapes = _shapes()
    found: set[URIRef] = set()
    pending: list[Node] = [shape]
    while pending:
        node = pending.pop()
        for predicate, obj in shapes.predicate_objects(node):
            if predicate == SH.path:
                found |= _path_iris(shapes, obj)
            elif isinstance(obj, BNode):
                pending.append(obj)
    return frozenset(found)


def _path_iris(shapes: Graph, path: Node) -> set[URIRef]:
    """The predicates in a SHACL path expression (sequences, inverses, alternatives)."""
    if isinstance(path, URIRef):
        return set() if path == RDF.nil else {path}
    return set().union(*(_path_iris(shapes, o) for o in shapes.objects(path, None)))


def _iri(text: str | None) -> URIRef | None:
    return URIRef(text) if text and ":" in text and " " not in text else None


def _curie(iri: str) -> str:
    return "ckmsh:" + iri[len(str(CKMSH)) :] if iri.startswith(str(CKMSH)) else iri
