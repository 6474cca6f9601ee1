"""The command line beside a running ``ckm serve`` on the same store directory (issue
19): the reading commands of the README tour work and see what the server committed;
the writing commands go through the server (validated there, all or nothing, refusals
reported as when run alone), and those the API cannot carry are refused naming the
server with nothing written; the server's note in the store directory goes when it
stops, and its key with it."""

from __future__ import annotations

import csv
import json
import stat
import subprocess
from pathlib import Path

import pytest

from kg.store.advert import ADVERT_NAME
from tests.importing.conftest import BROKEN, EXAMPLES
from tests.reliability.server import (
    WRITER_KEY,
    ServerProcess,
    run_ckm,
    store_with_small_data,
)

MARK = "http://example.org/id/beside-server-firm"
FIRM = f"""@prefix ckm: <https://w3id.org/ckm#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<{MARK}> a ckm:Firm ; rdfs:label "Written through the server" .
"""
COUNT_FIRMS = (
    "SELECT (COUNT(?f) AS ?n) WHERE { ?f a ckm:Firm FILTER(STRSTARTS(STR(?f), "
    '"http://example.org/id/beside-server")) }'
)


def ckm(store: Path, directory: Path, *args: str) -> subprocess.CompletedProcess:
    return run_ckm(store, *args, directory=directory)


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> tuple[ServerProcess, Path, Path]:
    directory = tmp_path_factory.mktemp("beside")
    store = store_with_small_data(directory)
    with ServerProcess(store, directory) as server:
        yield server, store, directory


def test_the_server_leaves_its_address_and_a_key_only_its_owner_reads(served):
    server, store, _ = served
    note = store / ADVERT_NAME
    advert = json.loads(note.read_text())
    assert advert["url"] == server.base_url and advert["pid"] == server.pid
    assert stat.S_IMODE(note.stat().st_mode) == 0o600
    with server.client() as client:  # an admin key: the whole-store backup needs admin
        backup = client.get("/store", headers={"Authorization": f"Bearer {advert['key']}"})
        assert backup.status_code == 200
        wrong = client.get("/store", headers={"Authorization": f"Bearer {advert['key']}x"})
        assert wrong.status_code == 401


@pytest.mark.parametrize(
    "command",
    [
        ["stats"],
        ["dump"],
        ["query", "SELECT ?c WHERE { ?c a ckm:Customer }", "--format", "csv"],
        ["queries", "run", "customer-role-mix"],
        ["report", "--out", "report.html"],
        ["export", "customers", "--out", "customers.csv"],
        ["concepts", "list"],
        ["validate"],
        ["migrate", "--dry-run"],
        ["reason"],
        ["diagnose", "--firm", "http://example.org/id/medsoft"],
    ],
    ids=lambda c: " ".join(c[:2]),
)
def test_a_reading_command_works_while_the_server_serves(served, command):
    _, store, directory = served
    done = ckm(store, directory, *command)
    assert done.returncode == 0, done.stderr
    assert "open in another process" in done.stderr  # the note: a snapshot is read
    assert "Traceback" not in done.stderr


def test_a_read_sees_what_the_server_committed_before_it(served):
    server, store, directory = served
    before = ckm(store, directory, "query", COUNT_FIRMS, "--format", "csv")
    assert before.returncode == 0, before.stderr
    assert before.stdout.split() == ["n", "0"]
    with server.client() as client:
        written = client.post(
            "/store?default",
            content=FIRM,
            headers={"Authorization": f"Bearer {WRITER_KEY}", "Content-Type": "text/turtle"},
        )
    assert written.status_code in (200, 201, 204), written.text
    after = ckm(store, directory, "query", COUNT_FIRMS, "--format", "csv")
    assert after.stdout.split() == ["n", "1"], after.stderr


def _count(store: Path, directory: Path, query: str) -> str:
    done = ckm(store, directory, "query", query, "--format", "csv")
    assert done.returncode == 0, done.stderr
    return done.stdout.split()[-1]


def test_a_load_goes_through_the_server_and_is_recorded_as_its_key(served, tmp_path):
    server, store, directory = served
    data = tmp_path / "through.ttl"
    data.write_text(FIRM.replace(MARK, f"{MARK}-through"))
    done = ckm(store, directory, "load", str(data))
    assert done.returncode == 0, done.stderr
    assert f"loaded through {server.base_url}: 2 triples added" in done.stdout
    assert "served by" in done.stderr and "Traceback" not in done.stderr
    agent = (
        "SELECT (COUNT(?a) AS ?n) WHERE { GRAPH <urn:ckm:graph:provenance> { ?a "
        '<http://www.w3.org/ns/prov#wasAssociatedWith>/rdfs:label "ckm-command-line" ; '
        "ckm:changedGraph <urn:ckm:graph:data> } }"
    )
    assert int(_count(store, directory, agent)) >= 1
    one = COUNT_FIRMS.replace('"http://example.org/id/beside-server"', f'"{MARK}-through"')
    assert _count(store, directory, one) == "1"


def test_a_load_the_server_refuses_prints_the_report_and_writes_nothing(served, tmp_path):
    _, store, directory = served
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        FIRM.replace(MARK, f"{MARK}-bad").replace(
            '"Written through the server" .', '"Bad" ; ckm:employeeCount -3 .'
        )
    )
    other = tmp_path / "good.ttl"  # loaded in the same command: all or nothing
    other.write_text(FIRM.replace(MARK, f"{MARK}-good"))
    refused = ckm(store, directory, "load", str(other), str(bad))
    assert refused.returncode == 1, refused.stderr
    assert "Violation" in refused.stdout and f"{MARK}-bad" in refused.stdout
    assert "nothing was written" in refused.stderr
    for mark in ("bad", "good"):
        query = COUNT_FIRMS.replace('"http://example.org/id/beside-server"', f'"{MARK}-{mark}"')
        assert _count(store, directory, query) == "0"


def test_a_file_naming_graphs_is_refused_naming_why(served, tmp_path):
    _, store, directory = served
    data = tmp_path / "graphs.trig"
    data.write_text(f"<urn:x:g> {{ <{MARK}-trig> a <https://w3id.org/ckm#Firm> . }}")
    refused = ckm(store, directory, "load", str(data))
    assert refused.returncode == 2
    assert "names graphs" in refused.stderr and "Traceback" not in refused.stderr


def test_concepts_add_goes_through_the_server(served):
    _, store, directory = served
    label = "Joint budgeting beside the server"

    def add(definition: str) -> subprocess.CompletedProcess:
        scheme = "ResourceIntegratingPracticeScheme"
        return ckm(store, directory, "concepts", "add", scheme, label, "-d", definition)

    added = add("Planning the budget together.")
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip().startswith("http"), added.stdout
    listed = ckm(
        store, directory, "concepts", "list", "ResourceIntegratingPracticeScheme", "--json"
    )
    assert label in listed.stdout
    again = add("Twice.")
    assert again.returncode == 1 and "nothing was written" in again.stderr


def test_erase_customer_goes_through_the_server(served):
    server, store, directory = served
    with server.client() as client:
        made = client.post(
            "/api/customers",
            json={"label": "To be forgotten", "customerOf": ["http://example.org/id/medsoft"]},
            headers={"Authorization": f"Bearer {WRITER_KEY}"},
        )
    assert made.status_code == 201, made.text
    iri = made.json()["id"]
    erased = ckm(store, directory, "erase-customer", iri)
    assert erased.returncode == 0, erased.stderr
    assert f"erased {iri}" in erased.stdout
    with server.client() as client:
        assert client.get(made.headers["location"]).status_code == 404
    outside = ckm(store, directory, "erase-customer", "http://example.org/id/acme")
    assert outside.returncode == 2 and "stop the server" in outside.stderr


def test_demo_if_empty_asks_the_server(served):
    _, store, directory = served
    done = ckm(store, directory, "demo", "--if-empty")
    assert done.returncode == 0, done.stderr
    assert "data already stored; demo not loaded" in done.stdout


def test_reason_rebuild_and_migrate_go_through_the_server(served):
    _, store, directory = served
    rebuilt = ckm(store, directory, "reason", "--rebuild")
    assert rebuilt.returncode == 0, rebuilt.stderr
    inferred = int(rebuilt.stdout.split(": ")[1].split()[0].replace(",", ""))
    counted = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:ckm:graph:inferred> { ?s ?p ?o } }"
    assert inferred > 0 and int(_count(store, directory, counted)) == inferred
    migrated = ckm(store, directory, "migrate")
    assert migrated.returncode == 0, migrated.stderr
    assert "nothing to migrate" in migrated.stdout and "served by" in migrated.stderr


def test_import_goes_through_the_server_all_or_nothing(served, tmp_path):
    _, store, directory = served
    customers = "SELECT (COUNT(?c) AS ?n) WHERE { ?c a ckm:Customer }"
    before = _count(store, directory, customers)
    refused = ckm(store, directory, "import", "default", str(BROKEN))
    assert refused.returncode == 1, refused.stderr
    assert "interactions.csv row 4, column channel ('Brieftaube')" in refused.stdout
    assert _count(store, directory, customers) == before
    done = ckm(store, directory, "import", "default", str(EXAMPLES), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["resources"]["customer"]["created"] == 120
    assert int(_count(store, directory, customers)) == int(before) + 120
    skipped = ckm(
        store, directory, "import", "default", str(BROKEN), "--skip-invalid", "--rejects", "r.csv"
    )
    assert skipped.returncode == 0, skipped.stderr
    with (directory / "r.csv").open(encoding="utf-8") as rejected:
        assert len(list(csv.DictReader(rejected))) == 16  # as tests/importing counts them
    tables = ckm(store, directory, "import", "default", str(BROKEN), "--tables", str(directory))
    assert tables.returncode == 2 and "stop the server" in tables.stderr


def test_diagnose_store_goes_through_the_server(served):
    _, store, directory = served
    done = ckm(store, directory, "diagnose", "--firm", "http://example.org/id/medsoft", "--store")
    assert done.returncode == 0, done.stderr
    assert "diagnosis stored as" in done.stderr and "through" in done.stderr
    stored = (
        "SELECT (COUNT(?d) AS ?n) WHERE { ?d <http://purl.org/dc/terms/subject> "
        "<http://example.org/id/medsoft> ; a <http://www.w3.org/ns/prov#Entity> }"
    )
    assert _count(store, directory, stored) == "1"
    trend = ckm(store, directory, "diagnose", "--firm", "http://example.org/id/medsoft", "--trend")
    assert trend.returncode == 0 and "since" in trend.stdout.lower(), trend.stdout[-500:]


def test_what_the_api_cannot_carry_is_refused_naming_the_server(served, tmp_path):
    _, store, directory = served
    backup = tmp_path / "b.nq"
    backup.write_text("<urn:x:s> <urn:x:p> <urn:x:o> <urn:x:g> .\n")
    refused = ckm(store, directory, "restore", "--unchecked", str(backup))
    assert refused.returncode == 2 and "stop it first" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_a_dump_made_while_serving_restores_whole_after(tmp_path):
    store = store_with_small_data(tmp_path)
    backup = tmp_path / "backup.nq"
    with ServerProcess(store, tmp_path, wait_for_writes=False):
        assert (store / ADVERT_NAME).exists()
        dumped = ckm(store, tmp_path, "dump", "-o", str(backup))
        assert dumped.returncode == 0, dumped.stderr
    assert not (store / ADVERT_NAME).exists()  # the note goes with the server
    alone = ckm(store, tmp_path, "stats")
    assert alone.returncode == 0 and "another process" not in alone.stderr
    # Sealed by the store's key although read beside the server: the system graphs too.
    restored = ckm(store, tmp_path, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert "with its system graphs" in restored.stdout


def test_a_restore_goes_through_the_server_and_a_killed_servers_note_is_ignored(tmp_path):
    store = store_with_small_data(tmp_path)
    backup = tmp_path / "backup.nq"
    server = ServerProcess(store, tmp_path, wait_for_writes=False)
    with server:
        dumped = ckm(store, tmp_path, "dump", "-o", str(backup))
        assert dumped.returncode == 0, dumped.stderr
        restored = ckm(store, tmp_path, "restore", str(backup))
        assert restored.returncode == 0, restored.stderr
        assert f"through {server.base_url}, checked" in restored.stdout
        server.kill()  # no shutdown: the note stays, its process is gone
    assert (store / ADVERT_NAME).exists()
    data = tmp_path / "after.ttl"
    data.write_text(FIRM.replace(MARK, f"{MARK}-after"))
    alone = ckm(store, tmp_path, "load", str(data))
    assert alone.returncode == 0, alone.stderr
    assert "loaded: 2 triples added" in alone.stdout and "served by" not in alone.stderr
