"""``INSERT DATA { ex:dora a ckm:Costumer }`` answered 200 (issue 17, "Users' typos"):
no shape targets ``ckm:Costumer``, so the misspelt class, like a misspelt property
(``ckm:custmerOf``) or individual (``ckm:KnowlegePartnerRole``), went in silently. Now a
``ckm:`` term the ontology in use does not declare, and an IRI that only looks like the
``ckm:`` namespace, is refused on every write route with the nearest declared term,
and nothing is written. Data nodes — minted IRIs, and nodes the data describes even in
the ``ckm:`` namespace — are not terms and stay writable."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import KnowledgeGraph, Settings, UnknownTerm
from tests.api.conftest import WRITER, App
from tests.kg.conftest import SMALL_TTL
from tests.kg.test_cli import ckm, dump, write

UPDATE = {**WRITER, "Content-Type": "application/sparql-update"}
PROLOGUE = (
    "PREFIX ckm: <https://w3id.org/ckm#> PREFIX ex: <http://example.org/id/> "
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
)
# Each typo with the message worked out by hand: the term, its use, the declared term.
TYPOS = {
    "a class": (
        "ex:dora a ckm:Costumer",
        "unknown term ckm:Costumer (used as a class): did you mean ckm:Customer",
    ),
    "a property": (
        "ex:acme ckm:custmerOf ex:medsoft",
        "unknown term ckm:custmerOf (used as a property): did you mean ckm:customerOf",
    ),
    "an individual": (
        "ex:bella ckm:customerRole ckm:KnowlegePartnerRole",
        "unknown term ckm:KnowlegePartnerRole (used as an individual): "
        "did you mean ckm:KnowledgePartnerRole",
    ),
    "a datatype": (
        "ex:acme ckm:country 'CH'^^ckm:CountryCode",
        "unknown term ckm:CountryCode (used as a datatype).",
    ),
    "http for https": (
        "ex:dora a <http://w3id.org/ckm#Customer>",
        "unknown term <http://w3id.org/ckm#Customer> (not the ckm: namespace, "
        "https://w3id.org/ckm#): did you mean ckm:Customer?",
    ),
    "a slash for the hash": (
        "ex:dora a <https://w3id.org/ckm/Customer>",
        "unknown term <https://w3id.org/ckm/Customer> (not the ckm: namespace, "
        "https://w3id.org/ckm#): did you mean ckm:Customer?",
    ),
    "the namespace in capitals": (
        "ex:dora a <https://w3id.org/CKM#Customer>",
        "unknown term <https://w3id.org/CKM#Customer> (not the ckm: namespace, "
        "https://w3id.org/ckm#): did you mean ckm:Customer?",
    ),
}


@pytest.mark.parametrize(("triple", "message"), TYPOS.values(), ids=TYPOS.keys())
def test_a_sparql_update_with_a_typo_is_refused_with_the_declared_term(
    api: App, triple: str, message: str
):
    before = api.dump()
    answer = api.client.post(
        "/sparql", content=f"{PROLOGUE} INSERT DATA {{ {triple} }}", headers=UPDATE
    )
    assert answer.status_code == 422, answer.text
    problem = answer.json()
    assert problem["type"].endswith("/unknown-term")
    assert message in problem["detail"]
    assert "Nothing was written" in problem["detail"]
    assert api.dump() == before


def test_the_problem_lists_the_terms_and_their_suggestions(api: App):
    answer = api.client.post(
        "/sparql", content=f"{PROLOGUE} INSERT DATA {{ ex:dora a ckm:Costumer }}", headers=UPDATE
    )
    problem = answer.json()
    assert problem["terms"] == ["https://w3id.org/ckm#Costumer"]
    assert problem["suggestions"]["https://w3id.org/ckm#Costumer"][0] == "ckm:Customer"


def test_a_rest_write_with_a_misspelt_role_is_refused(api: App):
    before = api.dump()
    dora = {
        "label": "Dora Dental",
        "customerOf": ["http://example.org/id/medsoft"],
        "customerRole": "ckm:PasiveCustomerRole",
        "country": "DE",
    }
    answer = api.client.post("/api/customers", json=dora, headers=WRITER)
    assert answer.status_code == 422, answer.text
    assert "did you mean ckm:PassiveCustomerRole" in answer.json()["detail"]
    assert api.dump() == before


def test_a_graph_store_body_with_a_misspelt_class_is_refused(api: App):
    before = api.dump()
    answer = api.client.put(
        "/store?graph=http://example.org/graph/typos",
        content="@prefix ckm: <https://w3id.org/ckm#> . <http://example.org/id/dora> a ckm:Frim .",
        headers={**WRITER, "Content-Type": "text/turtle"},
    )
    assert answer.status_code == 422, answer.text
    assert (
        "unknown term ckm:Frim (used as a class): did you mean ckm:Firm"
        in (answer.json()["detail"])
    )
    assert api.dump() == before


def test_the_face_raises_unknown_term_and_writes_nothing():
    graph = KnowledgeGraph.in_memory()
    before = graph.count()
    with pytest.raises(UnknownTerm, match=r"ckm:Costumer .*did you mean ckm:Customer") as refused:
        graph.update(f"{PROLOGUE} INSERT DATA {{ ex:dora a ckm:Costumer ; rdfs:label 'Dora' }}")
    assert refused.value.terms == ["https://w3id.org/ckm#Costumer"]
    assert graph.count() == before


def test_ckm_load_of_a_file_with_a_typo_exits_1_and_writes_nothing(tmp_path: Path):
    store = tmp_path / "store"
    good = write(
        tmp_path,
        "good.ttl",
        "@prefix ex: <http://example.org/id/> .\n"
        "@prefix ckm: <https://w3id.org/ckm#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "ex:f a ckm:Firm ; rdfs:label 'F' .\n",
    )
    assert ckm(store, "load", str(good)).exit_code == 0
    before = dump(store)
    typo = write(
        tmp_path,
        "typo.ttl",
        "@prefix ex: <http://example.org/id/> .\n"
        "@prefix ckm: <https://w3id.org/ckm#> .\n"
        "ex:f ckm:employeCount 12 .\n",
    )
    result = ckm(store, "load", str(typo))
    assert result.exit_code == 1, result.output
    assert "unknown term ckm:employeCount (used as a property): did you mean ckm:employeeCount" in (
        result.output
    )
    assert dump(store) == before


def test_data_nodes_stay_writable(api: App):
    # A minted IRI, a node in the ckm: namespace that the write describes, a link to it
    # by a later write, and the project's own sibling namespaces are no typos.
    writes = [
        "ex:dora a ckm:Customer ; rdfs:label 'Dora' ; ckm:customerOf ex:medsoft ; ckm:country 'DE'",
        "ckm:ghost a ckm:Firm ; rdfs:label 'Ghost Ltd'",
        "ex:dora ckm:customerOf ckm:ghost",
        "ex:dora rdfs:seeAlso <https://w3id.org/ckm/shapes#CustomerShape>",
    ]
    for data in writes:
        answer = api.client.post(
            "/sparql", content=f"{PROLOGUE} INSERT DATA {{ {data} }}", headers=UPDATE
        )
        assert answer.status_code == 200, (data, answer.text)
    # A ckm: node that no data describes is an individual the ontology lacks.
    answer = api.client.post(
        "/sparql",
        content=f"{PROLOGUE} INSERT DATA {{ ex:dora ckm:customerOf ckm:nobody }}",
        headers=UPDATE,
    )
    assert answer.status_code == 422, answer.text
    assert "unknown term ckm:nobody (used as an individual)" in answer.json()["detail"]


def test_a_term_an_ontology_extension_declares_is_known(tmp_path: Path):
    extension = tmp_path / "ext.ttl"
    extension.write_text(
        "@prefix ckm: <https://w3id.org/ckm#> . @prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "ckm:VipCustomer a owl:Class ; rdfs:subClassOf ckm:Customer .\n"
    )
    graph = KnowledgeGraph.in_memory(Settings(extra_ontology=str(extension)))
    receipt = graph.update(
        f"{PROLOGUE} INSERT DATA {{ ex:f a ckm:Firm ; rdfs:label 'F' . "
        "ex:vip a ckm:VipCustomer ; rdfs:label 'Vip' ; ckm:customerOf ex:f }"
    )
    assert receipt.added == 5
    with pytest.raises(UnknownTerm, match="did you mean ckm:VipCustomer"):
        graph.update(f"{PROLOGUE} INSERT DATA {{ ex:vip a ckm:VipCostumer }}")


def test_ckm_restore_of_a_dump_with_a_typo_exits_1_and_changes_nothing(tmp_path: Path):
    # A restore replaces the data whole; a misspelt term in the dump is refused as a
    # write would refuse it, before anything changes. --unchecked loads it on purpose.
    store = tmp_path / "store"
    assert ckm(store, "load", str(SMALL_TTL)).exit_code == 0
    before = dump(store)
    typo = write(
        tmp_path,
        "typo.nq",
        "<http://example.org/id/f> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<https://w3id.org/ckm#Costumer> <urn:ckm:graph:data> .\n",
    )
    result = ckm(store, "restore", "--data-only", str(typo))
    assert result.exit_code == 1, result.output
    assert "unknown term ckm:Costumer (used as a class): did you mean ckm:Customer" in (
        " ".join(result.output.split())
    )
    assert "nothing was changed" in result.output
    assert dump(store) == before
    unchecked = ckm(store, "restore", "--data-only", "--unchecked", str(typo))
    assert unchecked.exit_code == 0, unchecked.output


def test_a_1x_dump_uses_only_terms_2x_declares(tmp_path: Path):
    # The 1.0.0 dump (kept for ckm migrate) is refused by the 2.0 shapes, not as unknown
    # terms: every term 1.0.0 wrote is still declared, so a checked restore gets as far
    # as validation.
    fixture = Path(__file__).parents[1] / "kg" / "data" / "migration" / "ckm-1.0.0-demo.trig"
    result = ckm(tmp_path / "store", "restore", "--data-only", str(fixture))
    assert result.exit_code == 1, result.output
    assert "unknown term" not in result.output
    assert "SHACL rule" in result.output
