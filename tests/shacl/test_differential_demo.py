"""The compiled validator reports exactly what pySHACL reports on the demo data, on
write-sized neighbourhoods of it, on hundreds of seeded random mutations of those, and
with focus restrictions."""

from __future__ import annotations

import random

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, XSD

from kg.demo import demo_quads
from kg.validation import CompiledValidator, ShapesValidator
from tests.shacl.conftest import Compare, comparable

Triple = tuple
MUTATED_GRAPHS = 300

_DATATYPES = (
    XSD.integer, XSD.nonNegativeInteger, XSD.date, XSD.dateTime, XSD.string, XSD.decimal,
    XSD.boolean, RDF.langString, None,
)  # fmt: skip
_LEXICAL_FORMS = (
    "-3", "0", "01", "7", "abc", "2024-02-30", "2024-05-01", "2023-01-01T10:00:00",
    "2025-01-01T00:00:00Z", "LI", "li", "", "true", "1.50",
)  # fmt: skip


@pytest.fixture(scope="module")
def demo() -> list[Triple]:
    return sorted({(s, p, o) for s, p, o, _g in demo_quads(customers=3, seed=11)})


@pytest.fixture(scope="module")
def classes(ontology: Graph) -> list[URIRef]:
    return sorted(c for c in ontology.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef))


def neighbourhood(triples: list[Triple], node: URIRef) -> set[Triple]:
    """The triples about ``node``, about what it links to, and those linking to it."""
    linked = {o for s, _p, o in triples if s == node} | {node}
    return {t for t in triples if t[0] in linked or t[2] == node}


def test_demo_data_with_ontology(same_report: Compare, demo: list[Triple]) -> None:
    same_report(demo)


def test_demo_data_with_focus(same_report: Compare, demo: list[Triple]) -> None:
    rng = random.Random(3)
    subjects = sorted({s for s, _p, _o in demo})
    for _ in range(5):
        same_report(demo, focus=rng.sample(subjects, 25))


class _Mutator:
    """Seeded random edits of a set of triples, of the kinds that break shapes."""

    def __init__(self, rng: random.Random, classes: list[URIRef], pool: list[Triple]) -> None:
        self.rng = rng
        self.classes = classes
        self.pool = pool  # triples to borrow objects and predicates from

    def mutate(self, triples: set[Triple]) -> set[Triple]:
        triples = set(triples)
        for _ in range(self.rng.randint(1, 3)):
            edit = self.rng.choice(
                (self.drop, self.swap, self.retype, self.revalue, self.untype, self.type,
                 self.duplicate)
            )  # fmt: skip
            edit(triples)
        return triples

    def _pick(self, triples: set[Triple], keep=lambda t: True) -> Triple | None:
        candidates = sorted(t for t in triples if keep(t))
        return self.rng.choice(candidates) if candidates else None

    def drop(self, triples: set[Triple]) -> None:
        if (t := self._pick(triples)) is not None:
            triples.discard(t)

    def swap(self, triples: set[Triple]) -> None:
        a, b = self._pick(triples), self._pick(triples)
        if a is not None and b is not None:
            triples -= {a, b}
            triples |= {(a[0], a[1], b[2]), (b[0], b[1], a[2])}

    def retype(self, triples: set[Triple]) -> None:
        if (t := self._pick(triples, lambda t: isinstance(t[2], Literal))) is not None:
            datatype = self.rng.choice(_DATATYPES)
            lang = "en" if datatype == RDF.langString else None
            literal = Literal(str(t[2]), lang=lang, datatype=None if lang else datatype)
            triples.discard(t)
            triples.add((t[0], t[1], literal))

    def revalue(self, triples: set[Triple]) -> None:
        if (t := self._pick(triples, lambda t: isinstance(t[2], Literal))) is not None:
            old = t[2]
            text = self.rng.choice(_LEXICAL_FORMS)
            literal = Literal(text, lang=old.language, datatype=old.datatype)
            triples.discard(t)
            triples.add((t[0], t[1], literal))

    def untype(self, triples: set[Triple]) -> None:
        if (t := self._pick(triples, lambda t: t[1] == RDF.type)) is not None:
            triples.discard(t)

    def type(self, triples: set[Triple]) -> None:
        if (t := self._pick(triples)) is not None:
            triples.add((t[0], RDF.type, self.rng.choice(self.classes)))

    def duplicate(self, triples: set[Triple]) -> None:
        if (t := self._pick(triples)) is not None:
            same_predicate = [u for u in self.pool if u[1] == t[1] and u[2] != t[2]]
            if same_predicate:
                triples.add((t[0], t[1], self.rng.choice(same_predicate)[2]))


@pytest.mark.parametrize("seed", range(MUTATED_GRAPHS))
def test_mutated_neighbourhood(
    same_report: Compare, demo: list[Triple], classes: list[URIRef], seed: int
) -> None:
    rng = random.Random(seed)
    subjects = sorted({s for s, _p, _o in demo if isinstance(s, URIRef)})
    mutated = _Mutator(rng, classes, demo).mutate(neighbourhood(demo, rng.choice(subjects)))
    present = sorted({s for s, _p, _o in mutated})
    focus = rng.sample(present, max(1, len(present) // 2)) if seed % 2 and present else None
    same_report(mutated, focus)


def test_validate_a_graph_that_holds_the_ontology(
    reference: ShapesValidator, compiled: CompiledValidator, demo: list[Triple], ontology: Graph
) -> None:
    graph = Graph()
    for triple in [*ontology, *demo[:400]]:
        graph.add(triple)
    expected = comparable(reference.validate(graph))
    assert expected, "the first 400 demo triples lack the rest of their nodes"
    assert comparable(compiled.validate(graph)) == expected
