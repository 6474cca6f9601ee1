"""SHACL validation by compiled SPARQL on an in-memory Oxigraph store.

:class:`CompiledValidator` has the interface and the results of
:class:`kg.validation.ShapesValidator` (pySHACL). The shapes are compiled once
(:mod:`kg.shacl.compiler`); each thread keeps its own store holding the ontology, and a
validation writes the data into a named graph, runs the compiled queries (the focus
nodes of every target, then the violations of every constraint) and clears it again.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal
from rdflib.namespace import SH
from rdflib.term import Identifier, Node, URIRef

from kg.resources import SHAPES_TTL
from kg.shacl import terms
from kg.shacl.compiled import AUX_GRAPH, FOCUS, GROUP, ONTOLOGY_AUX_GRAPH, CompiledShapes
from kg.shacl.compiler import compile_shapes
from kg.shacl.datatypes import WELL_TYPED, datatypes_matched
from kg.validation import ValidationReport, ValidationResult, result_order

_DATA = ox.NamedNode("urn:ckm:shacl:data")
_AUX = ox.NamedNode(AUX_GRAPH)
_ONTOLOGY_AUX = ox.NamedNode(ONTOLOGY_AUX_GRAPH)
_WELL_TYPED = ox.NamedNode(WELL_TYPED)
_FOCUS = ox.NamedNode(FOCUS)


class CompiledValidator:
    """Validates data against the CKM shapes (or any shapes file) and an ontology.

    Same interface and same reports as :class:`kg.validation.ShapesValidator`, except
    the text of an alternative path (see :func:`kg.shacl.paths.path_text`).

    Raises:
        UnsupportedShape: (at construction) the shapes use a feature not compiled.
    """

    def __init__(self, shapes_file: Path = SHAPES_TTL, ontology: Graph | None = None) -> None:
        shapes = Graph().parse(shapes_file, format="turtle")
        self._compiled: CompiledShapes = compile_shapes(shapes)
        self._datatypes = frozenset(
            d for d in shapes.objects(None, SH.datatype) if isinstance(d, URIRef)
        )
        self._ontology = list(ontology) if ontology is not None else []
        self._local = threading.local()

    def _store(self) -> ox.Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = ox.Store()
            encode = _Encoder()
            store.extend(ox.Quad(*encode.triple(t), ox.DefaultGraph()) for t in self._ontology)
            store.extend(self._markers(encode.literals, _ONTOLOGY_AUX))
            self._local.store = store
        return store

    def validate_triples(
        self, triples: Iterable[tuple], focus: Iterable[Identifier] | None = None
    ) -> ValidationReport:
        """Validate ``triples`` together with the ontology given at construction.

        The store is left as it was, also when this raises.
        """
        return self._run(triples, focus, [ox.DefaultGraph(), _DATA])

    def validate(self, data: Graph, focus: Iterable[Identifier] | None = None) -> ValidationReport:
        """Validate ``data`` as it is (it must already hold the ontology facts the
        shapes read); ``data`` is only read.

        Args:
            focus: when given, only results about these nodes are reported.
        """
        return self._run(data, focus, [_DATA])

    def _run(
        self, triples: Iterable[tuple], focus: Iterable[Identifier] | None, default: list
    ) -> ValidationReport:
        store = self._store()
        encode = _Encoder()
        try:
            store.extend(ox.Quad(*encode.triple(t), _DATA) for t in triples)
            store.extend(self._markers(encode.literals, _AUX))
            # As ShapesValidator: a focus is matched as an IRI (a blank node never is).
            wanted = None if focus is None else {_iri(f) for f in focus if isinstance(f, URIRef)}
            focus_quads = list(self._focus_quads(store, default, wanted))
            store.extend(focus_quads)
            groups = {int(q.subject.value.removeprefix(GROUP)) for q in focus_quads}
            results = {
                result
                for group, query in self._compiled.queries
                if group in groups
                for result in self._results(store.query(query, default_graph=default))
            }
        finally:
            store.clear_graph(_DATA)
            store.clear_graph(_AUX)
        return ValidationReport(tuple(sorted(results, key=result_order)))

    def _markers(self, literals: dict[Literal, ox.Literal], graph: ox.NamedNode) -> Iterator:
        names = {d: ox.NamedNode(d) for d in self._datatypes}
        for literal, stored in literals.items():
            for datatype in datatypes_matched(literal, self._datatypes):
                yield ox.Quad(_WELL_TYPED, names[datatype], stored, graph)

    def _focus_quads(self, store: ox.Store, default: list, wanted: set | None) -> Iterator:
        """The focus nodes of each target group, as quads of the auxiliary graph."""
        by_target: dict[int, list] = {}
        for row in store.query(self._compiled.target_query, default_graph=default):
            this = row["this"]
            if wanted is None or this in wanted:
                by_target.setdefault(int(row["t"].value), []).append(this)
        for index, group in enumerate(self._compiled.groups):
            name = ox.NamedNode(f"{GROUP}{index}")
            nodes = {node for target in group for node in by_target.get(target, ())}
            for node in nodes:
                yield ox.Quad(name, _FOCUS, node, _AUX)

    def _results(self, rows) -> Iterator[ValidationResult]:
        constraints = self._compiled.constraints
        for row in rows:
            constraint = constraints[int(row["_k"].value)]
            this, value, path = row["this"], row["value"], row["path"]
            if constraint.check is not None:
                other = row["_other"]
                decoded_other = None if other is None else terms.decoded(other)
                if not constraint.check(terms.decoded(value), decoded_other):
                    continue
            if value is None and constraint.templated and constraint.path is None:
                value = this  # a SPARQL result on a node shape is about the focus node
            bindings = {"this": this.value}
            if value is not None:
                bindings["value"] = value.value
            if path is not None:
                bindings["path"] = path.value
            yield ValidationResult(
                severity=constraint.severity,
                focus_node=this.value,
                path=path.value if path is not None else constraint.path,
                value=None if value is None else value.value,
                message=constraint.message(bindings),
                source_shape=constraint.shape,
                constraint=constraint.component,
            )


def _iri(node: URIRef) -> ox.NamedNode:
    return ox.NamedNode(str(node))


class _Encoder:
    """Converts rdflib triples to stored terms once per distinct term; keeps the literals."""

    def __init__(self) -> None:
        self._terms: dict[Node, terms.OxTerm] = {}
        self.literals: dict[Literal, ox.Literal] = {}

    def term(self, term: Node) -> terms.OxTerm:
        stored = self._terms.get(term)
        if stored is None:
            stored = self._terms[term] = terms.stored(term)
            if isinstance(term, Literal):
                self.literals[term] = stored  # type: ignore[assignment]
        return stored

    def triple(self, triple: tuple) -> tuple[terms.OxTerm, terms.OxTerm, terms.OxTerm]:
        s, p, o = triple
        return self.term(s), self.term(p), self.term(o)
