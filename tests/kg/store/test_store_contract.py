"""The Store seam's promises, checked on every backend."""

from __future__ import annotations

import io
from csv import reader

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.store.base import Dataset, DumpFormat, QuerySyntaxError, Store, WriteConflict

EX = "http://example.org/"
G1 = URIRef(EX + "g1")
G2 = URIRef(EX + "g2")
A, B, C = (URIRef(EX + n) for n in "abc")
P = URIRef(EX + "p")
NAME = URIRef(EX + "name")


def quads() -> set:
    return {
        (A, P, B, G1),
        (B, P, C, G2),
        (A, NAME, Literal('Åsa "quoted"\nnewline'), G1),
        (A, NAME, Literal("Asa", lang="sv"), G1),
        (C, URIRef(EX + "n"), Literal("5", datatype=XSD.integer), G2),
        (C, RDF.type, URIRef(EX + "Thing"), G2),
    }


def test_commit_adds_and_removes_in_one_step(store: Store):
    store.commit(removed=[], added=quads())
    assert set(store.quads()) == quads()
    store.commit(removed=[(A, P, B, G1)], added=[(A, P, C, G1)])
    assert (A, P, B, G1) not in set(store.quads())
    assert (A, P, C, G1) in set(store.quads())
    assert store.count() == len(quads())


def test_held_names_the_stored_quads_among_those_asked(store: Store):
    store.commit(removed=[], added=quads())
    missing = {
        (A, P, C, G1),
        (A, P, B, G2),
        (C, URIRef(EX + "n"), Literal("6", datatype=XSD.integer), G2),
    }
    assert store.held(quads() | missing) == quads()
    # A value in another lexical form of the same number is the stored one.
    five = (C, URIRef(EX + "n"), Literal("5", datatype=XSD.nonNegativeInteger), G2)
    assert store.held([five]) == {five}


def test_mentioned_names_the_nodes_a_stored_quad_names(store: Store):
    store.commit(removed=[], added=quads())
    absent = URIRef(EX + "absent")
    # A as a subject only, B as both, C as an object and a subject; G1 only names a graph.
    assert store.mentioned([A, B, C, absent, G1]) == {A, B, C}
    store.commit(
        removed=[
            (A, P, B, G1),
            (A, NAME, Literal('Åsa "quoted"\nnewline'), G1),
            (A, NAME, Literal("Asa", lang="sv"), G1),
        ],
        added=[],
    )
    assert store.mentioned([A, B]) == {B}


def test_literals_keep_their_value_datatype_and_language(store: Store):
    store.commit(removed=[], added=quads())
    [number] = [q[2] for q in store.quads(C, URIRef(EX + "n"))]
    # Numbers are stored by value: "05" comes back in its canonical form "5".
    assert number.datatype == XSD.integer and number.toPython() == 5
    names = {q[2] for q in store.quads(A, NAME)}
    assert Literal("Asa", lang="sv") in names
    assert Literal('Åsa "quoted"\nnewline') in names


def test_queries_see_the_union_of_graphs_unless_a_dataset_is_named(store: Store):
    store.commit(removed=[], added=quads())
    union = store.select(f"SELECT ?x ?y WHERE {{ <{A}> <{P}> ?x . ?x <{P}> ?y }}")
    assert union == [{"x": B, "y": C}]
    only_g1 = store.select(
        f"SELECT ?x ?y WHERE {{ <{A}> <{P}> ?x . OPTIONAL {{ ?x <{P}> ?y }} }}",
        dataset=Dataset(default_graphs=(G1,)),
    )
    assert only_g1 == [{"x": B}]
    assert store.ask(f"ASK {{ GRAPH <{G2}> {{ <{B}> <{P}> <{C}> }} }}")
    assert not store.ask(f"ASK {{ GRAPH <{G1}> {{ <{B}> <{P}> <{C}> }} }}")


def test_construct_returns_triples(store: Store):
    store.commit(removed=[], added=quads())
    triples = store.construct(f"CONSTRUCT {{ ?s <{P}> ?o }} WHERE {{ ?s <{P}> ?o }}")
    assert set(triples) == {(A, P, B), (B, P, C)}


def test_a_syntax_error_names_the_problem(store: Store):
    # Every engine names the line; Virtuoso gives no column (and counts the end of
    # the text as a line of its own).
    with pytest.raises(QuerySyntaxError, match=r"^line [12](, column 22)?: "):
        store.select("SELECT ?x WHERE { ?x ")


def test_graphs_lists_the_named_graphs(store: Store):
    store.commit(removed=[], added=quads())
    assert store.graphs() == [G1, G2]
    assert store.count(G1) == 3


def test_serialized_answers_follow_the_media_type(store: Store):
    store.commit(removed=[], added=quads())
    csv = store.query_serialized(f"SELECT ?o WHERE {{ <{A}> <{P}> ?o }}", media_type="text/csv")
    # Virtuoso quotes every field, which CSV allows.
    assert list(reader(io.StringIO(csv.decode()))) == [["o"], [EX + "b"]]
    turtle = store.query_serialized(
        f"CONSTRUCT {{ ?s <{P}> ?o }} WHERE {{ GRAPH <{G1}> {{ ?s <{P}> ?o }} }}",
        media_type="application/n-triples",
    )
    assert set(Graph().parse(data=turtle, format="nt")) == {(A, P, B)}
    with pytest.raises(ValueError, match="cannot carry"):
        store.query_serialized("ASK { ?s ?p ?o }", media_type="text/turtle")


@pytest.mark.parametrize("fmt", list(DumpFormat))
def test_dump_and_restore_round_trip_exactly(store: Store, fmt: DumpFormat):
    store.commit(removed=[], added=quads())
    buffer = io.BytesIO()
    store.dump(buffer, fmt)
    store.commit(removed=[(A, P, B, G1)], added=[(C, P, A, G1)])
    restored = store.restore(io.BytesIO(buffer.getvalue()), fmt)
    assert restored == len(quads())
    assert set(store.quads()) == quads()


def test_a_restore_that_does_not_parse_changes_nothing(store: Store):
    store.commit(removed=[], added=quads())
    with pytest.raises(ValueError, match="line"):
        store.restore(io.BytesIO(b"<http://e/a> <http://e/b> .\n"), DumpFormat.NQUADS)
    assert set(store.quads()) == quads()


def test_naming_only_default_graphs_keeps_every_named_graph(store: Store):
    store.commit(removed=[], added=quads())
    rows = store.select(
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g",
        dataset=Dataset(default_graphs=(G1,)),
    )
    assert rows == [{"g": G1}, {"g": G2}]
    only_g2 = store.select(
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
        dataset=Dataset(default_graphs=(G1,), named_graphs=(G2,)),
    )
    assert only_g2 == [{"g": G2}]


def test_every_write_changes_the_version(store: Store):
    first = store.version()
    store.commit(removed=[], added=[(A, P, B, G1)])
    second = store.version()
    store.replace_graph(G2, [(B, P, C)])
    assert len({first, second, store.version()}) == 3


def test_a_commit_based_on_an_old_version_is_refused_whole(store: Store):
    stale = store.version()
    store.commit(removed=[], added=[(A, P, B, G1)])
    with pytest.raises(WriteConflict):
        store.commit(removed=[(A, P, B, G1)], added=[(A, P, C, G1)], expected_version=stale)
    assert set(store.quads()) == {(A, P, B, G1)}
    store.commit(removed=[(A, P, B, G1)], added=[(A, P, C, G1)], expected_version=store.version())
    assert set(store.quads()) == {(A, P, C, G1)}


def test_the_version_is_bookkeeping_not_data(store: Store):
    store.commit(removed=[], added=[(A, P, B, G1)], expected_version=store.version())
    assert store.graphs() == [G1]
    assert store.count() == 1
    output = io.BytesIO()
    store.dump(output, DumpFormat.NQUADS)
    assert output.getvalue().decode().strip() == f"<{A}> <{P}> <{B}> <{G1}> ."


def test_a_query_naming_its_dataset_with_from_sees_only_those_graphs(store: Store):
    store.commit(removed=[], added=quads())
    rows = store.select(f"SELECT ?o FROM <{G1}> WHERE {{ <{A}> <{P}> ?o }}")
    assert rows == [{"o": B}]
    assert store.select(f"SELECT ?x FROM <{G1}> WHERE {{ ?x <{P}> <{C}> }}") == []
