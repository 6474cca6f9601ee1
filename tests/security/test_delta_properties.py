"""Property: every SPARQL Update, Graph Store operation and payload, however odd, leaves
the store exactly as applying it and then validating the whole result would — or is
refused with nothing written.

The reference is independent of the code under test: Oxigraph's own SPARQL Update
engine applies the operation to a copy of the data graphs, and pySHACL validates the
whole result; the reference OWL 2 RL engine says whether the whole result is
consistent with the ontology. The system builds a Delta (rdflib's update algebra through a recording
store, the Graph Store and payload builders), validates only the nodes it touches, and
commits atomically. Hypothesis draws the operations; ``make stress`` draws many more.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef

from kg import KnowledgeGraph, ValidationRefused
from kg.errors import InconsistentWrite, ProtectedGraph, UpdateRefused
from kg.reasoning import ReferenceReasoner
from kg.store.base import DumpFormat
from kg.store.embedded import EmbeddedStore
from kg.store.oxterms import from_ox, quad_from_ox, quad_to_ox
from kg.store.parsing import syntax_named
from kg.vocab import DATA_GRAPH, PROVENANCE_GRAPH, SYSTEM_GRAPHS
from kg.write.delta import adding, from_payload
from tests.kg.conftest import EX, SMALL_TTL, turtle_delta

EXAMPLES = 400 if os.environ.get("CKM_STRESS") else 30
PROPERTY_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=not os.environ.get("CKM_STRESS"),
)

CKM = "https://w3id.org/ckm#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SUBJECTS = [URIRef(EX + name) for name in ("acme", "bella", "i42", "new1", "new2")]
PREDICATES = [URIRef(p) for p in (EX + "note", EX + "link", LABEL, CKM + "country")] + [
    URIRef(CKM + "customerRole"),
    URIRef(RDF_TYPE),
]
OBJECTS = [
    *SUBJECTS,
    Literal("LI"),
    Literal("a note"),
    URIRef(CKM + "Customer"),
    URIRef(CKM + "PassiveCustomerRole"),
    URIRef(CKM + "KnowledgePartnerRole"),
]
USER_GRAPHS = [DATA_GRAPH, URIRef(EX + "g1"), URIRef(EX + "g2")]

subjects, predicates, objects = (
    st.sampled_from(terms) for terms in (SUBJECTS, PREDICATES, OBJECTS)
)
user_graphs = st.sampled_from(USER_GRAPHS)
any_graphs = st.one_of(user_graphs, user_graphs, user_graphs, st.sampled_from([PROVENANCE_GRAPH]))
triples = st.lists(st.tuples(subjects, predicates, objects), min_size=1, max_size=4)


def _block(graph: URIRef, block: list[tuple]) -> str:
    return f"GRAPH {graph.n3()} {{ {' . '.join(' '.join(t.n3() for t in x) for x in block)} }}"


@st.composite
def update_operations(draw) -> str:
    """One SPARQL 1.1 Update operation over the user graphs (now and then a system one)."""
    graph, other = draw(user_graphs), draw(any_graphs)  # system graphs only as targets
    kind = draw(st.sampled_from(["insert", "delete", "modify", "where", "clear", "graphs"]))
    if kind == "insert":
        return f"INSERT DATA {{ {_block(other, draw(triples))} }}"
    if kind == "delete":
        return f"DELETE DATA {{ {_block(other, draw(triples))} }}"
    if kind == "modify":
        p, q = draw(predicates).n3(), draw(predicates).n3()
        return (
            f"DELETE {{ GRAPH {graph.n3()} {{ ?s {p} ?o }} }} "
            f"INSERT {{ GRAPH {other.n3()} {{ ?s {q} ?o }} }} "
            f"WHERE {{ GRAPH {graph.n3()} {{ ?s {p} ?o }} }}"
        )
    if kind == "where":
        return f"DELETE WHERE {{ GRAPH {graph.n3()} {{ {draw(subjects).n3()} ?p ?o }} }}"
    if kind == "clear":
        return f"{draw(st.sampled_from(['CLEAR', 'DROP']))} SILENT GRAPH {other.n3()}"
    verb = draw(st.sampled_from(["ADD", "COPY", "MOVE"]))
    return f"{verb} SILENT {graph.n3()} TO {other.n3()}"


updates = st.lists(update_operations(), min_size=1, max_size=3).map(" ;\n".join)


# -- the system and the reference -----------------------------------------------------


class Subject:
    """The system under test on an in-memory store, reset to small.ttl plus a few notes
    in the user graphs before each example."""

    def __init__(self) -> None:
        self.graph = KnowledgeGraph(EmbeddedStore(None))
        self.graph.install_ontology()
        notes = (
            f"<{EX}acme> <{EX}note> 'kept' . <{EX}new1> <{EX}link> <{EX}acme> ."
            f" GRAPH <{EX}g1> {{ <{EX}bella> <{EX}note> 'g1' . <{EX}i42> <{EX}link> <{EX}new2> }}"
        )
        self.graph.write(turtle_delta(SMALL_TTL.read_text()))
        self.graph.write(from_payload(notes, syntax_named("trig"), graph=DATA_GRAPH, base_iri=EX))
        self.snapshot = self.dump()

    def dump(self) -> bytes:
        buffer = io.BytesIO()
        self.graph.dump(buffer, DumpFormat.NQUADS)
        return buffer.getvalue()

    def reset(self) -> None:
        self.graph.restore(io.BytesIO(self.snapshot), DumpFormat.NQUADS)

    def data_quads(self) -> set[str]:
        return _data(quad_to_ox(q) for q in self.graph.quads())

    def reference(self) -> ox.Store:
        """Oxigraph's own store holding every graph as the system holds it now."""
        store = ox.Store()
        store.extend(quad_to_ox(q) for q in self.graph.quads())
        return store

    def conforms(self, reference: ox.Store) -> bool:
        """What validating the whole data of ``reference`` (with the ontology) says."""
        return self.graph._road.validator.validate_triples(_data_graph(reference)).accepted

    def consistent(self, reference: ox.Store) -> bool:
        """Whether the whole data of ``reference`` is consistent with the ontology
        (OWL 2 RL, the reference engine; small.ttl and the notes are)."""
        if not hasattr(self, "_owl"):
            self._owl = ReferenceReasoner(self.graph._road.ontology)
        return not self._owl.inconsistencies(set(_data_graph(reference)))


def _data_graph(reference: ox.Store) -> Graph:
    data = Graph()
    for quad in reference:
        if from_ox(quad.graph_name) not in SYSTEM_GRAPHS:
            data.add(tuple(from_ox(t) for t in (quad.subject, quad.predicate, quad.object)))
    return data


def _data(quads: Iterable[ox.Quad], system: bool = False) -> set[str]:
    """The quads of the data graphs (or of the system graphs), in one canonical form:
    rdflib and Oxigraph write some literals differently (``Z`` or ``+00:00``)."""
    return {
        str(quad_to_ox(quad_from_ox(q)))
        for q in quads
        if (from_ox(q.graph_name) in SYSTEM_GRAPHS) == system
    }


@pytest.fixture(scope="module")
def subject() -> Subject:
    return Subject()


def check(subject: Subject, write: Callable[[], object], reference_update: str) -> None:
    """Apply ``write()`` (a write through the write road), and ``reference_update`` with
    Oxigraph to a copy of the store; compare."""
    subject.reset()
    before = subject.dump()
    reference = subject.reference()
    system_before = _data(reference, system=True)
    if reference_update:
        reference.update(reference_update)
    protected = _data(reference, system=True) != system_before
    expected = _data(reference)
    try:
        write()
    except (ProtectedGraph, UpdateRefused):
        assert subject.dump() == before, "a refused write changed the store"
        assert protected or expected == subject.data_quads(), "refused without cause"
        return
    except ValidationRefused:
        assert subject.dump() == before, "a refused write changed the store"
        assert not subject.conforms(reference), "refused, but the result would conform"
        return
    except InconsistentWrite:
        assert subject.dump() == before, "a refused write changed the store"
        assert not subject.consistent(reference), "refused, but the result is consistent"
        return
    assert not protected, "a write into a system graph went through"
    assert subject.data_quads() == expected
    assert subject.conforms(reference), "accepted, but the whole result has a Violation"
    assert subject.consistent(reference), "accepted, but the whole result is inconsistent"


@PROPERTY_SETTINGS
@given(text=updates)
def test_a_sparql_update_does_what_applying_then_validating_would(subject: Subject, text: str):
    check(subject, lambda: subject.graph.update(text, base_iri=EX), text)


graph_store_operations = st.tuples(
    st.sampled_from(["PUT", "POST", "DELETE"]),
    any_graphs,
    st.lists(st.tuples(subjects, predicates, objects), max_size=4),
)


@PROPERTY_SETTINGS
@given(operation=graph_store_operations)
def test_a_graph_store_operation_does_what_applying_then_validating_would(
    subject: Subject, operation
):
    method, graph, body = operation
    quads = [(*t, graph) for t in body]
    builders = {
        "PUT": lambda: subject.graph.write_graph(graph, quads, replace=True),
        "POST": lambda: subject.graph.write(adding(quads)),
        "DELETE": lambda: subject.graph.write_graph(graph, [], replace=True),
    }
    updates_for = {
        "PUT": f"DROP SILENT GRAPH {graph.n3()} ; INSERT DATA {{ {_block(graph, body)} }}"
        if body
        else f"DROP SILENT GRAPH {graph.n3()}",
        "POST": f"INSERT DATA {{ {_block(graph, body)} }}" if body else "",
        "DELETE": f"DROP SILENT GRAPH {graph.n3()}",
    }
    check(subject, builders[method], updates_for[method])


@PROPERTY_SETTINGS
@given(graph=user_graphs, body=triples, syntax=st.sampled_from(["turtle", "ntriples", "rdfxml"]))
def test_a_payload_does_what_applying_then_validating_would(
    subject: Subject, graph: URIRef, body: list[tuple], syntax: str
):
    document = Graph()
    for triple in body:
        document.add(triple)
    payload = document.serialize(format={"ntriples": "nt", "rdfxml": "xml"}.get(syntax, syntax))
    check(
        subject,
        lambda: subject.graph.write(
            from_payload(payload, syntax_named(syntax), graph=graph, base_iri=EX)
        ),
        f"INSERT DATA {{ {_block(graph, body)} }}",
    )
