"""A second ``ckm:country`` for a customer was refused with the shape's rule alone ("A
customer's country is at most one … code"), naming neither the value stored nor the one
added; a contribution by a customer that does not exist was refused with "Only active
customers make contributions", a rule downstream of the real mistake (issue 17, "Users'
typos and messages"). A refusal's messages now say what the write met: the value, the
value already stored, the node that is missing. The results are SHACL's, unchanged."""

from __future__ import annotations

import pytest

from kg import KnowledgeGraph, ValidationRefused
from tests.api.conftest import WRITER, App

UPDATE = {**WRITER, "Content-Type": "application/sparql-update"}
PROLOGUE = (
    "PREFIX ckm: <https://w3id.org/ckm#> PREFIX ex: <http://example.org/id/> "
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> PREFIX dcterms: <http://purl.org/dc/terms/> "
)
# small.ttl: ex:acme, a customer of ex:medsoft with ckm:country "LI"; ex:k7 its knowledge.
A_CONTRIBUTION_BY_NOBODY = (
    "ex:c2 a ckm:Contribution ; rdfs:label 'Dark mode' ; ckm:contributedBy ex:nobody ; "
    "ckm:basedOnKnowledge ex:k7 ; ckm:valueArea ckm:OperativeArea ; "
    "ckm:contributionKind ckm:ProductDevelopment ; dcterms:date '2026-03-10'^^xsd:date"
)


def _messages(api: App, data: str) -> list[str]:
    before = api.dump()
    answer = api.client.post(
        "/sparql", content=f"{PROLOGUE} INSERT DATA {{ {data} }}", headers=UPDATE
    )
    assert answer.status_code == 422, answer.text
    assert api.dump() == before
    return [
        r["message"] for r in answer.json()["report"]["results"] if r["severity"] == "Violation"
    ]


def test_a_second_country_names_the_one_stored_and_the_one_added(api: App):
    [message] = _messages(api, "ex:acme ckm:country 'CH'")
    assert message.startswith("acme already has country 'LI'; this write adds 'CH': ")


def test_an_ill_formed_value_is_named(api: App):
    messages = _messages(
        api,
        "ex:newco a ckm:Customer ; rdfs:label 'NewCo' ; "
        "ckm:customerOf ex:medsoft ; ckm:country 'Austria'",
    )
    assert [m for m in messages if m.startswith("newco's country 'Austria' is refused: ")]


def test_a_missing_customer_is_named_on_every_rule_it_breaks(api: App):
    messages = _messages(api, A_CONTRIBUTION_BY_NOBODY)
    missing = (
        "http://example.org/id/nobody does not exist (nothing is stored about it), "
        "yet c2 refers to it as its contributedBy: "
    )
    # The class rule on ckm:contributedBy and the role rule read through it.
    assert len(messages) == 2
    assert all(m.startswith(missing) for m in messages), messages


def test_a_missing_firm_is_named_by_the_face():
    graph = KnowledgeGraph.in_memory()
    with pytest.raises(ValidationRefused) as refused:
        graph.update(
            f"{PROLOGUE} INSERT DATA {{ ex:c0001 a ckm:Customer ; rdfs:label 'C' ; "
            "ckm:customerOf ex:f9 ; ckm:country 'CH' }"
        )
    [result] = refused.value.report.violations
    assert result.message.startswith(
        "http://example.org/id/f9 does not exist (nothing is stored about it), "
        "yet c0001 refers to it as its customerOf: "
    )
    # SHACL's result is as it was: the class constraint on the firm, with the firm.
    assert result.value == "http://example.org/id/f9"
    assert result.constraint == "http://www.w3.org/ns/shacl#ClassConstraintComponent"
