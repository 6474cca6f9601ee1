"""The compiled reasoner gives exactly what ``reasonable`` gives, on every data set we have.

The demo data, the small hand-written data set, every example of the shape tests, write
neighbourhoods with ``about``, and hundreds of seeded mutations of the demo data (triples
dropped, types removed, a second value for a functional property, objects swapped, new
links and types, literals typed ``xsd:string``).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import random
from collections.abc import Callable

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, XSD

import tests.shapes
from kg.demo import demo_quads
from kg.vocab import CKM, SYSTEM_GRAPHS
from kg.write.terms import is_data_node
from tests.kg.conftest import SMALL_TTL
from tests.shapes.cases import ConceptExamples, Variant, accepted
from tests.shapes.conftest import parse_turtle

MUTATIONS = 240
NEIGHBOURHOODS = 120


def demo_triples(customers: int, seed: int = 3) -> set:
    quads = demo_quads(customers=customers, seed=seed, base_iri="http://example.org/id/")
    return {(s, p, o) for s, p, o, g in quads if g not in SYSTEM_GRAPHS}


def shape_examples() -> list[tuple[str, str, Variant]]:
    """(concept, valid example, variant) for every variant of every concept's examples."""
    examples = []
    for module_info in pkgutil.iter_modules(tests.shapes.__path__):
        if not module_info.name.startswith("test_"):
            continue
        module = importlib.import_module(f"tests.shapes.{module_info.name}")
        for name, concept in inspect.getmembers(module, inspect.isclass):
            if issubclass(concept, ConceptExamples) and concept is not ConceptExamples:
                variants = (accepted("valid-example"), *concept.ACCEPTED, *concept.REFUSED)
                examples += [(name, concept.VALID, v) for v in variants]
    return examples


SHAPE_EXAMPLES = shape_examples()


def test_the_shape_examples_were_found():
    assert len({concept for concept, _valid, _v in SHAPE_EXAMPLES}) >= 8
    assert len(SHAPE_EXAMPLES) > 100


@pytest.mark.parametrize("customers", [1, 5, 20])
def test_demo_data(assert_same, customers):
    entailed = assert_same(demo_triples(customers))
    assert len(entailed) > 100


def test_small_data_set(assert_same):
    assert len(assert_same(Graph().parse(SMALL_TTL, format="turtle"))) > 20


@pytest.mark.parametrize(
    ("valid", "variant"),
    [(valid, variant) for _concept, valid, variant in SHAPE_EXAMPLES],
    ids=[f"{concept}-{variant.id}" for concept, _valid, variant in SHAPE_EXAMPLES],
)
def test_shape_example(assert_same, valid: str, variant: Variant):
    graph = parse_turtle(valid)
    for triple in parse_turtle(variant.drop):
        graph.remove(triple)
    for triple in parse_turtle(variant.add):
        graph.add(triple)
    assert_same(graph, fallback=None)


def neighbourhood(data: set, nodes: set) -> set:
    """What a write around ``nodes`` reads (in the spirit of ``stored_context``): what
    they say, who links to them, and what the nodes they link to and from say."""
    near = {s for s, _p, o in data if o in nodes} | {
        o for s, _p, o in data if s in nodes and is_data_node(o)
    }
    return {t for t in data if t[0] in nodes | near or t[2] in nodes}


@pytest.fixture(scope="module")
def demo() -> set:
    return demo_triples(3)


@pytest.mark.parametrize("seed", range(NEIGHBOURHOODS))
def test_write_neighbourhood(assert_same, demo: set, seed: int):
    rng = random.Random(seed)
    subjects = sorted({s for s, _p, _o in demo if is_data_node(s)})
    nodes = set(rng.sample(subjects, rng.choice([1, 1, 2, 5])))
    assert_same(neighbourhood(demo, nodes), about=nodes)


# -- mutations ---------------------------------------------------------------------------


def _drop_some(rng: random.Random, data: set, _ontology: Graph) -> set:
    return {t for t in data if rng.random() > 0.3}


def _untype_a_node(rng: random.Random, data: set, _ontology: Graph) -> set:
    node = rng.choice(sorted({s for s, p, _o in data if p == RDF.type}))
    return {t for t in data if not (t[0] == node and t[1] == RDF.type)}


def _second_functional_value(rng: random.Random, data: set, ontology: Graph) -> set:
    functional = set(ontology.subjects(RDF.type, OWL.FunctionalProperty))
    used = sorted(t for t in data if t[1] in functional)
    s, p, _o = rng.choice(used)
    # Another value of the same property, or a fresh node or literal of our own.
    others = sorted({o for _s, q, o in used if q == p}, key=str)
    fresh = [URIRef(f"http://example.org/id/fresh/{rng.randrange(3)}"), Literal("fresh")]
    return data | {(s, p, rng.choice(others + fresh))}


def _swap_an_object(rng: random.Random, data: set, _ontology: Graph) -> set:
    s, p, o = rng.choice(sorted(data))
    objects = sorted({obj for _s, q, obj in data if q == p}, key=str)
    return (data - {(s, p, o)}) | {(s, p, rng.choice(objects))}


def _link_two_nodes(rng: random.Random, data: set, ontology: Graph) -> set:
    properties = sorted(
        set(ontology.subjects(RDF.type, OWL.ObjectProperty)) & set(ontology.subjects())
    )
    nodes = sorted({s for s, _p, _o in data if is_data_node(s)})
    return data | {(rng.choice(nodes), rng.choice(properties), rng.choice(nodes))}


def _retype_a_node(rng: random.Random, data: set, ontology: Graph) -> set:
    classes = sorted(c for c in ontology.subjects(RDF.type, OWL.Class) if c.startswith(CKM))
    nodes = sorted({s for s, _p, _o in data if is_data_node(s)})
    return data | {(rng.choice(nodes), RDF.type, rng.choice(classes))}


def _type_a_string(rng: random.Random, data: set, _ontology: Graph) -> set:
    plain = sorted(t for t in data if isinstance(t[2], Literal) and t[2].datatype is None)
    s, p, o = rng.choice(plain)
    return (data - {(s, p, o)}) | {(s, p, Literal(str(o), datatype=XSD.string))}


MUTATORS: list[Callable[[random.Random, set, Graph], set]] = [
    _drop_some,
    _untype_a_node,
    _second_functional_value,
    _swap_an_object,
    _link_two_nodes,
    _retype_a_node,
    _type_a_string,
]


@pytest.fixture(scope="module")
def mutation_base() -> set:
    return demo_triples(2, seed=11)


@pytest.fixture(scope="module")
def compiled_answers() -> list[bool]:
    """One entry per mutation: True when the compiled rules answered it."""
    return []


@pytest.mark.parametrize("seed", range(MUTATIONS))
def test_mutated_demo_data(
    assert_same, compiled, ckm_ontology, mutation_base, compiled_answers, seed: int
):
    rng = random.Random(seed)
    data = mutation_base
    for _ in range(rng.randint(1, 4)):
        data = rng.choice(MUTATORS)(rng, data, ckm_ontology)
    before = compiled.fallbacks
    assert_same(data, fallback=None)
    compiled_answers.append(compiled.fallbacks == before)


def test_most_mutations_were_answered_by_the_compiled_rules(compiled_answers):
    if len(compiled_answers) < MUTATIONS:
        pytest.skip("run together with test_mutated_demo_data")
    assert sum(compiled_answers) > 0.6 * MUTATIONS


# -- inconsistencies ---------------------------------------------------------------------

INCONSISTENCY_MUTATIONS = 120


def clashes(reasoner, data: set) -> set:
    return {(c.rule, frozenset(c.nodes)) for c in reasoner.inconsistencies(data)}


@pytest.mark.parametrize("customers", [1, 20])
def test_the_demo_data_is_consistent(compiled, reference, customers):
    data = demo_triples(customers)
    assert compiled.inconsistencies(data) == []
    assert reference.inconsistencies(data) == []


@pytest.fixture(scope="module")
def mutations_with_clashes() -> list[bool]:
    """One entry per mutation: True when it made the data inconsistent."""
    return []


@pytest.mark.parametrize("seed", range(INCONSISTENCY_MUTATIONS))
def test_mutated_demo_data_clashes_the_same(
    compiled, reference, ckm_ontology, mutation_base, mutations_with_clashes, seed: int
):
    """Retyped nodes fall into disjoint classes, second values of functional properties
    equate channels declared all different or literals of different values: both
    engines must name the same clashes (rule and nodes)."""
    rng = random.Random(seed)
    data = mutation_base
    for _ in range(rng.randint(1, 4)):
        data = rng.choice(MUTATORS)(rng, data, ckm_ontology)
    found = clashes(compiled, data)
    assert found == clashes(reference, data)
    mutations_with_clashes.append(bool(found))


def test_many_mutations_made_the_data_inconsistent(mutations_with_clashes):
    if len(mutations_with_clashes) < INCONSISTENCY_MUTATIONS:
        pytest.skip("run together with test_mutated_demo_data_clashes_the_same")
    assert 0.2 * INCONSISTENCY_MUTATIONS < sum(mutations_with_clashes) < INCONSISTENCY_MUTATIONS
