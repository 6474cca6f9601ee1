"""What only the remote backend promises: clear errors about the engine, retried reads,
writes the engine applies whole or not at all."""

from __future__ import annotations

import socket

import httpx
import pytest
from rdflib import Literal, URIRef

from kg.config import Settings
from kg.sparql_text import query_form, without_dataset_clauses
from kg.store import open_store
from kg.store.base import EngineFailed, EngineTimeout, StoreError, StoreUnavailable
from kg.store.remote import RemoteStore
from tests.engines import Fault, FaultProxy, start_virtuoso, virtuoso_available

A, P, B, G = (URIRef(f"http://e/{n}") for n in ("a", "p", "b", "g"))
QUAD = (A, P, B, G)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def proxy(oxigraph_server, remote_store):
    """A fault-injecting proxy in front of the (emptied) Oxigraph server."""
    faulty = FaultProxy.before(oxigraph_server)
    yield faulty
    faulty.close()


def _through(proxy: FaultProxy, server, **kwargs) -> RemoteStore:
    return server.via(proxy).remote_store(**kwargs)


def test_an_engine_that_is_down_gives_a_clear_error():
    base = f"http://127.0.0.1:{_closed_port()}"
    store = RemoteStore(base + "/query", base + "/update", base + "/store", retries=1)
    with pytest.raises(StoreUnavailable, match=f"engine at {base}/query is unreachable"):
        store.select("SELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(StoreUnavailable, match=f"engine at {base}/update is unreachable"):
        store.commit(removed=[], added=[QUAD])
    store.close()


def test_an_update_the_engine_refuses_leaves_the_data_unchanged(oxigraph_server, remote_store):
    remote_store.commit(removed=[], added=[QUAD])
    # An endpoint that does not take updates refuses the request.
    refusing = RemoteStore(
        oxigraph_server.query_url, oxigraph_server.query_url, oxigraph_server.store_url
    )
    with pytest.raises(StoreError, match="refused the update, nothing written"):
        refusing.commit(removed=[QUAD], added=[(A, P, Literal("x"), G)])
    refusing.close()
    assert list(remote_store.quads()) == [QUAD]


def test_an_update_that_fails_half_way_is_rolled_back_by_the_engine(remote_store):
    remote_store.commit(removed=[], added=[QUAD])
    # The second operation fails when run: the engine's transaction undoes the first.
    failing = (
        f"DELETE DATA {{ GRAPH <{G}> {{ <{A}> <{P}> <{B}> }} }} ;\n"
        f"LOAD <http://127.0.0.1:{_closed_port()}/nothing>"
    )
    with pytest.raises(StoreError):
        remote_store._update(failing)
    assert list(remote_store.quads()) == [QUAD]


def test_bound_terms_are_validated_before_anything_is_sent(remote_store):
    with pytest.raises(ValueError):
        list(remote_store.quads(URIRef("http://e/a b")))
    with pytest.raises(ValueError):
        remote_store.commit(removed=[], added=[(URIRef("http://e/a b"), P, B, G)])


def test_refused_credentials_name_the_reason(virtuoso_server, virtuoso_store):
    wrong = RemoteStore(
        virtuoso_server.query_url,
        virtuoso_server.update_url,
        virtuoso_server.store_url,
        engine="virtuoso",
        auth=httpx.DigestAuth("ckm", "not-the-password"),
    )
    with pytest.raises(EngineFailed, match=r"refused the credentials \(HTTP 401\)"):
        wrong.ask("ASK {}")
    with pytest.raises(EngineFailed, match=r"refused the credentials \(HTTP 401\)"):
        wrong.commit(removed=[], added=[QUAD])
    wrong.close()
    assert list(virtuoso_store.quads()) == []


def test_a_forbidden_request_names_the_reason(proxy, oxigraph_server, remote_store):
    store = _through(proxy, oxigraph_server)
    proxy.faults.append(Fault(403, "read only"))
    with pytest.raises(EngineFailed, match=r"forbids this request \(HTTP 403\): read only"):
        store.commit(removed=[], added=[QUAD])
    assert list(remote_store.quads()) == []


def test_reads_are_retried_and_writes_are_not(proxy, oxigraph_server, remote_store):
    store = _through(proxy, oxigraph_server, retries=3)
    proxy.faults += [Fault(503, "busy"), Fault(503, "busy")]
    assert store.ask("ASK {}") is True
    assert [(m, p) for m, p, _a in proxy.seen] == [("POST", "/query")] * 3
    proxy.seen.clear()
    proxy.faults.append(Fault(503, "busy"))
    with pytest.raises(EngineFailed, match=r"failed \(HTTP 503\): busy"):
        store.commit(removed=[], added=[QUAD])
    assert [(m, p) for m, p, _a in proxy.seen] == [("POST", "/update")]
    assert list(remote_store.quads()) == []


def test_a_bearer_token_and_basic_auth_are_sent(proxy, oxigraph_server):
    _through(proxy, oxigraph_server, auth="tok").ask("ASK {}")
    _through(proxy, oxigraph_server, auth=("user", "pw")).ask("ASK {}")
    assert proxy.seen[0][2] == "Bearer tok"
    assert proxy.seen[1][2] == "Basic dXNlcjpwdw=="


def test_a_slow_engine_is_an_engine_timeout(proxy, oxigraph_server):
    proxy.faults.append(Fault(delay_s=1.5))
    with pytest.raises(EngineTimeout, match=r"did not answer within 0\.5 s"):
        _through(proxy, oxigraph_server).select("SELECT * WHERE { ?s ?p ?o }", timeout_s=0.5)


def test_query_forms_are_recognised_past_prologues_and_comments():
    assert query_form("PREFIX ask: <http://e/select#> # ASK\nCONSTRUCT {} WHERE {}") == (
        "CONSTRUCT"
    )
    assert query_form("select ?x { ?x <http://e/p> 'ASK' }") == "SELECT"
    assert query_form("PREFIX ex: <http://e/> SELECT ?ask { ?ask ex:ask 1 }") == "SELECT"
    assert query_form("DESCRIBE <http://e/a>") == "DESCRIBE"


def test_settings_with_a_query_url_open_the_remote_store(oxigraph_server, remote_store):
    settings = Settings(
        remote_query_url=oxigraph_server.query_url,
        remote_update_url=oxigraph_server.update_url,
        remote_store_url=oxigraph_server.store_url,
    )
    store = open_store(settings)
    assert isinstance(store, RemoteStore)
    store.commit(removed=[], added=[QUAD])
    assert list(remote_store.quads()) == [QUAD]
    store.close()
    with pytest.raises(StoreError, match="CKM_REMOTE_UPDATE_URL"):
        open_store(Settings(remote_query_url=oxigraph_server.query_url))


def test_dataset_clauses_are_taken_out_only_where_they_are_clauses():
    query = (
        "PREFIX ex: <http://e/> SELECT ?s FROM <http://e/g2> from named ex:g "
        'WHERE { ?s ex:says "FROM <http://e/x>" } # FROM <http://e/y>'
    )
    assert without_dataset_clauses(query) == (
        'PREFIX ex: <http://e/> SELECT ?s     WHERE { ?s ex:says "FROM <http://e/x>" } '
        "# FROM <http://e/y>"
    )


def test_an_answer_the_engine_cut_short_is_refused(tmp_path):
    """Virtuoso cuts answers at ResultSetMaxRows and says so only in a header: a dump or
    a rebuild of inferences must never go on with part of the data."""
    if not virtuoso_available():
        pytest.skip("needs Virtuoso Open Source (virtuoso-t); .ci/run installs it")
    server = start_virtuoso(tmp_path / "virtuoso", max_rows=3)
    try:
        store = server.remote_store()
        store.commit(removed=[], added=[(A, P, Literal(n), G) for n in range(5)])
        with pytest.raises(StoreError, match="cut the answer at 3 rows"):
            list(store.quads(graph=G))
        assert len(store.select("SELECT ?o WHERE { ?s ?p ?o } LIMIT 2")) == 2
        store.close()
    finally:
        server.stop()
