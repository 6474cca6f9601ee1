"""SHACL validation of what a write would leave in the graph, node by node.

The shapes are parsed once per thread (pySHACL keeps state on the shapes graph, so one
parsed copy is never shared between threads). A write is validated on the nodes it
touches, with the stored context those nodes' shapes look at; :func:`focus_nodes` and
:func:`context_query` say which nodes and which context.
"""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyshacl
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import Identifier

import kg.sparql_parser_lock  # noqa: F401  (rdflib's SPARQL parser, thread-safe)
from kg.resources import SHAPES_TTL

_SEVERITY_NAMES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True, order=True)
class ValidationResult:
    """One SHACL result: which node broke which rule, how badly, in plain words."""

    severity: str
    focus_node: str
    path: str | None
    value: str | None
    message: str
    source_shape: str
    constraint: str

    def as_dict(self) -> dict[str, str | None]:
        return {
            "severity": self.severity,
            "focusNode": self.focus_node,
            "resultPath": self.path,
            "value": self.value,
            "message": self.message,
            "sourceShape": self.source_shape,
            "constraint": self.constraint,
        }


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of validating a write; it conforms when it holds no Violation."""

    results: tuple[ValidationResult, ...] = field(default_factory=tuple)

    @property
    def conforms(self) -> bool:
        return not self.violations

    @property
    def violations(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity != "Violation"]

    def about(self, nodes: set) -> ValidationReport:
        """The results whose focus node is one of ``nodes``."""
        names = {str(node) for node in nodes}
        return ValidationReport(tuple(r for r in self.results if r.focus_node in names))

    def as_dict(self) -> dict:
        return {
            "conforms": self.conforms,
            "violations": len(self.violations),
            "warnings": sum(1 for r in self.results if r.severity == "Warning"),
            "infos": sum(1 for r in self.results if r.severity == "Info"),
            "results": [r.as_dict() for r in self.results],
        }

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), indent=2)

    def to_text(self) -> str:
        if not self.results:
            return "Conforms: no violations, no warnings."
        lines = [
            f"Conforms: {'yes' if self.conforms else 'NO'} "
            f"({len(self.violations)} violation(s), {len(self.warnings)} warning(s)/info(s))"
        ]
        for r in self.results:
            where = f" {r.path}" if r.path else ""
            value = f" value {r.value}" if r.value else ""
            lines.append(f"- {r.severity}: {r.focus_node}{where}{value}: {r.message}")
        return "\n".join(lines)

    def to_rdf(self) -> Graph:
        """The report as a W3C SHACL ``sh:ValidationReport`` graph."""
        graph = Graph()
        graph.bind("sh", SH)
        report = URIRef("urn:ckm:validation-report")
        graph.add((report, RDF.type, SH.ValidationReport))
        graph.add((report, SH.conforms, Literal(self.conforms)))
        for index, r in enumerate(self.results):
            node = URIRef(f"urn:ckm:validation-report:result:{index}")
            graph.add((report, SH.result, node))
            graph.add((node, RDF.type, SH.ValidationResult))
            graph.add((node, SH.focusNode, _term(r.focus_node)))
            graph.add((node, SH.resultSeverity, SH[r.severity]))
            graph.add((node, SH.resultMessage, Literal(r.message)))
            graph.add((node, SH.sourceShape, _term(r.source_shape)))
            graph.add((node, SH.sourceConstraintComponent, URIRef(r.constraint)))
            if r.path:
                graph.add((node, SH.resultPath, URIRef(r.path)))
            if r.value:
                graph.add((node, SH.value, _term(r.value)))
        return graph


def _term(text: str) -> Identifier:
    return URIRef(text) if ":" in text and " " not in text else Literal(text)


class ShapesValidator:
    """Validates data against the CKM shapes (or any shapes file) and an ontology.

    Each thread keeps its own parsed shapes and a working graph pre-loaded with the
    ontology; a validation adds the data to it and takes it out again afterwards.
    """

    def __init__(self, shapes_file: Path = SHAPES_TTL, ontology: Graph | None = None) -> None:
        self._shapes_text = shapes_file.read_text(encoding="utf-8")
        self._ontology = list(ontology) if ontology is not None else []
        self._local = threading.local()

    def _shapes(self) -> Graph:
        shapes = getattr(self._local, "shapes", None)
        if shapes is None:
            shapes = Graph().parse(data=self._shapes_text, format="turtle")
            self._local.shapes = shapes
        return shapes

    def _working_graph(self) -> Graph:
        working = getattr(self._local, "working", None)
        if working is None:
            working = _PreparedQueryGraph()
            for triple in self._ontology:
                working.add(triple)
            self._local.working = working
        return working

    def validate_triples(
        self, triples: Iterable[tuple], focus: Iterable[Identifier] | None = None
    ) -> ValidationReport:
        """Validate ``triples`` together with the ontology given at construction."""
        working = self._working_graph()
        added = [t for t in set(triples) if t not in working]
        for triple in added:
            working.add(triple)
        try:
            return self.validate(working, focus)
        finally:
            for triple in added:
                working.remove(triple)

    def validate(self, data: Graph, focus: Iterable[Identifier] | None = None) -> ValidationReport:
        """Validate ``data`` as it is (it must already hold the ontology facts the
        shapes read); pySHACL only reads it.

        Args:
            focus: when given, only results about these nodes are reported.
        """
        _conforms, report_graph, _text = pyshacl.validate(
            data,
            shacl_graph=self._shapes(),
            inference="none",
            advanced=True,
            allow_warnings=True,
            inplace=True,
        )
        wanted = None if focus is None else set(focus)
        results = [
            r for r in _results(report_graph) if wanted is None or URIRef(r.focus_node) in wanted
        ]
        return ValidationReport(tuple(sorted(set(results), key=result_order)))


class _PreparedQueryGraph(Graph):
    """A graph that parses each distinct SPARQL text once.

    pySHACL runs a SHACL-SPARQL constraint's query once per focus node with the same
    text (``$this`` is pre-bound); rdflib would parse it every time, which dominated
    bulk validation. Prepared queries are made for reuse with other bindings.
    """

    def query(self, query_object, *args, **kwargs):  # type: ignore[override]
        if isinstance(query_object, str):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


@functools.lru_cache(maxsize=256)
def _prepared(text: str):
    return prepareQuery(text)


def result_order(r: ValidationResult):
    return (r.severity != "Violation", r.severity, r.focus_node, r.path or "", r.message)


def _results(report: Graph) -> Iterable[ValidationResult]:
    # Only top-level results: nested ones (sh:detail) explain a result, they are not one.
    top = report.value(predicate=RDF.type, object=SH.ValidationReport)
    for node in report.objects(top, SH.result):
        severity = report.value(node, SH.resultSeverity)
        path = report.value(node, SH.resultPath)
        value = report.value(node, SH.value)
        messages = sorted(str(m) for m in report.objects(node, SH.resultMessage))
        yield ValidationResult(
            severity=_SEVERITY_NAMES.get(severity, str(severity)),
            focus_node=str(report.value(node, SH.focusNode)),
            path=_path_text(report, path),
            value=None if value is None else str(value),
            message=messages[0] if messages else "",
            source_shape=str(report.value(node, SH.sourceShape)),
            constraint=str(report.value(node, SH.sourceConstraintComponent)),
        )


def _path_text(report: Graph, path: Identifier | None) -> str | None:
    if path is None:
        return None
    if isinstance(path, URIRef):
        return str(path)
    # A complex path (sequence or inverse) is written as SPARQL path text.
    inverse = report.value(path, SH.inversePath)
    if inverse is not None:
        return f"^{_path_text(report, inverse)}"
    if report.value(path, RDF.first) is not None:
        from rdflib.collection import Collection

        return "/".join(_path_text(report, step) or "" for step in Collection(report, path))
    return str(path)
