"""The README's tour, command by command, while ``ckm serve`` serves the same store
(issue 19): every command and request after ``make run`` as a reader pastes it
(tests/docs/reader.py says what is substituted), checked against what the README says.

As the README says under the tour: the reading commands read a snapshot (a note on
stderr), and a writing command writes through the server (a note on stderr names it;
each write is recorded in provenance as the command line's key). The same commands with
nothing serving: tests/docs/test_store_examples.py.
"""

from __future__ import annotations

import httpx
import pytest

from tests.api.live_server import live_server
from tests.docs.catalogue import readme_tour
from tests.docs.examples import Command
from tests.docs.reader import Expect, Ran, Reader, expectation

SNAPSHOT = "open in another process; reading a snapshot"
THROUGH = "is served by {server}; writing through it"
READS = Expect(shows=(SNAPSHOT,))
WRITES = Expect(shows=(THROUGH,), why="a writing command beside the server")
CKM = ".venv/bin/ckm "

# What the README says each command of the tour does, beside the server.
TOUR: dict[str, Expect] = {
    CKM + "init": Expect(shows=("served by {server}",)),
    CKM + "load data.ttl more.jsonld": Expect(shows=(THROUGH, "loaded through {server}")),
    CKM + "validate data.ttl": Expect(shows=(SNAPSHOT, "Conforms")),
    CKM + "validate --shapes my-shapes.ttl data.ttl": Expect(shows=(SNAPSHOT, "Conforms")),
    CKM + "validate  ": Expect(shows=(SNAPSHOT, "Conforms")),
    CKM + "query 'SELECT ?c WHERE { ?c a ckm:KnowledgePartner }' --format csv": Expect(
        shows=(SNAPSHOT, "http://localhost:8000/id/customer/")
    ),
    CKM + "stats": Expect(shows=(SNAPSHOT, "urn:ckm:graph:data")),
    # the dump reads (a snapshot), the restore writes through the server
    CKM + "dump -o backup.nq && .venv/bin/ckm restore backup.nq": Expect(
        shows=(SNAPSHOT, THROUGH, "through {server}, checked")
    ),
    CKM + "erase-customer http://localhost:8000/id/customer/c0001": Expect(
        shows=(THROUGH, "erased http://localhost:8000/id/customer/c0001 through {server}")
    ),
    CKM + "reason --rebuild": Expect(shows=(THROUGH, "rebuilt through {server}")),
    CKM + "migrate --dry-run": READS,
    CKM + "reason --rules": Expect(shows=("OWL 2 RL",)),  # the ontology's, no store
    # a store of its own, not the served one: it writes
    CKM + "--store demo-500 demo --customers 500 --seed 7": Expect(exit=0),
    CKM + "diagnose --firm http://localhost:8000/id/firm/plastic-design": Expect(
        shows=(SNAPSHOT, "Diagnosis of")
    ),
    CKM + "concepts list  ": Expect(shows=(SNAPSHOT, "PartnershipDesignScheme")),
    CKM + "concepts list ResourceIntegratingPracticeScheme --json": Expect(
        shows=(SNAPSHOT, '"concepts"')
    ),
    CKM + "concepts add": Expect(
        shows=(THROUGH, "http://localhost:8000/id/concept/joint-budgeting-")
    ),
    CKM + "report --out report.html": Expect(shows=(SNAPSHOT, "report written to report.html")),
    CKM + "report --out medsoft.html --firm": Expect(shows=(SNAPSHOT, "medsoft.html")),
    CKM + "queries list": Expect(shows=("knowledge-flows-by-month",)),
    CKM + "queries run knowledge-flows-by-month": Expect(shows=(SNAPSHOT, "month,direction,count")),
    "curl 'http://localhost:8000/api/queries/contributions-by-value-area?format=csv'": Expect(
        status=200, shows=("valueArea,count",)
    ),
    CKM + "import default examples/crm/ --timezone": Expect(
        shows=(THROUGH, "imported with mapping default")
    ),
    CKM + "import default examples/crm/broken --skip-invalid": Expect(
        shows=(THROUGH, "rejected row(s) written to rejects.csv")
    ),
    CKM + "export customers --out customers.csv": Expect(shows=(SNAPSHOT, "row(s) exported")),
}
TOUR_COMMANDS = readme_tour()
COUNT_DATA = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:ckm:graph:data> { ?s ?p ?o } }"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    directory = tmp_path_factory.mktemp("readme-tour")
    with live_server(directory) as server:
        reader = Reader(
            directory / "desk",
            server.base_url,
            directory / "store",
            {"WRITER_KEY": server.writer_key, "ADMIN_KEY": server.admin_key},
        )
        yield server, reader


def _counted(base_url: str, query: str) -> int:
    """The ``?n`` of a counting query, asked of the server."""
    answer = httpx.get(
        f"{base_url}/sparql",
        params={"query": query},
        headers={"Accept": "application/sparql-results+json"},
        timeout=60,
    )
    answer.raise_for_status()
    return int(answer.json()["results"]["bindings"][0]["n"]["value"])


def _data_quads(base_url: str) -> int:
    return _counted(base_url, COUNT_DATA)


@pytest.fixture(scope="module")
def quads_before(served) -> int:
    server, _ = served
    return _data_quads(server.base_url)


def _checked(reader: Reader, server_url: str, command: Command) -> Ran:
    ran = reader.run(command)
    failures = expectation(TOUR, command).failures(ran, server_url)
    assert not failures, "; ".join(failures) + "\n" + ran.report()
    return ran


@pytest.mark.parametrize("command", TOUR_COMMANDS, ids=lambda command: command.where)
def test_a_tour_command_does_what_the_readme_says(served, quads_before, command):
    server, reader = served
    _checked(reader, server.base_url, command)


COUNT_THROUGH = (
    "SELECT (COUNT(?a) AS ?n) WHERE { GRAPH <urn:ckm:graph:provenance> { ?a "
    "<http://www.w3.org/ns/prov#wasAssociatedWith>/<http://www.w3.org/2000/01/rdf-schema#label> "
    '"ckm-command-line" } }'
)


def test_the_writes_of_the_tour_went_through_the_server(served, quads_before):
    """Each writing command of the tour that changes data left its activity, recorded as
    the command line's key: load, restore, erase, concept, two imports (init and the
    inference rebuild write no activity)."""
    server, reader = served
    for command in TOUR_COMMANDS:
        if "rejects.csv" in command.text and not (reader.desk / "rejects.csv").exists():
            pytest.skip("run with the tour (the tests before it write)")
    assert _counted(server.base_url, COUNT_THROUGH) >= 6
    assert _data_quads(server.base_url) != quads_before


def test_the_tour_dump_is_a_sealed_dump(served):
    server, reader = served
    dump = reader.desk / "backup.nq"
    if not dump.exists():  # this test run alone
        _checked(reader, server.base_url, next(c for c in TOUR_COMMANDS if " dump " in c.text))
    assert dump.stat().st_size > 0
    assert "urn:ckm:graph:data" in dump.read_text(encoding="utf-8")


def test_every_tour_command_has_one_expectation():
    for command in TOUR_COMMANDS:
        expectation(TOUR, command)
    unused = [key for key in TOUR if not any(c.text.startswith(key) for c in TOUR_COMMANDS)]
    assert not unused, f"expectations for commands the README no longer has: {unused}"
