"""The requests of docs/*.md (API, DIAGNOSIS, IMPORT, OPERATIONS), sent in the docs'
order to a real ``ckm serve`` on the demo store, each checked against what its doc says
it answers (issue 19).

The requests run in the docs' order, a reader's (run one alone and it may miss what an
earlier one made): API.md's REST block creates the customer its later
requests change, so those requests use the slug the create answered
(:data:`COPIES`); OPERATIONS.md's restore, last, puts back the backup taken just before.
"""

from __future__ import annotations

import pytest

from api.auth import Role, parse_keys
from tests.api.live_server import live_server
from tests.docs.catalogue import served_requests
from tests.docs.examples import Command, all_blocks
from tests.docs.reader import Expect, Reader, expectation

CREATED = "location: {server}/"

# What each request answers, as its doc says (status, fields, rows).
ANSWERS: dict[str, Expect] = {
    # API.md: the keys' format
    'export CKM_API_KEYS="alice:writer:': Expect(),
    # API.md: SPARQL
    "curl -G http://localhost:8000/sparql -H 'Accept: text/csv'": Expect(
        status=200, csv_rows=10, why="LIMIT 10 of the demo's 12 customers"
    ),
    "curl http://localhost:8000/sparql?default-graph-uri=urn:ckm:graph:data": Expect(
        status=200, json_fields=("head", "results")
    ),
    "curl -G http://localhost:8000/sparql -H 'Accept: text/turtle'": Expect(
        status=200, shows=("<https://w3id.org/ckm#Firm>",)
    ),
    'curl http://localhost:8000/sparql -H "Authorization: Bearer $WRITER_KEY"': Expect(
        status=200, shows=('"added":1', '"removed":1'), why="change the one country"
    ),
    # API.md: Graph Store
    "curl 'http://localhost:8000/store?default'": Expect(status=200),
    "curl -X PUT 'http://localhost:8000/store?graph=http://example.org/g'": Expect(
        status=201, why="PUT creates the graph"
    ),
    "curl -X DELETE 'http://localhost:8000/store?graph=http://example.org/g'": Expect(status=204),
    "curl -i -X POST http://localhost:8000/store ": Expect(status=201, shows=(CREATED + "store/",)),
    "curl -X POST http://localhost:8000/store/person/1.ttl": Expect(
        status=201, why="POST to a new graph creates it"
    ),
    # API.md: validation and ontology
    "curl http://localhost:8000/ontology -H 'Accept: text/html' -o ckm.html": Expect(status=200),
    "curl http://localhost:8000/validate -H 'Content-Type: text/turtle' --data-binary": Expect(
        status=200, json_fields=("conforms", "accepted", "results")
    ),
    "curl http://localhost:8000/validate -H 'Content-Type: text/turtle' -H 'Accept: text/plain'": (
        Expect(status=200, shows=("Conforms",))
    ),
    "curl http://localhost:8000/ontology -H 'Accept: application/rdf+xml'": Expect(status=200),
    # API.md: REST
    'KEY="Authorization: Bearer $WRITER_KEY"': Expect(),
    "curl -i http://localhost:8000/api/customers": Expect(
        status=201, shows=(CREATED + "api/customers/acme-clinic-",)
    ),
    "curl http://localhost:8000/api/interactions": Expect(status=201),
    "curl http://localhost:8000/api/knowledge": Expect(status=201),
    "curl 'http://localhost:8000/api/knowledge?customer=": Expect(
        status=200, shows=("Export reports as FHIR bundles",)
    ),
    "curl -X PATCH http://localhost:8000/api/customers/acme-clinic": Expect(
        status=200, shows=('"country":"AT"',)
    ),
    "curl http://localhost:8000/id/customer/acme-clinic": Expect(
        status=200, shows=('"Acme Clinic"',), why="303 to the resource, followed (-L)"
    ),
    "curl -X DELETE http://localhost:8000/api/customers/acme-clinic": Expect(status=204),
    "curl 'http://localhost:8000/api/interactions?limit=500&channel=Telephone'": Expect(status=200),
    "ETAG=$(curl": Expect(status=200),
    'curl -X PATCH http://localhost:8000/api/customers/c0002 -H "$KEY" -H "If-Match: $ETAG"': (
        Expect(status=200, shows=('"employeeCount":12',))
    ),
    # API.md: concept schemes
    "curl http://localhost:8000/api/schemes  ": Expect(status=200, json_fields=("items",)),
    "curl http://localhost:8000/api/schemes/ResourceIntegratingPracticeScheme ": Expect(
        status=200, json_fields=("name", "open", "concepts")
    ),
    "curl -X POST http://localhost:8000/api/schemes/ResourceIntegratingPracticeScheme": Expect(
        status=201, json_fields=("iri", "activity", "report")
    ),
    "curl -X POST http://localhost:8000/api/schemes/PartnershipDesignScheme": Expect(
        status=201, json_fields=("iri", "activity", "report")
    ),
    # API.md: saved queries
    "curl 'http://localhost:8000/api/queries/knowledge-flows-by-month": Expect(
        status=200, json_fields=("head", "results")
    ),
    "curl 'http://localhost:8000/api/queries/contributions-by-value-area'": Expect(
        status=200, shows=("valueArea,count",)
    ),
    "curl 'http://localhost:8000/api/queries/crowding-out-risk": Expect(
        status=200, shows=("customer,customerLabel",)
    ),
    # API.md and IMPORT.md: CSV import
    "curl http://localhost:8000/api/import": Expect(
        status=200, json_fields=("rowsRead", "resources", "rejectedRows", "written")
    ),
    # DIAGNOSIS.md
    "curl 'http://localhost:8000/api/firms/plastic-design/diagnosis": Expect(status=200),
    # OPERATIONS.md: a backup, then the restore of it
    'curl -fsS -H "Authorization: Bearer $ADMIN_KEY"': Expect(status=200),
    'curl -fsS -X PUT -H "Authorization: Bearer $ADMIN_KEY"': Expect(),
}

# A value the doc shows as an example of an earlier answer -> (the request answering
# it, where the answer gives it): what a reader copies into the requests after.
COPIES: dict[str, tuple[str, str]] = {
    "acme-clinic-1a2b3c4d": (
        "curl -i http://localhost:8000/api/customers",
        r"location: \S+/api/customers/([\w-]+)",
    ),
    "http://localhost:8000/id/interaction/…": (
        "curl http://localhost:8000/api/interactions",
        r'"id":"(http://localhost:8000/id/interaction/[^"]+)"',
    ),
}
REQUESTS = served_requests()


@pytest.fixture(scope="module")
def reader(tmp_path_factory):
    directory = tmp_path_factory.mktemp("served-examples")
    with live_server(directory) as server:
        yield Reader(
            directory / "desk",
            server.base_url,
            directory / "store",
            {"WRITER_KEY": server.writer_key, "ADMIN_KEY": server.admin_key},
        )


@pytest.mark.parametrize("command", REQUESTS, ids=lambda command: command.where)
def test_a_documented_request_answers_what_its_doc_says(reader, command):
    ran = reader.run(command)
    failures = expectation(ANSWERS, command).failures(ran, reader.base_url)
    assert not failures, "; ".join(failures) + "\n" + ran.report()
    for placeholder, (start, pattern) in COPIES.items():
        if command.text.startswith(start):
            reader.copy_from(ran, placeholder, pattern)


def test_the_documented_keys_are_keys_the_server_takes(reader):
    if "CKM_API_KEYS" not in reader.variables:  # this test run alone
        reader.run(next(c for c in REQUESTS if c.text.startswith("export CKM_API_KEYS=")))
    keys = parse_keys(reader.variables["CKM_API_KEYS"])
    assert [(key.name, key.role) for key in keys] == [("alice", Role.WRITER), ("ops", Role.ADMIN)]


def test_a_broken_example_fails_its_check(reader):
    """The check is not a rubber stamp: API.md's first query with a typo in its prefix
    (`ckn:` for `ckm:`) is answered 400 and its expectation reports it."""
    query = next(c for c in REQUESTS if c.text.startswith("curl -G http://localhost:8000/sparql"))
    broken = Command(query.path, query.line, query.text.replace("a ckm:Customer", "a ckn:Customer"))
    assert broken.text != query.text
    ran = reader.run(broken)
    failures = expectation(ANSWERS, broken).failures(ran, reader.base_url)
    assert ran.statuses == [400] and "ckn:" in ran.stdout
    assert any("HTTP [400]" in failure for failure in failures)


def test_every_request_has_one_expectation():
    for command in REQUESTS:
        expectation(ANSWERS, command)
    unused = [key for key in ANSWERS if not any(c.text.startswith(key) for c in REQUESTS)]
    assert not unused, f"expectations for requests the docs no longer have: {unused}"


PYTHON_BLOCKS = [block for block in all_blocks() if block.lang == "python"]
# What each Python example gives, as its doc says (its last expression's value).
PYTHON_GIVES: dict[str, Expect] = {
    # owlready2 names the class by the last path segment of the URL: ontology.Customer
    "import owlready2": Expect(shows=(".Customer\n",), why="onto.Customer  # ckm:Customer"),
}


# Python examples another test runs as they stand (how they start -> which test).
PYTHON_RUN_ELSEWHERE: dict[str, str] = {
    "from datetime import date\n\nfrom ckm_client": (
        "the generated client's calls: tests/api/test_generated_client.py generates it and "
        "calls every operation, these included"
    ),
}


@pytest.mark.parametrize("block", PYTHON_BLOCKS, ids=lambda block: block.where)
def test_a_python_example_gives_what_its_doc_says(reader, block):
    elsewhere = [why for start, why in PYTHON_RUN_ELSEWHERE.items() if block.text.startswith(start)]
    if elsewhere:
        pytest.skip(elsewhere[0])
    ran = reader.run_python(block)
    (expect,) = [e for start, e in PYTHON_GIVES.items() if block.text.startswith(start)]
    failures = expect.failures(ran, reader.base_url)
    assert not failures, "; ".join(failures) + "\n" + ran.report()
