"""The reference engine: pySHACL (SHACL Core §4 and SHACL-SPARQL §5-6, plus SHACL-AF),
behind the :class:`~kg.validation.protocol.Validator` face; its W3C report (§3.6) read
back into results.

pySHACL keeps state on the shapes graph, so each thread validates with its own copy;
the copies keep the blank node labels of the one shapes graph read at start, so a
result names a blank-node shape exactly as the compiled engine names it. The report is
read back into :class:`~kg.validation.report.ValidationResult` values with exact RDF
terms, one per ``sh:result`` (two equal results stay two, as SHACL reports them).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import pyshacl
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import Identifier, Node

import kg.sparql_parser_lock  # noqa: F401  (rdflib's SPARQL parser, thread-safe)
from kg.resources import SHAPES_TTL
from kg.validation.property_paths import IllFormedPath, read_path
from kg.validation.report import ResultTerms, ValidationReport, ValidationResult, sorted_results
from kg.validation.shapes import load_shapes

# The pySHACL-compatible ``validate`` function an engine calls (pySHACL's own, or
# pyshacl-turbo's: see kg.validation.turbo).
ValidateFunction = Callable[..., tuple]


class ShapesValidator:
    """Validates data against the CKM shapes (or any shapes) and an ontology, with
    pySHACL.

    Raises:
        InvalidShapes: (at construction) a shapes file that does not parse or is not a
            well-formed shapes graph.
    """

    engine: ValidateFunction = staticmethod(pyshacl.validate)  # type: ignore[assignment]

    def __init__(
        self,
        shapes_file: Path | Sequence[Path] = SHAPES_TTL,
        ontology: Graph | None = None,
        *,
        shapes: Graph | None = None,
    ) -> None:
        self._shapes_graph = shapes if shapes is not None else load_shapes(shapes_file)
        self._shapes_triples = list(self._shapes_graph)
        self._ontology = list(ontology) if ontology is not None else []
        self._local = threading.local()

    def _shapes(self) -> Graph:
        shapes = getattr(self._local, "shapes", None)
        if shapes is None:
            shapes = Graph()
            for prefix, namespace in self._shapes_graph.namespaces():
                shapes.bind(prefix, namespace)
            for triple in self._shapes_triples:  # same terms, same blank node labels
                shapes.add(triple)
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
        """Validate ``triples`` together with the ontology given at construction.

        The thread's working graph is left as it was, also when this raises.
        """
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
        _conforms, report_graph, _text = self.engine(
            data,
            shacl_graph=self._shapes(),
            inference="none",
            advanced=True,
            allow_warnings=True,
            inplace=True,
        )
        wanted = None if focus is None else {str(node) for node in focus}
        results = [
            r for r in report_results(report_graph) if wanted is None or r.focus_node in wanted
        ]
        return ValidationReport(sorted_results(results))


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


def report_results(report: Graph) -> list[ValidationResult]:
    """The top-level results of a W3C ``sh:ValidationReport`` graph, with their terms.

    Nested results (``sh:detail``) explain a result; they are not one.
    """
    results = []
    for top in report.subjects(RDF.type, SH.ValidationReport):
        for node in report.objects(top, SH.result):
            results.append(_result(report, node))
    return results


def _result(report: Graph, node: Node) -> ValidationResult:
    messages = tuple(m for m in report.objects(node, SH.resultMessage) if isinstance(m, Literal))
    severity = report.value(node, SH.resultSeverity)
    terms = ResultTerms(
        focus=report.value(node, SH.focusNode),
        value=report.value(node, SH.value),
        path=_path(report, report.value(node, SH.resultPath)),
        shape=report.value(node, SH.sourceShape),
        severity=severity if isinstance(severity, URIRef) else SH.Violation,
        component=report.value(node, SH.sourceConstraintComponent),
        source_constraint=report.value(node, SH.sourceConstraint),
        messages=messages,
    )
    return ValidationResult.of(terms)


def _path(report: Graph, node: Node | None):
    if node is None or isinstance(node, Literal):
        return None
    try:
        return read_path(report, node)
    except IllFormedPath:
        return None
