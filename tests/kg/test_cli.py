"""The ``ckm`` command line as a user runs it: exit codes, messages, nothing written on
refusal."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.kg.conftest import PREFIXES, SMALL_TTL

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
    result = ckm(store, "dump")
    assert result.exit_code == 0
    return sorted(result.stdout.splitlines())


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
    assert ckm(store, "restore", str(target)).exit_code == 0
    assert dump(store) == before


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


def test_a_store_open_in_another_process_gives_a_clear_error(store: Path):
    from kg.config import Settings
    from kg.graph import KnowledgeGraph

    holder = KnowledgeGraph.open(Settings(store=store))
    try:
        result = subprocess.run(
            [sys.executable, "-m", "kg.cli", "--store", str(store), "stats"],
            capture_output=True,
            text=True,
        )
    finally:
        holder.close()
    assert result.returncode == 2
    assert "open in another process" in result.stderr
