"""``/api/schemes``: open concept schemes a firm's admin extends (issue 17 E2).

The store holds tests/kg/data/small.ttl: MedSoft, its knowledge partner Acme, and the
workshop i42 in the joint sphere, which records no RI practice yet. Seed 004 l.348: "RI
practices can be different in other contexts"; seed 000 l.175: the places of the
partnership design are examples.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import ADMIN, BASE, EX, WRITER, App, bearer

PREFIXES = (
    "PREFIX ckm: <https://w3id.org/ckm#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
)
UPDATE = {"Content-Type": "application/sparql-update"} | WRITER
PRACTICES = "/api/schemes/ResourceIntegratingPracticeScheme"
BUDGETING = {"label": "Joint budgeting", "definition": "Planning the budget together."}


def practice_on_i42(app: App, practice: str):
    """Record ``practice`` (an IRI) as an RI practice of workshop i42, by SPARQL Update."""
    update = f"{PREFIXES}INSERT DATA {{ <{EX}i42> ckm:riPractice <{practice}> }}"
    return app.client.post("/sparql", content=update, headers=UPDATE)


def labels(app: App, path: str = PRACTICES) -> list[str]:
    return [c["label"] for c in app.client.get(path).json()["concepts"]]


def test_the_schemes_say_which_are_open(small: App):
    response = small.client.get("/api/schemes")
    assert response.status_code == 200
    schemes = {s["name"]: s for s in response.json()["items"]}
    assert schemes["ResourceIntegratingPracticeScheme"]["open"] is True
    assert schemes["ResourceIntegratingPracticeScheme"]["size"] == 4
    assert schemes["ValueSphereScheme"]["open"] is False
    assert schemes["CKMStyleScheme"]["open"] is False
    design = schemes["PartnershipDesignScheme"]
    assert (design["open"], design["kinds"]) == (
        True,
        ["LocalDesign", "MethodicalDesign", "SocialDesign", "TemporalDesign"],
    )


def test_a_scheme_lists_its_concepts(small: App):
    assert labels(small) == [
        "diagnosing and designing",
        "producing and implementing",
        "promoting and sharing",
        "supporting and assisting",
    ]
    assert small.client.get("/api/schemes/NoSuchScheme").status_code == 404


@pytest.mark.parametrize(("role", "status"), [(None, 401), ("reader", 403), ("writer", 403)])
def test_only_an_admin_adds_a_concept(small: App, role: str | None, status: int):
    before = small.dump()
    response = small.client.post(f"{PRACTICES}/concepts", json=BUDGETING, headers=bearer(role))
    assert response.status_code == status
    assert small.dump() == before


def test_an_added_practice_is_accepted_where_it_was_refused(small: App):
    # Before: a practice outside the scheme is refused by Interaction-riPractice.
    outside = f"{EX}joint-budgeting"
    refused = practice_on_i42(small, outside)
    assert refused.status_code == 422
    assert {r["sourceShape"] for r in refused.json()["report"]["results"]} == {
        "https://w3id.org/ckm/shapes#Interaction-riPractice"
    }
    response = small.client.post(f"{PRACTICES}/concepts", json=BUDGETING, headers=ADMIN)
    assert response.status_code == 201
    iri = response.json()["iri"]
    assert iri.startswith(f"{BASE}concept/joint-budgeting-")
    assert response.headers["Location"].endswith(PRACTICES)
    assert labels(small)[-1] == "Joint budgeting"
    # After: the admin's concept is a member of the scheme, and i42 may record it.
    accepted = practice_on_i42(small, iri)
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["report"]["conforms"] is True


def test_the_addition_is_recorded_in_provenance(small: App):
    response = small.client.post(f"{PRACTICES}/concepts", json=BUDGETING, headers=ADMIN)
    activity = response.json()["activity"]
    rows = small.graph.select(
        "PREFIX prov: <http://www.w3.org/ns/prov#> "
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "PREFIX ckm: <https://w3id.org/ckm#> "
        "SELECT ?operation ?agent ?added WHERE { GRAPH <urn:ckm:graph:provenance> { "
        f"<{activity}> rdfs:label ?operation ; prov:wasAssociatedWith/rdfs:label ?agent ; "
        "ckm:triplesAdded ?added } }"
    )
    # Six triples: two types, the scheme, prefLabel, rdfs:label, definition.
    assert [(str(r["operation"]), str(r["agent"]), int(r["added"])) for r in rows] == [
        ("add concept", "admin-key", 6)
    ]


@pytest.mark.parametrize(
    ("path", "body", "status", "kind"),
    [
        ("/api/schemes/ValueSphereScheme", {"label": "Market sphere"}, 422, "closed-scheme"),
        ("/api/schemes/CKMStyleScheme", {"label": "Co-selling"}, 422, "closed-scheme"),
        ("/api/schemes/NoSuchScheme", {"label": "Anything"}, 404, "unknown-scheme"),
        # The label of a concept the ontology lists, in other case and spacing.
        (PRACTICES, {"label": " Diagnosing and  Designing"}, 422, "duplicate-concept"),
        # The design scheme holds four kinds: one must be chosen, and it must be one of them.
        ("/api/schemes/PartnershipDesignScheme", {"label": "Clinic"}, 422, "concept-refused"),
        (
            "/api/schemes/PartnershipDesignScheme",
            {"label": "Clinic", "kind": "ValueSphere"},
            422,
            "concept-refused",
        ),
    ],
)
def test_a_refused_concept_writes_nothing(small: App, path, body, status, kind):
    before = small.dump()
    body = {"definition": "A definition.", **body}
    response = small.client.post(f"{path}/concepts", json=body, headers=ADMIN)
    assert response.status_code == status
    assert response.json()["type"].endswith(kind)
    assert small.dump() == before


def test_a_duplicate_of_an_added_concept_is_refused(small: App):
    assert small.client.post(f"{PRACTICES}/concepts", json=BUDGETING, headers=ADMIN).is_success
    before = small.dump()
    again = {**BUDGETING, "label": "joint BUDGETING"}
    response = small.client.post(f"{PRACTICES}/concepts", json=again, headers=ADMIN)
    assert response.status_code == 422
    assert response.json()["existing"].startswith(f"{BASE}concept/joint-budgeting-")
    assert small.dump() == before


def test_a_design_value_of_a_chosen_kind(small: App):
    body = {"label": "The customer's clinic", "definition": "On site.", "kind": "LocalDesign"}
    response = small.client.post(
        "/api/schemes/PartnershipDesignScheme/concepts", json=body, headers=ADMIN
    )
    assert response.status_code == 201
    concept = small.client.get("/api/schemes/PartnershipDesignScheme").json()["concepts"][-1]
    assert (concept["label"], concept["kinds"], concept["added"]) == (
        "The customer's clinic",
        ["LocalDesign"],
        True,
    )


def _add(app: App, label: str) -> int:
    body = {"label": label, "definition": f"{label}, a practice of this firm."}
    with TestClient(app.client.app, raise_server_exceptions=False) as client:
        return client.post(f"{PRACTICES}/concepts", json=body, headers=ADMIN).status_code


def test_concurrent_admins_adding_different_concepts_all_succeed(small: App):
    names = [f"Practice {n}" for n in range(8)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(lambda name: _add(small, name), names))
    assert statuses == [201] * 8
    assert sorted(labels(small)[4:]) == names


def test_concurrent_admins_adding_one_label_only_one_succeeds(small: App):
    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = sorted(pool.map(lambda _n: _add(small, "Joint budgeting"), range(4)))
    assert statuses == [201, 422, 422, 422]
    assert labels(small)[4:] == ["Joint budgeting"]


def test_a_design_parameter_in_words_is_kept_with_a_warning(small: App):
    update = (
        f"{PREFIXES}INSERT DATA {{ <{EX}p1> a ckm:KnowledgePartnership ; rdfs:label 'Clinic' ; "
        f"ckm:partnerFirm <{EX}medsoft> ; ckm:partner <{EX}acme> ; "
        "ckm:since '2024-01-15'^^xsd:date ; "
        "ckm:localDesign 'the clinic and informal dinners' }"
    )
    response = small.client.post("/sparql", content=update, headers=UPDATE)
    assert response.status_code == 200, response.text
    messages = [
        r["message"]
        for r in response.json()["report"]["results"]
        if r["sourceShape"].endswith("KnowledgePartnership-designDescribedOnly")
    ]
    assert [m.split(". ")[0] for m in messages] == [
        "No category given for localDesign: the description "
        "'the clinic and informal dinners' is kept"
    ]
    stored = small.graph.select(
        f"SELECT ?p ?o WHERE {{ GRAPH <urn:ckm:graph:data> {{ <{EX}p1> ?p ?o }} "
        "FILTER(isLiteral(?o) && STRSTARTS(STR(?o), 'the clinic')) }"
    )
    assert [str(r["p"]) for r in stored] == ["https://w3id.org/ckm#localDesignDescription"]


def test_a_writer_cannot_slip_a_concept_into_a_scheme(small: App):
    # Only the admin's road checks that the scheme is open and the label new.
    before = small.dump()
    update = (
        f"{PREFIXES}INSERT DATA {{ <{EX}budgeting> "
        "<http://www.w3.org/2004/02/skos/core#inScheme> ckm:ValueSphereScheme }"
    )
    response = small.client.post("/sparql", content=update, headers=UPDATE)
    assert response.status_code == 403
    assert response.json()["terms"] == ["https://w3id.org/ckm#ValueSphereScheme"]
    assert small.dump() == before


def test_a_rest_field_takes_the_firms_own_concept(small: App):
    # A motive is a REST "vocab" field: ckm:LocalName, or the IRI of the firm's concept.
    pride = f"{BASE}concept/regional-pride-00000000"
    body = {"label": "Dora Lab", "customerOf": [f"{EX}medsoft"], "hasMotive": [pride]}
    before = small.dump()
    refused = small.client.post("/api/customers", json=body, headers=WRITER)
    assert refused.status_code == 422  # not a motive of the scheme (yet)
    assert small.dump() == before
    motive = {"label": "Regional pride", "definition": "Pride in a firm of the region."}
    added = small.client.post("/api/schemes/MotiveScheme/concepts", json=motive, headers=ADMIN)
    body["hasMotive"] = [added.json()["iri"]]
    created = small.client.post("/api/customers", json=body, headers=WRITER)
    assert created.status_code == 201, created.text
    assert created.json()["hasMotive"] == [added.json()["iri"]]
