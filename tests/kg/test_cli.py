"""The ``ckm`` command line as a user runs it: exit codes, messages, nothing written on
refusal."""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.kg.conftest import ENGINE_FIXTURES, PREFIXES, SMALL_TTL

runner = CliRunner()


def ckm(store: Path, *args: str):
    return runner.invoke(app, ["--store", str(store), *args])


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    result = ckm(path, "load", str(SMALL_TTL))
    assert result.exit_code == 0, result.output
    return path


def dump(store: Path) -> list[str]:
    """The store's quads, blank nodes labelled canonically (engines relabel them)."""
    result = ckm(store, "dump")
    assert result.exit_code == 0
    dataset = ox.Dataset(ox.parse(result.stdout_bytes, ox.RdfFormat.N_QUADS))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return sorted(str(quad) for quad in dataset)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_load_reports_what_it_added(tmp_path: Path):
    result = ckm(tmp_path / "s", "load", str(SMALL_TTL))
    assert result.exit_code == 0
    assert "loaded: 44 triples added" in result.stdout


def test_malformed_rdf_exits_2_naming_line_and_column(store: Path, tmp_path: Path):
    before = dump(store)
    bad = write(tmp_path, "bad.ttl", PREFIXES + "ex:a ckm:country 'LI' ;\n ex:b .\n")
    result = ckm(store, "load", str(bad))
    assert result.exit_code == 2
    assert "bad.ttl" in result.stderr and "line 9" in result.stderr
    assert dump(store) == before


def test_invalid_data_exits_1_with_the_report_and_writes_nothing(store: Path, tmp_path: Path):
    before = dump(store)
    bad = write(tmp_path, "bad.ttl", PREFIXES + "ex:i42 ckm:satisfaction 9 .\n")
    result = ckm(store, "load", str(bad))
    assert result.exit_code == 1
    assert "Violation: http://example.org/id/i42" in result.stdout
    assert "nothing was written" in result.stderr
    assert dump(store) == before


def test_unknown_format_exits_2(store: Path, tmp_path: Path):
    data = write(tmp_path, "data.txt", "")
    result = ckm(store, "load", str(data))
    assert result.exit_code == 2
    assert "--format" in result.stderr


def test_validate_reports_and_never_writes(store: Path, tmp_path: Path):
    before = dump(store)
    good = write(tmp_path, "good.ttl", PREFIXES + "ex:bella ckm:hasMotive ckm:ReputationMotive .")
    assert ckm(store, "validate", str(good)).exit_code == 0
    bad = write(tmp_path, "bad.ttl", PREFIXES + "ex:i42 ckm:satisfaction 0 .")
    result = ckm(store, "validate", str(bad))
    assert result.exit_code == 1 and "Violation" in result.stdout
    assert dump(store) == before


def test_query_formats(store: Path):
    select = "SELECT ?c WHERE { ?c a ckm:KnowledgePartner } ORDER BY ?c"
    table = ckm(store, "query", select)
    assert table.exit_code == 0 and "http://example.org/id/acme" in table.stdout
    csv = ckm(store, "query", select, "--format", "csv")
    assert csv.stdout.splitlines() == ["c", "http://example.org/id/acme"]
    as_json = json.loads(ckm(store, "query", select, "--format", "json").stdout)
    assert as_json["results"]["bindings"][0]["c"]["value"] == "http://example.org/id/acme"


def test_a_bad_query_exits_2(store: Path):
    result = ckm(store, "query", "SELECT ?c WHERE { ?c a }")
    assert result.exit_code == 2
    assert "bad query: line" in result.stderr


def test_a_syntax_error_names_the_line_as_written(store: Path, tmp_path: Path):
    # Line 2, column 7 is where "x" stands: LIMIT wants a number (counted by hand).
    query = write(tmp_path, "bad.rq", "SELECT ?c WHERE { ?c a ckm:Customer }\nLIMIT x\n")
    result = ckm(store, "query", f"@{query}")
    assert result.exit_code == 2
    assert "bad query: line 2, column 7:" in result.stderr, result.stderr


def test_query_from_a_file(store: Path, tmp_path: Path):
    query = write(tmp_path, "q.rq", "ASK { ?i a ckm:DirectInteraction }")
    result = ckm(store, "query", f"@{query}")
    assert result.exit_code == 0 and result.stdout.strip() == "true"


def test_dump_and_restore_round_trip(store: Path, tmp_path: Path):
    before = dump(store)
    target = tmp_path / "backup.nq"
    assert ckm(store, "dump", "--output", str(target)).exit_code == 0
    erase = ckm(store, "erase-customer", "http://example.org/id/acme")
    assert erase.exit_code == 0 and "interactions" in erase.stdout
    assert dump(store) != before
    restored = ckm(store, "restore", str(target))
    assert restored.exit_code == 0 and "checked" in restored.stdout
    assert _without_provenance(dump(store)) == _without_provenance(before)
    restore_record = set(dump(store)) - set(before)
    assert any('"restore"' in line for line in restore_record)
    assert any('"backup.nq"' in line for line in restore_record)


def _without_provenance(quads: list[str]) -> list[str]:
    """The dump's quads but the provenance records (blank nodes relabelled alike)."""
    kept = [q for q in quads if "urn:ckm:graph:provenance" not in q]
    dataset = ox.Dataset(ox.parse("".join(q + " .\n" for q in kept), ox.RdfFormat.N_QUADS))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return sorted(str(quad) for quad in dataset)


def test_erasing_an_unknown_or_malformed_customer_exits_2(store: Path):
    assert ckm(store, "erase-customer", "http://example.org/id/nobody").exit_code == 2
    assert ckm(store, "erase-customer", "not an iri").exit_code == 2


def test_reason_rebuild_and_stats(store: Path):
    result = ckm(store, "reason", "--rebuild")
    assert result.exit_code == 0 and "inferred triples" in result.stdout
    stats = ckm(store, "stats")
    assert "urn:ckm:graph:data" in stats.stdout and "urn:ckm:graph:inferred" in stats.stdout


def test_demo_loads_once_with_if_empty(tmp_path: Path):
    first = ckm(tmp_path / "s", "demo", "--customers", "5", "--if-empty")
    assert first.exit_code == 0 and "demo loaded" in first.stdout
    again = ckm(tmp_path / "s", "demo", "--customers", "5", "--if-empty")
    assert again.exit_code == 0 and "not loaded" in again.stdout


def test_a_store_open_in_another_process_is_read_but_not_written(tmp_path: Path):
    from kg.config import Settings
    from kg.graph import KnowledgeGraph

    store = tmp_path / "store"
    data = write(tmp_path, "more.ttl", "<http://example.org/id/f> a <https://w3id.org/ckm#Firm> .")
    holder = KnowledgeGraph.open(Settings(store=store))

    def cli(*args: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "kg.cli", "--store", str(store), *args]
        return subprocess.run(command, capture_output=True, text=True)

    try:
        read = cli("stats")
        written = cli("load", str(data))
    finally:
        holder.close()
    assert read.returncode == 0, read.stderr  # a snapshot, with a note
    assert "open in another process; reading a snapshot" in read.stderr
    assert written.returncode == 2
    assert "open in another process" in written.stderr and "Traceback" not in written.stderr


@pytest.mark.parametrize("engine", ENGINE_FIXTURES.values())
def test_every_command_works_unchanged_on_a_remote_engine(
    engine: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
):
    """The operator sets the CKM_REMOTE_* variables; ``--store`` is then unused."""
    server = request.getfixturevalue(engine)
    server.empty()
    for name, value in server.environment().items():
        monkeypatch.setenv(name, value)
    unused = tmp_path / "unused"
    assert ckm(unused, "load", str(SMALL_TTL)).exit_code == 0
    select = "SELECT ?c WHERE { ?c a ckm:KnowledgePartner } ORDER BY ?c"
    answer = ckm(unused, "query", select, "--format", "csv")
    assert list(csv.reader(io.StringIO(answer.stdout))) == [["c"], ["http://example.org/id/acme"]]
    before = dump(unused)
    bad = write(tmp_path, "bad.ttl", PREFIXES + "ex:i42 ckm:satisfaction 9 .")
    assert ckm(unused, "load", str(bad)).exit_code == 1
    assert dump(unused) == before
    backup = tmp_path / "backup.nq"
    assert ckm(unused, "dump", "--output", str(backup)).exit_code == 0
    assert ckm(unused, "erase-customer", "http://example.org/id/acme").exit_code == 0
    assert dump(unused) != before
    assert ckm(unused, "restore", str(backup)).exit_code == 0
    assert _without_provenance(dump(unused)) == _without_provenance(before)
    stats = ckm(unused, "stats")
    assert "urn:ckm:graph:data" in stats.stdout and "urn:ckm:graph:version" not in stats.stdout
    assert not unused.exists()


def test_an_unreachable_engine_exits_3_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        base = f"http://127.0.0.1:{probe.getsockname()[1]}"
    monkeypatch.setenv("CKM_REMOTE_QUERY_URL", base + "/query")
    monkeypatch.setenv("CKM_REMOTE_UPDATE_URL", base + "/update")
    monkeypatch.setenv("CKM_REMOTE_STORE_URL", base + "/store")
    monkeypatch.setenv("CKM_REMOTE_RETRIES", "0")
    result = ckm(tmp_path / "unused", "stats")
    assert result.exit_code == 3
    assert f"the SPARQL engine at {base}/query is unreachable" in result.stderr
