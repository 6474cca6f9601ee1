"""SHACL validation by compiled SPARQL on an in-memory Oxigraph store (SHACL §3).

:class:`CompiledValidator` has the interface of every
:class:`~kg.validation.protocol.Validator`. The shapes are compiled once
(:mod:`kg.validation.compiled.compiler`); each thread keeps its own store holding the
ontology, and a validation writes the data into a named graph, runs the compiled
queries (the focus nodes of every target, then the violations of every constraint) and
clears it again. The roots the compiler does not translate are validated by the
reference engine (pySHACL) on the same data, in the same call.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal
from rdflib.namespace import RDF, SH
from rdflib.term import Identifier, Node, URIRef

from kg.resources import SHAPES_TTL
from kg.validation.compiled import terms
from kg.validation.compiled.compiled import (
    AUX_GRAPH,
    FOCUS,
    GROUP,
    ONTOLOGY_AUX_GRAPH,
    PREBOUND_GRAPH,
    SHAPES_GRAPH,
    SINGLE_GROUP,
    CompiledShapes,
    PreboundQuery,
    Reporting,
)
from kg.validation.compiled.compiler import compile_shapes
from kg.validation.compiled.datatypes import WELL_TYPED, datatypes_matched
from kg.validation.compiled.shape_view import TARGET_PREDICATES, ShapesView
from kg.validation.reference import ShapesValidator
from kg.validation.report import (
    ResultTerms,
    ValidationReport,
    ValidationResult,
    sorted_results,
    term_key,
)
from kg.validation.shapes import load_shapes

_DATA = ox.NamedNode("urn:ckm:shacl:data")
_AUX = ox.NamedNode(AUX_GRAPH)
_ONTOLOGY_AUX = ox.NamedNode(ONTOLOGY_AUX_GRAPH)
_PREBOUND = ox.NamedNode(PREBOUND_GRAPH)
_SHAPES = ox.NamedNode(SHAPES_GRAPH)
_WELL_TYPED = ox.NamedNode(WELL_TYPED)
_VALUE_OF = ox.NamedNode(terms.VALUE_OF)
_TWIN_OF = ox.NamedNode(terms.TWIN_OF)
_FOCUS = ox.NamedNode(FOCUS)
_SINGLE = ox.NamedNode(SINGLE_GROUP)
# What a SHACL-SPARQL query may read with GRAPH: the shapes graph ($shapesGraph), and
# the validator's graphs its rewritten text reads the pre-bound values from.
_QUERY_GRAPHS = [_AUX, _PREBOUND, _SHAPES]


class CompiledValidator:
    """Validates data against the CKM shapes (or any shapes) and an ontology.

    Attributes:
        fallback: the shapes with targets that the reference engine validates, each
            with the reason the compiler gave (empty for the CKM shapes).

    Raises:
        InvalidShapes: (at construction) a shapes file that does not parse or is not a
            well-formed shapes graph.
    """

    def __init__(
        self,
        shapes_file: Path | Sequence[Path] = SHAPES_TTL,
        ontology: Graph | None = None,
        *,
        shapes: Graph | None = None,
    ) -> None:
        self._shapes = shapes if shapes is not None else load_shapes(shapes_file)
        self._compiled = self._compile_checked()
        self.fallback = dict(self._compiled.fallback)
        self._datatypes = frozenset(
            d for d in self._shapes.objects(None, SH.datatype) if isinstance(d, URIRef)
        )
        self._ontology = list(ontology) if ontology is not None else []
        self._reads_shapes = any(q.reads_shapes_graph for q in self._compiled.prebound)
        self._reference = (
            ShapesValidator(
                ontology=ontology, shapes=_reference_shapes(self._shapes, self.fallback)
            )
            if self.fallback
            else None
        )
        self._local = threading.local()

    def _compile_checked(self) -> CompiledShapes:
        """Compile, then leave to the reference engine every root whose rewritten
        SHACL-SPARQL query Oxigraph does not accept (rdflib, pySHACL's engine, did)."""
        excluded: dict[Node, str] = {}
        while True:
            compiled = compile_shapes(self._shapes, excluded)
            store = ox.Store()
            refused = {}
            for query in compiled.prebound:
                try:
                    store.query(query.text, named_graphs=_QUERY_GRAPHS)
                    store.query(query.single_text, named_graphs=_QUERY_GRAPHS)
                except SyntaxError as error:
                    refused[query.root] = f"Oxigraph cannot run its SPARQL: {error}"
            if not refused:
                return compiled
            excluded.update(refused)

    def _store(self) -> ox.Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = ox.Store()
            encode = _Encoder()
            store.extend(ox.Quad(*encode.triple(t), ox.DefaultGraph()) for t in self._ontology)
            store.extend(self._markers(encode.literals, _ONTOLOGY_AUX))
            store.extend(
                ox.Quad(*encode.triple(q), _PREBOUND) for q in self._compiled.prebound_quads
            )
            if self._reads_shapes:
                store.extend(ox.Quad(*encode.triple(t), _SHAPES) for t in self._shapes)
            self._local.store = store
        return store

    def validate_triples(
        self, triples: Iterable[tuple], focus: Iterable[Identifier] | None = None
    ) -> ValidationReport:
        """Validate ``triples`` together with the ontology given at construction.

        The store is left as it was, also when this raises.
        """
        triples = list(triples)
        report = self._run(triples, focus, [ox.DefaultGraph(), _DATA])
        if self._reference is None:
            return report
        return _merged(report, self._reference.validate_triples(triples, focus))

    def validate(self, data: Graph, focus: Iterable[Identifier] | None = None) -> ValidationReport:
        """Validate ``data`` as it is (it must already hold the ontology facts the
        shapes read); ``data`` is only read.

        Args:
            focus: when given, only results about these nodes are reported.
        """
        report = self._run(data, focus, [_DATA])
        if self._reference is None:
            return report
        return _merged(report, self._reference.validate(data, focus))

    def _run(
        self, triples: Iterable[tuple], focus: Iterable[Identifier] | None, default: list
    ) -> ValidationReport:
        store = self._store()
        encode = _Encoder()
        try:
            store.extend(ox.Quad(*encode.triple(t), _DATA) for t in triples)
            store.extend(self._markers(encode.literals, _AUX))
            # A focus is matched as an IRI (a blank node never is), as by the reference.
            wanted = None if focus is None else {_iri(f) for f in focus if isinstance(f, URIRef)}
            by_group = self._focus_nodes(store, default, wanted)
            store.extend(
                ox.Quad(ox.NamedNode(f"{GROUP}{group}"), _FOCUS, node, _AUX)
                for group, nodes in by_group.items()
                for node in nodes
            )
            results = list(self._core_results(store, default, set(by_group)))
            for query in self._compiled.prebound:
                if query.group in by_group:
                    results.extend(self._prebound_results(store, default, query, by_group))
        finally:
            store.clear_graph(_DATA)
            store.clear_graph(_AUX)
        if wanted is not None:
            names = {node.value for node in wanted}
            results = [r for r in results if r.focus_node in names]
        return ValidationReport(sorted_results(results))

    def _markers(
        self, literals: dict[tuple, tuple[Literal, ox.Literal]], graph: ox.NamedNode
    ) -> Iterator:
        names = {d: ox.NamedNode(d) for d in self._datatypes}
        for literal, stored in literals.values():
            node = ox.BlankNode()
            yield ox.Quad(node, _TWIN_OF, stored, graph)
            yield ox.Quad(node, _VALUE_OF, terms.twin(literal), graph)
            for datatype in datatypes_matched(literal, self._datatypes):
                yield ox.Quad(_WELL_TYPED, names[datatype], stored, graph)

    def _focus_nodes(self, store: ox.Store, default: list, wanted: set | None) -> dict[int, set]:
        """The focus nodes of each target group that has some."""
        by_target: dict[int, list] = {}
        for row in store.query(self._compiled.target_query, default_graph=default):
            this = row["this"]
            if wanted is None or this in wanted:
                by_target.setdefault(int(row["t"].value), []).append(this)
        by_group: dict[int, set] = {}
        for index, group in enumerate(self._compiled.groups):
            nodes = {node for target in group for node in by_target.get(target, ())}
            if nodes:
                by_group[index] = nodes
        return by_group

    def _core_results(
        self, store: ox.Store, default: list, groups: set[int]
    ) -> Iterator[ValidationResult]:
        constraints = self._compiled.constraints
        rows = {
            (int(row["_k"].value), row["this"], row["value"], row["path"], row["_other"])
            for group, query in self._compiled.queries
            if group in groups
            for row in store.query(query, default_graph=default)
        }
        for k, this, value, path, _other in rows:
            reporting = constraints[k].reporting
            reported_path = URIRef(path.value) if isinstance(path, ox.NamedNode) else None
            yield _result(reporting, this, value, reported_path, {})

    def _prebound_results(
        self, store: ox.Store, default: list, query: PreboundQuery, by_group: dict[int, set]
    ) -> Iterator[ValidationResult]:
        if query.batchable:
            yield from self._solutions(store, default, query, query.text)
            return
        for node in sorted(by_group[query.group], key=str):
            single = ox.Quad(_SINGLE, _FOCUS, node, _AUX)
            store.add(single)
            try:
                yield from list(self._solutions(store, default, query, query.single_text))
            finally:
                store.remove(single)

    def _solutions(
        self, store: ox.Store, default: list, query: PreboundQuery, text: str
    ) -> Iterator[ValidationResult]:
        solutions = store.query(text, default_graph=default, named_graphs=_QUERY_GRAPHS)
        names = [v.value for v in solutions.variables]
        for row in solutions:
            this = row["this"]
            if this is None:
                continue
            value = row["value"] if "value" in names else None
            if value is None and query.node_shape:
                value = this  # a result on a node shape is about the focus node
            path = row["path"] if "path" in names else None
            reported_path = URIRef(path.value) if isinstance(path, ox.NamedNode) else None
            bound = {name: terms.decoded(row[name]) for name in names if row[name] is not None}
            yield _result(query.reporting, this, value, reported_path, bound)


def _result(
    reporting: Reporting, this, value, path: URIRef | None, bindings: dict[str, Node]
) -> ValidationResult:
    focus = terms.decoded(this)
    decoded_value = None if value is None else terms.decoded(value)
    result_path = path if path is not None else reporting.path
    found: dict[str, Node] = {**bindings, "this": focus}
    if decoded_value is not None:
        found["value"] = decoded_value
    if path is not None:
        found["path"] = path
    result_terms = ResultTerms(
        focus=focus,
        value=decoded_value,
        path=result_path,
        shape=reporting.shape,
        severity=reporting.severity,
        component=reporting.component,
        source_constraint=reporting.source_constraint,
    )
    return ValidationResult.of(result_terms, reporting.message(found))


def _merged(compiled: ValidationReport, reference: ValidationReport) -> ValidationReport:
    return ValidationReport(sorted_results([*compiled.results, *reference.results]))


def _reference_shapes(shapes: Graph, fallback: dict[Node, str]) -> Graph:
    """The shapes graph the reference engine runs: the same shapes, with the targets of
    every root the compiled engine validates taken away (so only the fallback roots
    produce results; nested and referenced shapes stay as they are)."""
    view = ShapesView(shapes)
    compiled_roots = set(view.roots()) - set(fallback)
    reduced = Graph()
    for prefix, namespace in shapes.namespaces():
        reduced.bind(prefix, namespace)
    for triple in shapes:
        subject, predicate, obj = triple
        if subject in compiled_roots and (
            predicate in TARGET_PREDICATES or (predicate == RDF.type and view.is_metaclass(obj))
        ):
            continue
        reduced.add(triple)
    return reduced


def _iri(node: URIRef) -> ox.NamedNode:
    return ox.NamedNode(str(node))


class _Encoder:
    """Converts rdflib triples to stored terms once per distinct term (by RDF term
    identity, not rdflib's ``==``, which calls ``"none"^^xsd:boolean`` equal to
    ``"false"^^xsd:boolean``); keeps the literals."""

    def __init__(self) -> None:
        self._terms: dict[tuple, terms.OxTerm] = {}
        self.literals: dict[tuple, tuple[Literal, ox.Literal]] = {}

    def term(self, term: Node) -> terms.OxTerm:
        key = term_key(term)
        stored = self._terms.get(key)
        if stored is None:
            stored = self._terms[key] = terms.stored(term)
            if isinstance(term, Literal):
                self.literals[key] = (term, stored)  # type: ignore[assignment]
        return stored

    def triple(self, triple: tuple) -> tuple[terms.OxTerm, terms.OxTerm, terms.OxTerm]:
        s, p, o = triple
        return self.term(s), self.term(p), self.term(o)
