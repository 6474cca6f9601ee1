"""The API as a real ``ckm serve`` process over real HTTP, spoken to by real clients.

SPARQLWrapper and rdflib's SPARQLStore / SPARQLUpdateStore for the SPARQL 1.1 Protocol,
plain httpx for the Graph Store HTTP Protocol. One server per module, on the demo data
(:data:`tests.api.live_server.DEMO_CUSTOMERS` customers); tests that write use their own
``http://example.org/`` IRIs and remove what they wrote.
"""

from __future__ import annotations

import csv
import io
import urllib.error
import warnings
from collections.abc import Iterator

import httpx
import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from SPARQLWrapper import (
    CSV,
    GET,
    JSON,
    JSONLD,
    POST,
    POSTDIRECTLY,
    RDFXML,
    TSV,
    TURTLE,
    URLENCODED,
    XML,
    SPARQLWrapper,
)
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, Unauthorized

from kg.demo import demo_quads
from kg.vocab import DATA_GRAPH
from tests.api.live_server import (
    BASE_IRI,
    DEMO_CUSTOMERS,
    STORED_CUSTOMERS,
    LiveServer,
    live_server,
)

CKM = Namespace("https://w3id.org/ckm#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
EX = Namespace("http://example.org/")
PREFIX = "PREFIX ckm: <https://w3id.org/ckm#>\n"
COUNT_FIRMS = PREFIX + "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a ckm:Firm }"
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
SPARQL_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """``ckm serve`` on a loopback port, on a fresh store holding the demo."""
    with live_server(tmp_path_factory.mktemp("live")) as running:
        yield running


@pytest.fixture(scope="module")
def expected() -> dict[str, set[URIRef]]:
    """What the demo holds, from ``demo_quads`` itself: firm and customer IRIs."""
    quads = demo_quads(customers=DEMO_CUSTOMERS, base_iri=BASE_IRI)
    typed = {(s, o) for s, p, o, _g in quads if p == RDF.type}
    return {
        "firms": {s for s, o in typed if o in (CKM.Firm, CKM.SME)},
        "customers": {s for s, o in typed if o == CKM.Customer},
    }


def wrapper(server: LiveServer, query: str, return_format: str = JSON) -> SPARQLWrapper:
    client = SPARQLWrapper(server.sparql, updateEndpoint=server.sparql)
    client.setQuery(query)
    client.setReturnFormat(return_format)
    return client


def updater(server: LiveServer, update: str, key: str | None) -> SPARQLWrapper:
    """A SPARQLWrapper sending ``update`` by POST, with ``key`` as bearer token if given."""
    client = wrapper(server, update)
    client.setMethod(POST)
    if key is not None:
        client.addCustomHttpHeader("Authorization", f"Bearer {key}")
    return client


def count(server: LiveServer, query: str) -> int:
    bindings = wrapper(server, query).queryAndConvert()["results"]["bindings"]
    assert len(bindings) == 1
    assert bindings[0]["n"]["datatype"] == XSD_INTEGER
    return int(bindings[0]["n"]["value"])


def ask(server: LiveServer, query: str) -> bool:
    return wrapper(server, query).queryAndConvert()["boolean"]


def _text(node) -> str:
    return "".join(child.data for child in node.childNodes if child.nodeType == child.TEXT_NODE)


# -- the process --------------------------------------------------------------------------


def test_health_and_service_description(server: LiveServer):
    health = httpx.get(f"{server.base_url}/health")
    assert health.status_code == 200
    assert health.json()["status"] == "ok"
    description = httpx.get(server.sparql, headers={"Accept": "text/turtle"})
    assert description.status_code == 200
    assert description.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=description.text, format="turtle")
    services = list(graph.subjects(RDF.type, SD.Service))
    assert len(services) == 1
    assert graph.value(services[0], SD.endpoint) == URIRef(server.sparql)
    assert (services[0], SD.supportedLanguage, SD.SPARQL11Update) in graph


# -- SPARQLWrapper: queries ---------------------------------------------------------------


def test_select_json_counts_the_demo_firms(server: LiveServer, expected):
    client = wrapper(server, COUNT_FIRMS)
    result = client.query()
    assert result.response.headers["Content-Type"].startswith("application/sparql-results+json")
    answer = result.convert()
    assert answer["head"]["vars"] == ["n"]
    assert answer["results"]["bindings"] == [
        {"n": {"type": "literal", "value": str(len(expected["firms"])), "datatype": XSD_INTEGER}}
    ]


@pytest.mark.parametrize(
    ("method", "request_method"),
    [(GET, URLENCODED), (POST, URLENCODED), (POST, POSTDIRECTLY)],
    ids=["get", "post-form", "post-direct"],
)
def test_select_by_every_query_operation(server: LiveServer, expected, method, request_method):
    """SPARQL 1.1 Protocol §2.1.1-2.1.3 as SPARQLWrapper sends them."""
    client = wrapper(server, PREFIX + "SELECT ?c WHERE { ?c a ckm:Customer } ORDER BY ?c")
    client.setMethod(method)
    client.setRequestMethod(request_method)
    bindings = client.queryAndConvert()["results"]["bindings"]
    assert [b["c"]["type"] for b in bindings] == ["uri"] * len(bindings)
    assert [URIRef(b["c"]["value"]) for b in bindings] == sorted(expected["customers"])


def test_default_graph_uri_restricts_the_dataset(server: LiveServer):
    """§2.1.4: default-graph-uri names the dataset; the ontology's triples then drop out."""
    query = "ASK { ?c a <http://www.w3.org/2002/07/owl#Class> }"
    assert ask(server, query) is True  # the default graph is the union of all graphs
    client = wrapper(server, query)
    client.addDefaultGraph(str(DATA_GRAPH))
    assert client.queryAndConvert()["boolean"] is False
    client = wrapper(server, PREFIX + "SELECT (COUNT(?c) AS ?n) WHERE { ?c a ckm:Customer }")
    client.addDefaultGraph(str(DATA_GRAPH))
    assert client.queryAndConvert()["results"]["bindings"][0]["n"]["value"] == str(STORED_CUSTOMERS)


def test_ask_as_json_and_xml(server: LiveServer):
    assert ask(server, PREFIX + "ASK { ?f a ckm:Firm }") is True
    assert ask(server, PREFIX + "ASK { ?f a ckm:Firm ; ckm:country 'XX' }") is False
    result = wrapper(server, PREFIX + "ASK { ?f a ckm:Firm }", XML).query()
    assert result.response.headers["Content-Type"].startswith("application/sparql-results+xml")
    document = result.convert()
    (boolean,) = document.getElementsByTagNameNS(SPARQL_RESULTS_NS, "boolean")
    assert _text(boolean) == "true"


@pytest.mark.parametrize(
    ("return_format", "media_type"),
    [(TURTLE, "text/turtle"), (RDFXML, "application/rdf+xml"), (JSONLD, "application/ld+json")],
)
def test_construct_parses_to_the_demo_firms(
    server: LiveServer, expected, return_format, media_type
):
    client = wrapper(server, PREFIX + "CONSTRUCT WHERE { ?f a ckm:Firm }", return_format)
    result = client.query()
    assert result.response.headers["Content-Type"].startswith(media_type)
    with warnings.catch_warnings():  # SPARQLWrapper and rdflib's JSON-LD parser
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        converted = result.convert()
    if isinstance(converted, Graph):  # SPARQLWrapper parses RDF/XML and JSON-LD itself
        graph = converted
    else:
        graph = Graph().parse(data=converted, format="turtle")
    assert set(graph.predicates()) == {RDF.type}
    assert set(graph.objects()) == {CKM.Firm}
    assert set(graph.subjects()) == expected["firms"]


def test_select_as_csv(server: LiveServer, expected):
    result = wrapper(server, COUNT_FIRMS, CSV).query()
    assert result.response.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(result.convert().decode("utf-8"))))
    assert rows == [["n"], [str(len(expected["firms"]))]]


def test_select_as_tsv(server: LiveServer, expected):
    result = wrapper(server, COUNT_FIRMS, TSV).query()
    assert result.response.headers["Content-Type"].startswith("text/tab-separated-values")
    lines = result.convert().decode("utf-8").splitlines()
    assert lines == ["?n", f'"{len(expected["firms"])}"^^<{XSD_INTEGER}>']


def test_select_as_xml(server: LiveServer, expected):
    result = wrapper(server, COUNT_FIRMS, XML).query()
    assert result.response.headers["Content-Type"].startswith("application/sparql-results+xml")
    document = result.convert()
    variables = document.getElementsByTagNameNS(SPARQL_RESULTS_NS, "variable")
    assert [v.getAttribute("name") for v in variables] == ["n"]
    (literal,) = document.getElementsByTagNameNS(SPARQL_RESULTS_NS, "literal")
    assert literal.getAttribute("datatype") == XSD_INTEGER
    assert _text(literal) == str(len(expected["firms"]))


def test_syntax_error_raises_query_bad_formed(server: LiveServer):
    client = wrapper(server, "SELECT ?s WHERE { ?s ?p }")
    with pytest.raises(QueryBadFormed) as raised:
        client.query()
    assert "malformed-query" in str(raised.value)  # the problem document is quoted


# -- SPARQLWrapper: updates ---------------------------------------------------------------


def test_update_with_writer_key_then_read_back(server: LiveServer):
    triple = f'<{EX.w1}> <{EX.p}> "written by SPARQLWrapper"'
    assert ask(server, f"ASK {{ {triple} }}") is False
    result = updater(server, f"INSERT DATA {{ {triple} }}", server.writer_key).query()
    assert result.response.status == 200
    assert ask(server, f"ASK {{ {triple} }}") is True
    select = wrapper(server, f"SELECT ?o WHERE {{ <{EX.w1}> <{EX.p}> ?o }}")
    select.addDefaultGraph(str(DATA_GRAPH))  # where the update wrote
    assert select.queryAndConvert()["results"]["bindings"] == [
        {"o": {"type": "literal", "value": "written by SPARQLWrapper"}}
    ]
    updater(server, f"DELETE DATA {{ {triple} }}", server.writer_key).query()
    assert ask(server, f"ASK {{ {triple} }}") is False


def test_a_literal_written_once_is_answered_once(server: LiveServer):
    triple = f'<{EX.w3}> <{EX.p}> "once"'
    updater(server, f"INSERT DATA {{ {triple} }}", server.writer_key).query()
    try:
        select = wrapper(server, f"SELECT ?o WHERE {{ <{EX.w3}> <{EX.p}> ?o }}")
        assert len(select.queryAndConvert()["results"]["bindings"]) == 1
    finally:
        updater(server, f"DELETE DATA {{ {triple} }}", server.writer_key).query()


@pytest.mark.parametrize("key", [None, "not-a-key"], ids=["no-key", "unknown-key"])
def test_update_without_a_valid_key_is_unauthorized(server: LiveServer, key):
    triple = f'<{EX.w2}> <{EX.p}> "never written"'
    with pytest.raises(Unauthorized):
        updater(server, f"INSERT DATA {{ {triple} }}", key).query()
    assert ask(server, f"ASK {{ {triple} }}") is False


def test_update_refused_by_shacl_raises_http_422(server: LiveServer):
    """SPARQLWrapper has no exception of its own for 422: urllib's HTTPError comes out."""
    before = count(server, COUNT_ALL)
    update = PREFIX + f"INSERT DATA {{ <{EX.i2}> a ckm:Interaction }}"
    with pytest.raises(urllib.error.HTTPError) as raised:
        updater(server, update, server.writer_key).query()
    assert raised.value.code == 422
    assert count(server, COUNT_ALL) == before


# -- rdflib SPARQLStore / SPARQLUpdateStore -----------------------------------------------


def test_sparqlstore_query(server: LiveServer):
    graph = Graph(store=SPARQLStore(query_endpoint=server.sparql))
    rows = list(graph.query(PREFIX + "SELECT (COUNT(?c) AS ?n) WHERE { ?c a ckm:Customer }"))
    assert rows == [(Literal(STORED_CUSTOMERS),)]
    (answer,) = graph.query(PREFIX + "ASK { ?c a ckm:Customer }")
    assert answer is True


def test_sparqlstore_triples(server: LiveServer, expected):
    graph = Graph(store=SPARQLStore(query_endpoint=server.sparql, returnFormat="json"))
    triples = list(graph.triples((None, RDF.type, CKM.Customer)))
    assert {s for s, _p, _o in triples} == expected["customers"]
    assert len(triples) == STORED_CUSTOMERS
    firm = next(iter(sorted(expected["firms"])))
    assert (firm, RDF.type, CKM.Firm) in graph


def test_sparqlupdatestore_add_and_remove_in_a_named_graph(server: LiveServer):
    name = EX.rdflib
    store = SPARQLUpdateStore(
        query_endpoint=server.sparql,
        update_endpoint=server.sparql,
        headers=server.bearer(server.admin_key),
    )
    graph = Graph(store=store, identifier=name)
    triple = (EX.u1, EX.p, Literal("written by rdflib"))
    graph.add(triple)
    assert list(graph.triples((EX.u1, None, None))) == [triple]
    assert ask(server, f'ASK {{ GRAPH <{name}> {{ <{EX.u1}> <{EX.p}> "written by rdflib" }} }}')
    graph.remove((EX.u1, None, None))
    assert list(graph.triples((EX.u1, None, None))) == []


# -- Graph Store HTTP Protocol with httpx -------------------------------------------------

G1 = str(EX.g1)
TURTLE_BODY = (
    '@prefix ex: <http://example.org/> .\nex:x ex:p "1" ; ex:q ex:y .\nex:y ex:p "2"@en .\n'
)


def _triples(text: str, syntax: str) -> set:
    return set(Graph().parse(data=text, format=syntax))


def test_graph_store_put_get_put_delete(server: LiveServer):
    write = server.bearer(server.writer_key) | {"Content-Type": "text/turtle"}
    params = {"graph": G1}
    with httpx.Client(base_url=server.base_url, timeout=10.0) as http:
        created = http.put("/store", params=params, headers=write, content=TURTLE_BODY)
        assert created.status_code == 201, created.text
        read = http.get("/store", params=params, headers={"Accept": "application/n-triples"})
        assert read.status_code == 200
        assert read.headers["content-type"].startswith("application/n-triples")
        assert _triples(read.text, "nt") == _triples(TURTLE_BODY, "turtle")
        assert len(_triples(read.text, "nt")) == 3
        replaced = http.put("/store", params=params, headers=write, content=TURTLE_BODY)
        assert replaced.status_code == 204
        head = http.head("/store", params=params, headers={"Accept": "text/turtle"})
        assert head.status_code == 200
        assert head.headers["content-type"].startswith("text/turtle")
        deleted = http.delete("/store", params=params, headers=server.bearer(server.writer_key))
        assert deleted.status_code == 204
        gone = http.get("/store", params=params, headers={"Accept": "application/n-triples"})
        assert gone.status_code == 404
        assert gone.headers["content-type"].startswith("application/problem+json")
        again = http.delete("/store", params=params, headers=server.bearer(server.writer_key))
        assert again.status_code == 404


def test_graph_store_write_without_key_is_401(server: LiveServer):
    params = {"graph": str(EX.g_anonymous)}
    response = httpx.put(
        server.store, params=params, headers={"Content-Type": "text/turtle"}, content=TURTLE_BODY
    )
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert httpx.get(server.store, params=params).status_code == 404


# -- a refused update changes nothing -----------------------------------------------------


def test_shacl_refused_update_is_422_and_changes_nothing(server: LiveServer):
    before = count(server, COUNT_ALL)
    response = httpx.post(
        server.sparql,
        headers=server.bearer(server.writer_key) | {"Content-Type": "application/sparql-update"},
        content=PREFIX + f"INSERT DATA {{ <{EX.i1}> a ckm:Interaction }}",
    )
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["status"] == 422
    assert problem["report"]["conforms"] is False
    assert problem["report"]["violations"] > 0
    assert {r["focusNode"] for r in problem["report"]["results"]} == {str(EX.i1)}
    assert count(server, COUNT_ALL) == before
    assert ask(server, f"ASK {{ <{EX.i1}> ?p ?o }}") is False


# -- access log --------------------------------------------------------------------------


def test_no_access_log_keeps_request_paths_out_of_the_output(server: LiveServer, tmp_path):
    """The default server logs each request's path; ``--no-access-log`` logs none (paths
    name customers, see docs/SECURITY.md) while the server still answers."""
    path = "/api/customers?limit=1"
    assert httpx.get(server.base_url + path).status_code == 200
    assert path in server.log.read_text(encoding="utf-8")
    with live_server(tmp_path, options=("--no-access-log",)) as quiet:
        assert httpx.get(quiet.base_url + path).status_code == 200
        assert "GET /" not in quiet.log.read_text(encoding="utf-8")
