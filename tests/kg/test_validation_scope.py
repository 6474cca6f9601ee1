"""Validating only the touched nodes with their stored context says exactly what
validating the whole resulting graph says about those nodes."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDFS

from kg.config import Settings
from kg.demo import demo_quads
from kg.graph import KnowledgeGraph
from kg.resources import SHAPES_TTL
from kg.validation import ShapesValidator
from kg.vocab import CKM, DATA_GRAPH, ONTOLOGY_GRAPH, SYSTEM_GRAPHS
from kg.write.delta import Delta, adding
from kg.write.neighbourhood import focus_nodes
from kg.write.shape_paths import ShapeDependencies
from tests.kg.conftest import data_quads

NEW_INTERACTION = (
    "ex:i900 a ckm:Interaction ; ckm:byFirm {firm} ; ckm:withCustomer {customer} ;"
    ' ckm:channel ckm:Email ; prov:startedAtTime "2025-05-05T10:00:00Z"^^xsd:dateTime'
)
CASES = (
    "valid new interaction",
    "interaction missing its sphere",
    "contributor made passive",
    "contributor's history made passive",
    "customer loses its name",
)
# Refused: the contributor's role assignments say passive on the contributions' dates
# (Contribution-activeContributor reads the role held then). Making only the current role
# passive is accepted since ontology 2.0 (E8, E9): the history keeps the active role.
REFUSED = {
    "interaction missing its sphere",
    "contributor's history made passive",
    "customer loses its name",
}


@pytest.fixture(scope="module")
def demo_graph(tmp_path_factory: pytest.TempPathFactory):
    store = Path(tmp_path_factory.mktemp("scope")) / "store"
    graph = KnowledgeGraph.open(Settings(store=store))
    graph.write(adding(demo_quads(customers=15, seed=5, base_iri="http://example.org/id/")))
    yield graph
    graph.close()


def delta_for(graph: KnowledgeGraph, case: str) -> Delta:
    """The delta of one case, aimed at the first customer who made a contribution."""
    [row] = graph.select(
        "PREFIX ckm: <https://w3id.org/ckm#> SELECT ?c ?f ?label ?role WHERE { "
        f"?x ckm:contributedBy ?c . ?c ckm:customerOf ?f ; <{RDFS.label}> ?label ; "
        "ckm:customerRole ?role } ORDER BY ?c LIMIT 1"
    )
    customer, firm = row["c"], row["f"]
    interaction = NEW_INTERACTION.format(firm=firm.n3(), customer=customer.n3())
    if case == "valid new interaction":
        return Delta(added=data_quads(interaction + " ; ckm:inSphere ckm:CustomerSphere ."))
    if case == "interaction missing its sphere":
        return Delta(added=data_quads(interaction + " ."))
    if case == "contributor made passive":
        return Delta(
            removed=frozenset({(customer, CKM.customerRole, row["role"], DATA_GRAPH)}),
            added=frozenset({(customer, CKM.customerRole, CKM.PassiveCustomerRole, DATA_GRAPH)}),
        )
    if case == "contributor's history made passive":
        held = graph.quads(None, CKM.assignedTo, customer, DATA_GRAPH)
        roles = {q for a, *_ in held for q in graph.quads(a, CKM.assignedRole, None, DATA_GRAPH)}
        assert roles, "the demo records the contributor's role assignments"
        # Every assignment and the current role say passive: whatever a contribution's
        # date, the role held then is passive (the scope must reach the contributions
        # through the assignments and through the role).
        current = (customer, CKM.customerRole, row["role"], DATA_GRAPH)
        return Delta(
            removed=frozenset(roles | {current}),
            added=frozenset((a, p, CKM.PassiveCustomerRole, g) for a, p, _o, g in roles)
            | {(customer, CKM.customerRole, CKM.PassiveCustomerRole, DATA_GRAPH)},
        )
    return Delta(removed=frozenset({(customer, RDFS.label, row["label"], DATA_GRAPH)}))


def whole_graph_report(graph: KnowledgeGraph, delta: Delta):
    stored = {q for q in graph.quads() if q[3] not in SYSTEM_GRAPHS}
    whole = Graph()
    for s, p, o, _g in (stored - delta.removed) | delta.added:
        whole.add((s, p, o))
    for s, p, o, _g in graph.quads(graph=ONTOLOGY_GRAPH):
        whole.add((s, p, o))
    dependencies = ShapeDependencies.from_shapes(Graph().parse(SHAPES_TTL))
    # The shapes graph the write road read, so a blank-node shape has one name.
    reference = ShapesValidator(shapes=graph._road.shapes)
    return reference.validate(whole, focus=focus_nodes(graph._store, delta, dependencies))


@pytest.mark.parametrize("case", CASES)
def test_scoped_validation_equals_whole_graph_validation(demo_graph: KnowledgeGraph, case):
    delta = delta_for(demo_graph, case)
    scoped = demo_graph.check(delta)
    assert scoped.results == whole_graph_report(demo_graph, delta).results
    assert scoped.accepted == (case not in REFUSED)
