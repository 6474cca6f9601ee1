"""The API on a remote engine that fails: 502 when the engine errs or refuses our
credentials, 503 when it cannot be reached, 504 when it is too slow — problem+json every
time, nothing half-written, and answers again once the engine is back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api.conftest import WRITER, App
from tests.api.test_rest import new_customer
from tests.api.test_sparql_protocol import problem
from tests.engines import EngineServer, Fault, FaultProxy
from tests.kg.conftest import SMALL_TTL, turtle_delta

NEW_CUSTOMER = {
    "label": "Dora Dental",
    "customerOf": ["http://example.org/id/medsoft"],
    "customerRole": "ckm:PassiveCustomerRole",
    "typology": "ckm:B2B",
    "country": "DE",
}


@pytest.fixture
def proxy(oxigraph_server: EngineServer) -> Iterator[FaultProxy]:
    oxigraph_server.empty()
    faulty = FaultProxy.before(oxigraph_server)
    yield faulty
    faulty.close()


@pytest.fixture
def app(proxy: FaultProxy, oxigraph_server: EngineServer, tmp_path: Path) -> Iterator[App]:
    """The API on Oxigraph (holding small.ttl) through the proxy: no read retries, three
    seconds per request (ample on a loaded machine, short for a test)."""
    fields = oxigraph_server.via(proxy).settings_fields()
    served = App(tmp_path, **fields, remote_retries=0, query_timeout_s=3)
    served.graph.write(turtle_delta(SMALL_TTL.read_text()))
    yield served
    served.close()


def test_an_engine_error_is_502(app: App, proxy: FaultProxy):
    proxy.faults.append(Fault(500, "disk on fire"))
    response = app.client.get("/api/customers")
    assert response.status_code == 502
    body = problem(response)
    assert body["type"].endswith("engine-failed")
    assert "HTTP 500" in body["detail"] and "disk on fire" in body["detail"]
    assert app.client.get("/api/customers").status_code == 200


def test_refused_credentials_are_502(app: App, proxy: FaultProxy):
    proxy.faults.append(Fault(401, "who are you"))
    response = app.client.post(
        "/sparql", data={"query": "ASK {}"}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 502
    assert "refused the credentials" in problem(response)["detail"]


def test_a_slow_engine_is_504(app: App, proxy: FaultProxy):
    proxy.faults.append(Fault(delay_s=5))
    response = app.client.get("/api/customers")
    assert response.status_code == 504
    body = problem(response)
    assert body["type"].endswith("engine-timeout")
    assert response.headers["retry-after"] == "5"


def test_a_write_the_engine_fails_writes_nothing(app: App, proxy: FaultProxy):
    before = app.dump()
    proxy.faults.append(Fault(503, "overloaded", content_type="application/sparql-update"))
    response = app.client.post("/api/customers", json=NEW_CUSTOMER, headers=WRITER)
    assert response.status_code == 502
    assert "overloaded" in problem(response)["detail"]
    assert app.dump() == before
    # Once the engine answers again, the same write goes through.
    assert new_customer(app, **NEW_CUSTOMER)["label"] == "Dora Dental"


def test_an_engine_that_is_gone_is_503(app: App, proxy: FaultProxy):
    proxy.close()
    response = app.client.get("/api/customers")
    assert response.status_code == 503
    body = problem(response)
    assert body["type"].endswith("store-unavailable")
    assert "unreachable" in body["detail"]
    health = app.client.get("/health")
    assert health.status_code == 503
