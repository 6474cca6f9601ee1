"""The command line beside a running ``ckm serve`` on the same store directory (issue
19): the reading commands of the README tour work and see what the server committed;
a writing command is refused with the server's address and nothing written; the
server's note in the store directory goes when it stops."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from kg.store.advert import ADVERT_NAME
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


def test_the_server_leaves_its_address_in_the_store(served):
    server, store, _ = served
    advert = json.loads((store / ADVERT_NAME).read_text())
    assert advert["url"] == server.base_url and advert["pid"] == server.pid
    assert "key" not in json.dumps(advert).lower()


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


def test_a_writing_command_names_the_server_and_writes_nothing(served, tmp_path):
    server, store, directory = served
    data = tmp_path / "more.ttl"
    data.write_text(FIRM.replace(MARK, f"{MARK}-other"))
    refused = ckm(store, directory, "load", str(data))
    assert refused.returncode == 2
    assert server.base_url in refused.stderr and "store?default" in refused.stderr
    assert "Traceback" not in refused.stderr
    other = COUNT_FIRMS.replace('"http://example.org/id/beside-server"', f'"{MARK}-other"')
    count = ckm(store, directory, "query", other, "--format", "csv")
    assert count.stdout.split() == ["n", "0"], count.stderr


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
