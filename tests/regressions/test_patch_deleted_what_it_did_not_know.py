"""``PATCH {"country": "AT"}`` on a customer removed its ``rdfs:comment`` and
``schema:email``: the REST layer deleted every stored triple of the resource and wrote
back only the model's fields. PATCH is now a JSON Merge Patch (RFC 7396) of the fields
given, and PUT replaces the representation's fields only; neither touches the rest."""

from __future__ import annotations

from tests.api.conftest import WRITER, App

FIRM = "http://example.org/id/medsoft"
SCHEMA_EMAIL = "http://schema.org/email"
COMMENT = "http://www.w3.org/2000/01/rdf-schema#comment"
UPDATE = {**WRITER, "Content-Type": "application/sparql-update"}


def _customer_with_more_than_the_model_says(api: App) -> tuple[str, str]:
    created = api.client.post(
        "/api/customers",
        json={"label": "Patch Clinic", "customerOf": [FIRM], "country": "LI"},
        headers=WRITER,
    )
    assert created.status_code == 201, created.text
    iri = created.json()["id"]
    extra = (
        f"INSERT DATA {{ <{iri}> <{COMMENT}> 'met at the fair' ; "
        f"<{SCHEMA_EMAIL}> 'info@patch.example' }}"
    )
    assert api.client.post("/sparql", content=extra, headers=UPDATE).status_code == 200
    return iri, created.headers["Location"]


def _objects(api: App, iri: str, predicate: str) -> set[str]:
    rows = api.graph.select(f"SELECT ?o WHERE {{ <{iri}> <{predicate}> ?o }}")
    return {str(r["o"]) for r in rows}


def test_patch_changes_the_field_given_and_keeps_every_other_triple(api: App):
    iri, location = _customer_with_more_than_the_model_says(api)
    patched = api.client.patch(location, json={"country": "AT"}, headers=WRITER)
    assert patched.status_code == 200, patched.text
    assert patched.json()["country"] == "AT"
    assert _objects(api, iri, "https://w3id.org/ckm#country") == {"AT"}
    assert _objects(api, iri, COMMENT) == {"met at the fair"}
    assert _objects(api, iri, SCHEMA_EMAIL) == {"info@patch.example"}
    assert patched.json()["label"] == "Patch Clinic"  # a field not given is untouched


def test_patch_null_removes_the_field_only(api: App):
    iri, location = _customer_with_more_than_the_model_says(api)
    patched = api.client.patch(location, json={"country": None}, headers=WRITER)
    assert patched.status_code == 200, patched.text
    assert _objects(api, iri, "https://w3id.org/ckm#country") == set()
    assert _objects(api, iri, COMMENT) == {"met at the fair"}


def test_put_replaces_the_representations_fields_and_keeps_the_rest(api: App):
    iri, location = _customer_with_more_than_the_model_says(api)
    put = api.client.put(
        location, json={"label": "Patch Clinic AG", "customerOf": [FIRM]}, headers=WRITER
    )
    assert put.status_code == 200, put.text
    assert put.json()["label"] == "Patch Clinic AG"
    assert "country" not in put.json() or put.json()["country"] is None  # left out: gone
    assert _objects(api, iri, "https://w3id.org/ckm#country") == set()
    assert _objects(api, iri, SCHEMA_EMAIL) == {"info@patch.example"}
    assert _objects(api, iri, COMMENT) == {"met at the fair"}


def test_patch_of_an_unknown_field_or_resource_writes_nothing(api: App):
    _iri, location = _customer_with_more_than_the_model_says(api)
    before = api.dump()
    unknown_field = api.client.patch(location, json={"colour": "blue"}, headers=WRITER)
    assert unknown_field.status_code == 422
    assert "colour" in unknown_field.json()["detail"]
    unknown = api.client.patch("/api/customers/nobody", json={"country": "AT"}, headers=WRITER)
    assert unknown.status_code == 404
    assert api.dump() == before
