"""A write that makes the graph inconsistent with the ontology (OWL 2 RL) is a 422
problem naming the rule and the axiom, over REST, SPARQL Update and the Graph Store
protocol, and nothing is written.

By hand from the CKM ontology: Bella's role is passive, so she is a
``ckm:PassiveCustomer``, which ``owl:disjointWith ckm:ActiveCustomer``;
knowledge recorded as explicit (``ckm:tacitness ckm:Explicit``) is a
``ckm:ExplicitCustomerKnowledge``, which ``ckm:TacitCustomerKnowledge`` is disjoint with.
"""

from __future__ import annotations

from tests.api.conftest import WRITER, App
from tests.api.test_sparql_protocol import DIRECT_UPDATE, problem

BELLA = "http://example.org/id/bella"


def assert_inconsistent(response, rule: str, axiom: str) -> None:
    assert response.status_code == 422, response.text
    body = problem(response)
    assert body["type"].endswith("/inconsistent-write")
    assert body["report"]["consistent"] is False
    clash = next(c for c in body["report"]["inconsistencies"] if c["rule"] == rule)
    assert clash["axiom"] == axiom
    assert clash["nodes"] and clash["message"]


def test_sparql_update_making_a_passive_customer_active_is_422_and_writes_nothing(small: App):
    before = small.dump()
    update = (
        "PREFIX ckm: <https://w3id.org/ckm#> "
        f"INSERT DATA {{ GRAPH <urn:ckm:graph:data> {{ <{BELLA}> a ckm:ActiveCustomer }} }}"
    )
    response = small.client.post("/sparql", content=update, headers=DIRECT_UPDATE | WRITER)
    assert_inconsistent(
        response, "cax-dw", "ckm:PassiveCustomer owl:disjointWith ckm:ActiveCustomer"
    )
    assert small.dump() == before


def test_rest_knowledge_typed_tacit_but_recorded_explicit_is_422_and_writes_nothing(small: App):
    before = small.dump()
    response = small.client.post(
        "/api/knowledge",
        headers=WRITER,
        json={
            "type": ["ckm:KnowledgeFromCustomers", "ckm:TacitCustomerKnowledge"],
            "tacitness": "ckm:Explicit",
            "label": "Written down",
            "content": ["ckm:Idea"],
            "knowledgeSource": "http://example.org/id/acme",
            "statement": "Said by and for the customer",
            "wasGeneratedBy": "http://example.org/id/i42",
            "created": "2026-05-04",
        },
    )
    assert_inconsistent(
        response,
        "cax-dw",
        "ckm:TacitCustomerKnowledge owl:disjointWith ckm:ExplicitCustomerKnowledge",
    )
    assert small.dump() == before


def test_graph_store_post_of_an_owl_nothing_member_is_422(small: App):
    before = small.dump()
    response = small.client.post(
        "/store",
        params={"graph": "urn:ckm:graph:data"},
        content=f"<{BELLA}> a <http://www.w3.org/2002/07/owl#Nothing> .",
        headers={"Content-Type": "text/turtle"} | WRITER,
    )
    assert_inconsistent(response, "cls-nothing2", "")
    assert small.dump() == before


def test_a_consistent_update_still_passes(small: App):
    update = (
        "PREFIX ckm: <https://w3id.org/ckm#> INSERT DATA { GRAPH <urn:ckm:graph:data> "
        "{ <http://example.org/id/acme> a ckm:ActiveCustomer } }"
    )
    response = small.client.post("/sparql", content=update, headers=DIRECT_UPDATE | WRITER)
    assert response.status_code in (200, 204), response.text
