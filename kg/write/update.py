"""SPARQL 1.1 Update turned into a Delta, before anything is written.

rdflib's update engine evaluates the request against a read-through view of the store
that records what it would remove and add instead of writing it. Operations run in
lexical order and each sees the effect of the ones before it, as the specification
requires; the store itself is only read. Triples written without ``GRAPH`` go to the
data graph; the default graph read by ``WHERE`` is the union of all graphs; a triple
removed through the default graph is removed from every data graph holding it.
"""

from __future__ import annotations

import uuid
import warnings
from collections.abc import Iterator
from dataclasses import dataclass

import rdflib.plugins.sparql
from pyparsing import ParseException
from rdflib import ConjunctiveGraph, Graph
from rdflib.plugins.sparql import algebra
from rdflib.plugins.sparql.algebra import translateUpdate
from rdflib.plugins.sparql.parser import parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Update
from rdflib.plugins.sparql.update import evalUpdate
from rdflib.store import Store as RdflibStore
from rdflib.term import BNode, URIRef

import kg.sparql_parser_lock  # noqa: F401  (rdflib's SPARQL parser, thread-safe)
from kg.errors import UpdateRefused, UpdateSyntaxError
from kg.store.base import Quad, Store
from kg.store.parsing import skolem_base
from kg.vocab import DATA_GRAPH, SYSTEM_GRAPHS
from kg.write.delta import Delta, ensure_writable
from kg.write.state import WriteState

# rdflib would fetch USING/FROM graphs it does not hold from the web; they are read from
# the store instead, so an update can never make this server call out.
rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False


@dataclass(frozen=True)
class ParsedUpdate:
    """A SPARQL 1.1 Update request, parsed and checked, ready to be evaluated in the
    writer's turn on the state it will commit on."""

    update: Update
    base_iri: str

    def delta(self, state: WriteState) -> Delta:
        """The Delta the request applies to ``state``; nothing is written.

        Operations run in order, each seeing the effect of those before it.
        Raises:
            UpdateRefused: an operation fails as the specification says it must.
            ProtectedGraph: the request writes into a system graph.
        """
        recorder = _RecordingStore(state)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            dataset = ConjunctiveGraph(store=recorder, identifier=DATA_GRAPH)
        for operation in self.update.algebra:
            if operation.name == "Create":
                _create(recorder, operation)
                continue
            try:
                evalUpdate(dataset, Update(self.update.prologue, [_spelled_out(operation)]))
            except Exception as error:  # rdflib signals failed operations with Exception
                raise UpdateRefused(f"{operation.name}: {error}") from error
        delta = recorder.delta(skolem_base(self.base_iri))
        ensure_writable(delta.graphs())
        return delta


def parse_update(update_text: str, *, base_iri: str, allow_load: bool = False) -> ParsedUpdate:
    """Parse and check a SPARQL 1.1 Update request (no store is read).

    Raises:
        UpdateSyntaxError: the request does not parse.
        UpdateRefused: LOAD or SERVICE while not allowed.
    """
    try:
        update = translateUpdate(parseUpdate(update_text), base=base_iri)
    except ParseException as error:
        raise UpdateSyntaxError(f"line {error.lineno}, column {error.col}: {error.msg}") from error
    except Exception as error:  # rdflib raises bare exceptions for bad prefixes etc.
        raise UpdateSyntaxError(str(error)) from error
    for operation in update.algebra:
        _refuse_remote_access(operation, allow_load)
    return ParsedUpdate(update, base_iri)


def delta_from_update(
    state: WriteState | Store, update_text: str, *, base_iri: str, allow_load: bool = False
) -> Delta:
    """The Delta a SPARQL 1.1 Update request would apply to ``state``.

    Nothing is written. Raises:
        UpdateSyntaxError: the request does not parse.
        UpdateRefused: LOAD or SERVICE while not allowed, or an operation that fails.
        ProtectedGraph: the request writes into a system graph.
    """
    if not isinstance(state, WriteState):
        state = WriteState(state)
    return parse_update(update_text, base_iri=base_iri, allow_load=allow_load).delta(state)


def _refuse_remote_access(node: object, allow_load: bool) -> None:
    if isinstance(node, CompValue):
        if node.name == "Load" and not allow_load:
            raise UpdateRefused("LOAD is disabled on this server (it would fetch a URL)")
        if node.name == "ServiceGraphPattern":
            raise UpdateRefused("SERVICE is disabled on this server (it would call a URL)")
        children = node.values()
    elif isinstance(node, list | tuple):
        children = node
    else:
        return
    for child in children:
        _refuse_remote_access(child, allow_load)


def _spelled_out(operation: CompValue) -> CompValue:
    """``DELETE WHERE { P }`` as what it stands for, ``DELETE { P } WHERE { P }`` (SPARQL
    1.1 Update §3.1.3.3): rdflib's own evaluation of the short form looks ``GRAPH ?g``
    up as a graph named "g" and fails. Other operations are returned as they are."""
    if operation.name != "DeleteWhere":
        return operation
    where = algebra.BGP(operation.triples)
    for graph, triples in operation.quads.items():
        where = algebra.Join(where, algebra.Graph(graph, algebra.BGP(triples)))
    template = CompValue("DeleteClause", triples=operation.triples, quads=operation.quads)
    return CompValue(
        "Modify", delete=template, insert=None, using=None, withClause=None, where=where
    )


def _create(recorder: _RecordingStore, operation: CompValue) -> None:
    # A quad store has no empty graphs: CREATE succeeds unless the graph has triples.
    if recorder.graph_has_triples(operation.graphiri) and not operation.silent:
        raise UpdateRefused(f"CREATE: graph {operation.graphiri} already exists")


class _RecordingStore(RdflibStore):
    """An rdflib store that reads through to a kg Store and records writes."""

    context_aware = True
    graph_aware = True
    formula_aware = False
    transaction_aware = False

    def __init__(self, state: WriteState) -> None:
        super().__init__()
        self._store = state
        self.removed: set[Quad] = set()
        self.added: set[Quad] = set()
        self._namespaces: dict[str, URIRef] = {}

    # -- reads ---------------------------------------------------------------------------

    def _quads(self, pattern, graph: URIRef | None) -> Iterator[Quad]:
        subject, predicate, obj = pattern
        for quad in self._store.quads(subject, predicate, obj, graph):
            if quad not in self.removed:
                yield quad
        for quad in list(self.added):
            if all(
                want is None or want == have
                for want, have in zip((*pattern, graph), quad, strict=True)
            ):
                yield quad

    def triples(self, triple_pattern, context=None):
        graph = _graph_name(context)
        seen: dict = {}
        for s, p, o, g in self._quads(triple_pattern, graph):
            seen.setdefault((s, p, o), set()).add(g)
        for triple, graphs in seen.items():
            yield triple, iter([Graph(store=self, identifier=g) for g in sorted(graphs)])

    def __len__(self, context=None) -> int:
        return sum(1 for _ in self.triples((None, None, None), context))

    def contexts(self, triple=None):
        pattern = triple or (None, None, None)
        graphs = {g for _s, _p, _o, g in self._quads(pattern, None)}
        for graph in sorted(graphs):
            yield Graph(store=self, identifier=graph)

    def graph_has_triples(self, graph: URIRef) -> bool:
        return next(self._quads((None, None, None), graph), None) is not None

    # -- recorded writes -------------------------------------------------------------------

    def add(self, triple, context, quoted=False) -> None:
        quad = (*triple, _graph_name(context) or DATA_GRAPH)
        if quad in self.removed:
            self.removed.discard(quad)  # removed earlier in this request: just undone
        elif next(self._store.quads(*quad), None) is None:
            self.added.add(quad)

    def addN(self, quads) -> None:
        for s, p, o, context in quads:
            self.add((s, p, o), context)

    def remove(self, triple_pattern, context=None) -> None:
        graph = _graph_name(context)
        for quad in list(self._quads(triple_pattern, graph)):
            if graph is None and quad[3] in SYSTEM_GRAPHS:
                continue  # through the default graph only data graphs are written
            if quad in self.added:
                self.added.discard(quad)  # added earlier in this request: just undone
            else:
                self.removed.add(quad)

    def add_graph(self, graph) -> None:
        """Graphs exist by holding triples; nothing to record."""

    def remove_graph(self, graph) -> None:
        self.remove((None, None, None), graph)

    # -- namespaces (rdflib asks for them while evaluating) --------------------------------

    def bind(self, prefix, namespace, override=True, replace=False) -> None:
        self._namespaces[prefix] = URIRef(namespace)

    def namespace(self, prefix):
        return self._namespaces.get(prefix)

    def prefix(self, namespace):
        return next((p for p, n in self._namespaces.items() if n == namespace), None)

    def namespaces(self):
        yield from self._namespaces.items()

    def delta(self, genid: str) -> Delta:
        """What was recorded, blank nodes of inserted templates made skolem IRIs."""
        names: dict[BNode, URIRef] = {}

        def skolem(term):
            if isinstance(term, BNode):
                return names.setdefault(term, URIRef(genid + uuid.uuid4().hex))
            return term

        added = frozenset(tuple(skolem(t) for t in quad) for quad in self.added)
        return Delta(removed=frozenset(self.removed), added=added)


def _graph_name(context) -> URIRef | None:
    """The graph an rdflib context names; None for the union default graph."""
    if context is None or isinstance(context, ConjunctiveGraph):
        return None
    identifier = context.identifier if isinstance(context, Graph) else context
    if isinstance(identifier, BNode) or str(identifier) == "urn:x-rdflib:default":
        return DATA_GRAPH
    return URIRef(identifier)
