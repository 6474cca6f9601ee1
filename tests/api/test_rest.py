"""REST resources under /api: round trips through the write road, lists with filters and
pagination, content negotiation, field-level and SHACL refusals, erasure."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from kg.demo_integrator import CASE_CUSTOMERS
from tests.api.conftest import ADMIN, BASE, WRITER, App
from tests.api.test_sparql_protocol import problem

# Tests of ``small`` run on the embedded store, oxigraph serve and Virtuoso.
RUN_ON_EVERY_BACKEND = True

MEDSOFT = "http://example.org/id/medsoft"


def create(app: App, plural: str, body: dict) -> dict:
    response = app.client.post(f"/api/{plural}", json=body, headers=WRITER)
    assert response.status_code == 201, response.text
    location = response.headers["location"]
    read_back = app.client.get(location)
    assert read_back.status_code == 200
    assert read_back.json() == response.json()
    return response.json()


def new_customer(app: App, **fields) -> dict:
    return create(
        app,
        "customers",
        {
            "label": "Cora Care",
            "customerOf": [MEDSOFT],
            "customerRole": "ckm:ActiveCustomerRole",
            "typology": "ckm:B2B",
            "country": "CH",
            **fields,
        },
    )


def test_customer_interaction_knowledge_round_trip(small: App):
    """Create a customer, log an interaction with knowledge from them, read it back."""
    customer = new_customer(small)
    assert customer["id"].startswith(BASE + "customer/cora-care-")
    interaction = create(
        small,
        "interactions",
        {
            "label": "Kick-off",
            "byFirm": MEDSOFT,
            "withCustomer": [customer["id"]],
            "startedAtTime": "2026-05-04T09:30:00Z",
            "channel": "ckm:Workshop",
            "inSphere": "ckm:JointSphere",
            "ckmStyle": ["ckm:MutualInnovation"],
            "satisfaction": 4,
        },
    )
    knowledge = create(
        small,
        "knowledge",
        {
            "type": ["ckm:KnowledgeFromCustomers"],
            "label": "Dark mode",
            "content": ["ckm:Idea"],
            "knowledgeSource": customer["id"],
            "statement": "Night shifts want a dark mode",
            "wasGeneratedBy": interaction["id"],
            "created": "2026-05-04",
        },
    )
    found = small.client.get("/api/knowledge", params={"customer": customer["id"]}).json()
    assert [k["id"] for k in found["items"]] == [knowledge["id"]]
    assert found["items"][0]["statement"] == "Night shifts want a dark mode"
    listed = small.client.get("/api/interactions", params={"customer": customer["id"]}).json()
    assert listed["items"][0]["satisfaction"] == 4


def test_refused_write_is_422_with_the_report_and_nothing_written(small: App):
    """An interaction in the joint sphere through an indirect channel breaks a rule."""
    before = small.dump()
    response = small.client.post(
        "/api/interactions",
        headers=WRITER,
        json={
            "byFirm": MEDSOFT,
            "withCustomer": ["http://example.org/id/acme"],
            "startedAtTime": "2026-05-04T09:30:00Z",
            "channel": "ckm:SurveyForm",
            "inSphere": "ckm:JointSphere",
        },
    )
    assert response.status_code == 422
    assert problem(response)["report"]["conforms"] is False
    assert small.dump() == before


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"satisfaction": 9}, "satisfaction"),
        ({"byFirm": "not an iri"}, "byFirm"),
        ({"channel": "Workshop> } ; DROP ALL ; {"}, "channel"),
        ({"startedAtTime": "yesterday"}, "startedAtTime"),
        ({"unknownField": 1}, "unknownField"),
    ],
)
def test_pydantic_errors_are_field_level_422(small: App, body: dict, field: str):
    before = small.dump()
    response = small.client.post("/api/interactions", json=body, headers=WRITER)
    assert response.status_code == 422
    errors = problem(response)["errors"]
    assert any(e["field"].endswith(field) for e in errors), errors
    assert small.dump() == before


def test_replace_and_patch(small: App):
    customer = new_customer(small)
    path = "/api/customers/" + customer["id"].rsplit("/", 1)[1]
    patched = small.client.patch(path, json={"country": "AT", "hasMotive": None}, headers=WRITER)
    assert patched.status_code == 200, patched.text
    assert patched.json()["country"] == "AT"
    replaced = small.client.put(
        path,
        headers=WRITER,
        json={
            "label": "Cora Care AG",
            "customerOf": [MEDSOFT],
            "customerRole": "ckm:PassiveCustomerRole",
            "typology": "ckm:B2B",
        },
    )
    assert replaced.status_code == 200, replaced.text
    body = small.client.get(path).json()
    assert body["label"] == "Cora Care AG" and "country" not in body


def test_bad_patch_is_field_level_422(small: App):
    customer = new_customer(small)
    path = "/api/customers/" + customer["id"].rsplit("/", 1)[1]
    response = small.client.patch(path, json={"customerOf": ["no iri"]}, headers=WRITER)
    assert response.status_code == 422
    assert problem(response)["errors"][0]["field"].startswith("customerOf")


def test_unknown_resource_is_404(demo: App):
    assert demo.client.get("/api/customers/nobody").status_code == 404
    assert demo.client.get("/api/customers/..%2F..%2Fetc").status_code == 404


def test_customer_delete_is_erasure_for_admins_only(small: App):
    customer = new_customer(small)
    path = "/api/customers/" + customer["id"].rsplit("/", 1)[1]
    assert small.client.delete(path, headers=WRITER).status_code == 403
    assert small.client.delete(path, headers=ADMIN).status_code == 204
    assert small.client.get(path).status_code == 404
    ask = f"ASK {{ {{ <{customer['id']}> ?p ?o }} UNION {{ ?s ?p <{customer['id']}> }} }}"
    assert small.client.get("/sparql", params={"query": ask}).json()["boolean"] is False


def test_delete_of_other_kinds_needs_a_writer(small: App):
    firm = create(small, "firms", {"type": ["ckm:SME"], "label": "Tiny GmbH", "country": "DE"})
    path = "/api/firms/" + firm["id"].rsplit("/", 1)[1]
    assert small.client.delete(path).status_code == 401
    assert small.client.delete(path, headers=WRITER).status_code == 204
    assert small.client.get(path).status_code == 404


def test_lists_are_stably_ordered_and_paginated(demo: App):
    first = demo.client.get("/api/customers", params={"limit": 7}).json()
    second = demo.client.get(first["next"]).json()
    everything = demo.client.get("/api/customers", params={"limit": 500}).json()
    ids = [c["id"] for c in everything["items"]]
    assert len(ids) == 20 + CASE_CUSTOMERS and ids == sorted(ids)
    assert [c["id"] for c in first["items"] + second["items"]] == ids[:14]
    assert everything["next"] is None


@pytest.mark.parametrize(
    ("plural", "params", "check"),
    [
        (
            "customers",
            {"role": "KnowledgePartnerRole"},
            lambda r: r["customerRole"] == "ckm:KnowledgePartnerRole",
        ),
        (
            "customers",
            {"firm": BASE + "firm/medsoft"},
            lambda r: BASE + "firm/medsoft" in r["customerOf"],
        ),
        ("interactions", {"channel": "ckm:Workshop"}, lambda r: r["channel"] == "ckm:Workshop"),
        ("interactions", {"sphere": "JointSphere"}, lambda r: r["inSphere"] == "ckm:JointSphere"),
        (
            "interactions",
            {"from": "2025-01-01", "to": "2025-07-01"},
            lambda r: "2025-01-01" <= r["startedAtTime"][:10] < "2025-07-01",
        ),
        (
            "knowledge",
            {"flow": "KnowledgeFromCustomers"},
            lambda r: "ckm:KnowledgeFromCustomers" in r["type"],
        ),
        (
            "contributions",
            {"area": "StrategicArea"},
            lambda r: r["valueArea"] == "ckm:StrategicArea",
        ),
        (
            "initiatives",
            {"style": "CommunitiesOfCreation"},
            lambda r: "ckm:CommunitiesOfCreation" in r["ckmStyle"],
        ),
        ("partnerships", {}, lambda r: r["partnerFirm"].startswith(BASE)),
        ("firms", {}, lambda r: r["label"]),
    ],
)
def test_list_filters(demo: App, plural: str, params: dict, check):
    response = demo.client.get(f"/api/{plural}", params={**params, "limit": 500})
    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert items, f"no {plural} match {params}"
    assert all(check(item) for item in items)


@pytest.mark.parametrize(
    "params",
    [
        {"firm": "> } DROP ALL {"},
        {"channel": "Workshop> . ?x ?y ?z"},
        {"from": "2025-13-45"},
        {"firm": "x y"},
    ],
)
def test_hostile_filter_values_are_400(demo: App, params: dict):
    response = demo.client.get("/api/interactions", params=params)
    assert response.status_code == 400
    problem(response)


def test_resources_negotiate_rdf(demo: App):
    response = demo.client.get("/api/customers/c0001", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format="turtle")
    assert (URIRef(BASE + "customer/c0001"), None, None) in graph


def test_json_is_json_ld_with_the_published_context(demo: App):
    body = demo.client.get("/api/customers/c0001", headers={"Accept": "application/ld+json"})
    assert body.headers["content-type"].startswith("application/ld+json")
    document = body.json()
    document["@context"] = demo.client.get("/context.jsonld").json()["@context"]
    graph = Graph().parse(data=document, format="json-ld")
    turtle = demo.client.get("/api/customers/c0001", headers={"Accept": "text/turtle"}).text
    assert graph.isomorphic(Graph().parse(data=turtle, format="turtle"))


def test_resource_iris_dereference(demo: App):
    response = demo.client.get("/id/customer/c0001", follow_redirects=False)
    assert response.status_code == 303
    followed = demo.client.get("/id/customer/c0001")
    assert followed.json()["id"] == BASE + "customer/c0001"
    offering = demo.client.get("/id/firm/medsoft", headers={"Accept": "text/turtle"})
    assert offering.status_code == 200


def test_openapi_documents_every_route(demo: App):
    spec = demo.client.get("/openapi.json").json()
    for path in ("/sparql", "/store", "/validate", "/api/customers", "/api/knowledge/{slug}"):
        assert path in spec["paths"]
    assert demo.client.get("/docs").status_code == 200
