"""``/api/queries`` on the real app: the list, results as SPARQL JSON and CSV (by Accept or
``?format=``), problem documents for unknown queries and bad parameters, the read rule."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from decimal import Decimal as D

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import ApiSettings
from kg.graph import KnowledgeGraph
from tests.queries.conftest import rows

READER = {"Authorization": "Bearer reader-secret-0123456789"}
PROBLEMS = "https://w3id.org/ckm/problems/"


def client_for(graph: KnowledgeGraph, path, **overrides) -> TestClient:
    settings = ApiSettings(
        store=path, api_keys="reader:reader:reader-secret-0123456789", **overrides
    )
    return TestClient(create_app(settings, graph), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def client(analysts: KnowledgeGraph, tmp_path_factory) -> Iterator[TestClient]:
    with client_for(analysts, tmp_path_factory.mktemp("api")) as test_client:
        yield test_client


def problem(response, status: int, kind: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status and body["type"] == PROBLEMS + kind
    return body


def test_the_list_carries_the_metadata(client: TestClient):
    response = client.get("/api/queries")
    assert response.status_code == 200
    listed = {q["name"]: q for q in response.json()}
    assert len(listed) >= 30
    flows = listed["knowledge-flows-by-month"]
    assert flows["title"] == "Knowledge flows by month"
    assert [p["name"] for p in flows["parameters"]] == ["firm", "from", "to"]
    assert flows["parameters"][1] == {
        "name": "from",
        "datatype": "xsd:date",
        "default": None,
        "description": "first day of the period, inclusive (YYYY-MM-DD)",
    }
    assert "ckm:KnowledgeFromCustomers" in flows["concepts"] and flows["sources"]
    assert flows["url"].endswith("/api/queries/knowledge-flows-by-month")


def test_results_are_sparql_json_by_default(client: TestClient):
    response = client.get(
        "/api/queries/knowledge-flows-by-month",
        params={"firm": "http://example.org/id/medsoft", "from": "2025-03-01"},
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/sparql-results+json"
    assert rows(response.json()) == [("2025-03", "from", D(1))]  # k8, i5


@pytest.mark.parametrize(
    ("headers", "params"),
    [({"Accept": "text/csv"}, {}), ({"Accept": "application/json"}, {"format": "csv"})],
    ids=["accept", "format"],
)
def test_results_as_csv(client: TestClient, headers: dict, params: dict):
    response = client.get(
        "/api/queries/contributions-by-value-area", headers=headers, params=params
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert list(csv.reader(io.StringIO(response.text))) == [
        ["valueArea", "count", "valueAreaLabel"],
        ["https://w3id.org/ckm#OperativeArea", "3", "operative area"],
        ["https://w3id.org/ckm#OrganizationalArea", "1", "organizational area"],
        ["https://w3id.org/ckm#StrategicArea", "3", "strategic area"],
    ]


def test_no_acceptable_format_is_406(client: TestClient):
    response = client.get(
        "/api/queries/contributions-by-value-area", headers={"Accept": "text/turtle"}
    )
    problem(response, 406, "not-acceptable")


def test_an_unknown_query_is_404(client: TestClient):
    body = problem(client.get("/api/queries/no-such-query"), 404, "unknown-query")
    assert "knowledge-flows-by-month" in body["detail"]


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"firm": '"> } ; DROP ALL #'}, "firm"),
        ({"from": "2025-02-30"}, "from"),
        ({"company": "http://example.org/id/medsoft"}, "company"),
        ({"format": "xlsx"}, "format"),
    ],
)
def test_a_bad_parameter_is_400_naming_it(client: TestClient, params: dict, parameter: str):
    response = client.get("/api/queries/knowledge-flows-by-month", params=params)
    assert problem(response, 400, "bad-parameter")["parameter"] == parameter


def test_a_repeated_parameter_is_400(client: TestClient):
    response = client.get("/api/queries/knowledge-flows-by-month?to=2025-01-01&to=2025-02-01")
    assert problem(response, 400, "bad-parameter")["parameter"] == "to"


def test_a_string_parameter_is_a_literal_never_query_text(client: TestClient):
    response = client.get("/api/queries/knowledge-search", params={"text": '"> } ; DROP ALL #'})
    assert response.status_code == 200 and rows(response.json()) == []
    flows = client.get("/api/queries/knowledge-flows-by-month").json()
    assert len(flows["results"]["bindings"]) == 8  # nothing dropped


@pytest.mark.parametrize("path", ["/api/queries", "/api/queries/customer-role-mix"])
def test_reads_need_a_key_when_configured(analysts: KnowledgeGraph, tmp_path, path: str):
    with client_for(analysts, tmp_path, reads_need_key=True) as locked:
        problem(locked.get(path), 401, "unauthorized")
        assert locked.get(path, headers=READER).status_code == 200
