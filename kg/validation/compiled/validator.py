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
from kg.store.oxterms import from_ox, to_ox
from kg.validation.compiled import terms
from kg.validation.compiled.compiled import (
    AUX_GRAPH,
    FOCUS,
    GROUP,
    NATURAL_AUX_GRAPH,
    NATURAL_DATA_GRAPH,
    NATURAL_ONTOLOGY_GRAPH,
    ONTOLOGY_AUX_GRAPH,
    PREBOUND_GRAPH,
    SHAPES_GRAPH,
    SINGLE_GROUP,
    CompiledShapes,
    PreboundQuery,
    Reporting,
)
from kg.validation.compiled.compiler import compile_shapes
from kg.validation.compiled.components import TRAIL
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
_NATURAL_DATA = ox.NamedNode(NATURAL_DATA_GRAPH)
_NATURAL_ONTOLOGY = ox.NamedNode(NATURAL_ONTOLOGY_GRAPH)
_NATURAL_AUX = ox.NamedNode(NATURAL_AUX_GRAPH)
_PREBOUND = ox.NamedNode(PREBOUND_GRAPH)
_SHAPES = ox.NamedNode(SHAPES_GRAPH)
_WELL_TYPED = ox.NamedNode(WELL_TYPED)
_VALUE_OF = ox.NamedNode(terms.VALUE_OF)
_TWIN_OF = ox.NamedNode(terms.TWIN_OF)
_FOCUS = ox.NamedNode(FOCUS)
_SINGLE = ox.NamedNode(SINGLE_GROUP)
# What a SHACL-SPARQL query may read with GRAPH: the shapes graph ($shapesGraph), and
# the validator's graphs its rewritten text reads the pre-bound values from.
_QUERY_GRAPHS = [_NATURAL_AUX, _PREBOUND, _SHAPES]
# Triples in one validation past which the thread's store is made again afterwards.
LARGE_RUN = 20_000


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
        self._base_lock = threading.Lock()
        self._base: list[ox.Quad] | None = None

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
        """This thread's store, holding the ontology (the write road's)."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = self._new_store(self._ontology)
        return store

    def _new_store(self, ontology: list) -> ox.Store:
        store = ox.Store()
        store.extend(self._base_quads() if ontology is self._ontology else _encoded(self, ontology))
        return store

    def prepare(self) -> None:
        """Encode the quads every validation store starts from (else the first
        validation in each process does it)."""
        self._base_quads()

    def _base_quads(self) -> list[ox.Quad]:
        """The quads every thread's store starts from, encoded once: a fresh thread
        (the server's thread pool has 40) got its store in 4 s of Python encoding with
        the 2.0.0 ontology, and eight writers behind one such thread waited 10 s."""
        with self._base_lock:
            if self._base is None:
                self._base = list(_encoded(self, self._ontology))
            return self._base

    def validate_triples(
        self, triples: Iterable[tuple], focus: Iterable[Identifier] | None = None
    ) -> ValidationReport:
        """Validate ``triples`` together with the ontology given at construction.

        The store is left as it was, also when this raises.
        """
        triples = list(triples)
        report = self._run(self._store(), triples, focus, with_ontology=True)
        if len(triples) > LARGE_RUN:
            # Oxigraph's in-memory store keeps versions of what was removed: after a big
            # validation every later query on it was ~5x slower (bench/validators.py).
            self._local.store = None
        if self._reference is None:
            return report
        return _merged(report, self._reference.validate_triples(triples, focus))

    def validate(self, data: Graph, focus: Iterable[Identifier] | None = None) -> ValidationReport:
        """Validate ``data`` as it is (it must already hold the ontology facts the
        shapes read); ``data`` is only read.

        Args:
            focus: when given, only results about these nodes are reported.
        """
        # A store of its own: a whole graph would slow the write road's (see above).
        report = self._run(self._new_store([]), data, focus, with_ontology=False)
        if self._reference is None:
            return report
        return _merged(report, self._reference.validate(data, focus))

    def _run(
        self,
        store: ox.Store,
        triples: Iterable[tuple],
        focus: Iterable[Identifier] | None,
        with_ontology: bool,
    ) -> ValidationReport:
        encode = _Encoder()
        default = [ox.DefaultGraph(), _DATA] if with_ontology else [_DATA]
        natural_default = [_NATURAL_ONTOLOGY, _NATURAL_DATA] if with_ontology else [_NATURAL_DATA]
        try:
            triples = list(triples)
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
            results = list(self._core_results(store, default, set(by_group), encode))
            queries = [q for q in self._compiled.prebound if q.group in by_group]
            if queries:
                store.extend(ox.Quad(*encode.natural_triple(t), _NATURAL_DATA) for t in triples)
                natural_groups = {
                    group: {encode.natural(encode.written(node)) for node in nodes}
                    for group, nodes in by_group.items()
                }
                store.extend(
                    ox.Quad(ox.NamedNode(f"{GROUP}{group}"), _FOCUS, node, _NATURAL_AUX)
                    for group, nodes in natural_groups.items()
                    for node in nodes
                )
                for query in queries:
                    results.extend(
                        self._prebound_results(
                            store, natural_default, query, natural_groups, encode
                        )
                    )
        finally:
            for graph in (_DATA, _AUX, _NATURAL_DATA, _NATURAL_AUX):
                store.clear_graph(graph)
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
        self, store: ox.Store, default: list, groups: set[int], encode: _Encoder
    ) -> Iterator[ValidationResult]:
        constraints = self._compiled.constraints
        # One result per constraint, focus node, value, path and trail: a row found
        # twice (a value reached by two alternatives of a path) is one result.
        rows = {
            (int(row["_k"].value), row["this"], row["value"], row["path"], *_details(row))
            for group, query in self._compiled.queries
            if group in groups
            for row in store.query(query, default_graph=default)
        }
        for k, this, value, path, *_detail in rows:
            reporting = constraints[k].reporting
            reported_path = URIRef(path.value) if isinstance(path, ox.NamedNode) else None
            decoded = None if value is None else encode.written(value)
            yield _result(reporting, encode.written(this), decoded, reported_path, {})

    def _prebound_results(
        self,
        store: ox.Store,
        default: list,
        query: PreboundQuery,
        by_group: dict[int, set],
        encode: _Encoder,
    ) -> Iterator[ValidationResult]:
        if query.batchable:
            yield from self._solutions(store, default, query, query.text, encode)
            return
        for node in sorted(by_group[query.group], key=str):
            single = ox.Quad(_SINGLE, _FOCUS, node, _NATURAL_AUX)
            store.add(single)
            try:
                yield from list(self._solutions(store, default, query, query.single_text, encode))
            finally:
                store.remove(single)

    def _solutions(
        self, store: ox.Store, default: list, query: PreboundQuery, text: str, encode: _Encoder
    ) -> Iterator[ValidationResult]:
        solutions = store.query(text, default_graph=default, named_graphs=_QUERY_GRAPHS)
        names = [v.value for v in solutions.variables]
        for row in solutions:
            bound = {name: encode.original(row[name]) for name in names if row[name] is not None}
            focus = bound.get("this")
            if focus is None:
                continue
            value = bound.get("value")
            if value is None and query.node_shape:
                value = focus  # a result on a node shape is about the focus node
            path = bound.get("path")
            yield _result(
                query.reporting, focus, value, path if isinstance(path, URIRef) else None, bound
            )


def _result(
    reporting: Reporting,
    focus: Node,
    value: Node | None,
    path: URIRef | None,
    bindings: dict[str, Node],
) -> ValidationResult:
    found: dict[str, Node] = {**bindings, "this": focus}
    if value is not None:
        found["value"] = value
    if path is not None:
        found["path"] = path
    result_terms = ResultTerms(
        focus=focus,
        value=value,
        path=path if path is not None else reporting.path,
        shape=reporting.shape,
        severity=reporting.severity,
        component=reporting.component,
        source_constraint=reporting.source_constraint,
        messages=reporting.messages_for(found),
    )
    return ValidationResult.of(result_terms)


def _details(row) -> tuple:
    """What tells two results with the same fields apart: the other value of a pair,
    the language of uniqueLang, the trail of a nested shape's focus node."""
    return (row["_other"], *(row[name[1:]] for name in TRAIL))


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


def _encoded(validator: CompiledValidator, ontology: list) -> Iterator[ox.Quad]:
    """The quads a validation store starts from: ``ontology`` (stored and natural
    encodings), its literals' markers, the pre-bound values and, when a query reads
    it, the shapes graph."""
    encode = _Encoder()
    yield from (ox.Quad(*encode.triple(t), ox.DefaultGraph()) for t in ontology)
    yield from validator._markers(encode.literals, _ONTOLOGY_AUX)
    if validator._compiled.prebound:
        yield from (ox.Quad(*encode.natural_triple(t), _NATURAL_ONTOLOGY) for t in ontology)
        yield from (
            ox.Quad(*encode.natural_triple(q), _PREBOUND)
            for q in validator._compiled.prebound_quads
        )
    if validator._reads_shapes:
        yield from (ox.Quad(*encode.natural_triple(t), _SHAPES) for t in validator._shapes)


def _iri(node: URIRef) -> ox.NamedNode:
    return ox.NamedNode(str(node))


class _Encoder:
    """Converts rdflib terms to stored terms once per distinct term (by RDF term
    identity, not rdflib's ``==``, which calls ``"none"^^xsd:boolean`` equal to
    ``"false"^^xsd:boolean``); keeps the literals, and which term each natural
    (Oxigraph-encoded) term stands for, so answers of SHACL-SPARQL queries name the
    terms as written."""

    def __init__(self) -> None:
        self._nodes: dict[Node, terms.OxTerm] = {}
        self._terms: dict[tuple, terms.OxTerm] = {}
        self._natural: dict[tuple, terms.OxTerm] = {}
        self._originals: dict[terms.OxTerm, Node] = {}
        self._written: dict[terms.OxTerm, Node] = {}
        self.literals: dict[tuple, tuple[Literal, ox.Literal]] = {}

    def term(self, term: Node) -> terms.OxTerm:
        if not isinstance(term, Literal):
            # IRIs and blank nodes: rdflib's == is RDF term identity for them.
            stored = self._nodes.get(term)
            if stored is None:
                stored = self._nodes[term] = terms.stored(term)
                self._written.setdefault(stored, term)
            return stored
        key = term_key(term)
        stored = self._terms.get(key)
        if stored is None:
            stored = self._terms[key] = terms.stored(term)
            self._written.setdefault(stored, term)
            self.literals[key] = (term, stored)  # type: ignore[assignment]
        return stored

    def written(self, term: terms.OxTerm) -> Node:
        """The term a stored term stands for, as the data wrote it."""
        found = self._written.get(term)  # not `or`: Literal(False) is falsy
        return terms.decoded(term) if found is None else found

    def natural(self, term: Node) -> terms.OxTerm:
        if not isinstance(term, Literal):
            return self.term(term)  # only literals are encoded two ways
        key = term_key(term)
        found = self._natural.get(key)
        if found is None:
            found = self._natural[key] = to_ox(term)
            self._originals.setdefault(found, term)
        return found

    def original(self, term: terms.OxTerm) -> Node:
        """The term a natural term stands for (the first written, when Oxigraph's
        encoding merges two lexical forms of one value)."""
        found = self._originals.get(term)  # not `or`: Literal(False) is falsy
        if found is None:
            found = self._written.get(term)
        return from_ox(term) if found is None else found

    def triple(self, triple: tuple) -> tuple[terms.OxTerm, terms.OxTerm, terms.OxTerm]:
        s, p, o = triple
        return self.term(s), self.term(p), self.term(o)

    def natural_triple(self, triple: tuple) -> tuple[terms.OxTerm, terms.OxTerm, terms.OxTerm]:
        s, p, o = triple
        return self.natural(s), self.natural(p), self.natural(o)
