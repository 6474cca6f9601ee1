"""``ckm restore`` of a file holding an invalid interaction (satisfaction 7, no firm) and a
quad in ``urn:ckm:graph:provenance`` exited 0 and loaded both: no validation, and the
system graphs were writable by anyone who could hand the admin a file. A restore now
validates the dump's data whole, loads system graphs only from a dump this store's
``ckm dump`` sealed, and ``--unchecked`` (on purpose) says so in its output and in the
provenance it records."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from kg import DumpFormat, KnowledgeGraph, RestoreRefused, Settings
from tests.kg.conftest import SMALL_TTL, dump_bytes, turtle_delta

TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
I99 = "<http://example.org/id/i99>"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
INVALID_INTERACTION = (
    f"{I99} {TYPE} <https://w3id.org/ckm#Interaction> <urn:ckm:graph:data> .\n"
    f'{I99} <https://w3id.org/ckm#satisfaction> "7"^^<{XSD_INTEGER}> <urn:ckm:graph:data> .\n'
)
FORGED_PROVENANCE = (
    f"<urn:ckm:activity:forged> {TYPE} <http://www.w3.org/ns/prov#Activity> "
    "<urn:ckm:graph:provenance> .\n"
)


def _sealed_dump(graph: KnowledgeGraph) -> bytes:
    buffer = io.BytesIO()
    graph.dump(buffer, DumpFormat.NQUADS)
    return buffer.getvalue()


def _data_only(dump: bytes) -> bytes:
    return b"".join(
        line + b"\n" for line in dump.splitlines() if line.endswith(b"<urn:ckm:graph:data> .")
    )


def test_a_dump_with_invalid_data_is_refused_whole_with_the_report(small: KnowledgeGraph):
    before = dump_bytes(small)
    dump = _data_only(_sealed_dump(small)) + INVALID_INTERACTION.encode()
    with pytest.raises(RestoreRefused) as refused:
        small.restore(io.BytesIO(dump), DumpFormat.NQUADS)
    focus = {r.focus_node for r in refused.value.report.violations}
    assert focus == {"http://example.org/id/i99"}
    assert dump_bytes(small) == before


def test_system_graphs_come_only_from_a_dump_this_store_sealed(small: KnowledgeGraph):
    before = dump_bytes(small)
    sealed = _sealed_dump(small)
    edited = sealed.replace(b"\n# ckm-dump-seal", FORGED_PROVENANCE.encode() + b"\n# ckm-dump-seal")
    unsealed = sealed[: sealed.index(b"\n# ckm-dump-seal")] + b"\n" + FORGED_PROVENANCE.encode()
    for dump in (edited, unsealed):
        with pytest.raises(RestoreRefused, match="system graphs"):
            small.restore(io.BytesIO(dump), DumpFormat.NQUADS)
        assert dump_bytes(small) == before
    receipt = small.restore(io.BytesIO(sealed), DumpFormat.NQUADS)
    assert receipt.checked and receipt.system_graphs_restored


def test_data_only_restores_another_stores_dump_and_rebuilds_the_rest(
    small: KnowledgeGraph, tmp_path: Path
):
    other = KnowledgeGraph.open(Settings(store=tmp_path / "other"))
    try:
        other.write(turtle_delta(SMALL_TTL.read_text().split("\n", 7)[-1]))
        foreign = _sealed_dump(other)
    finally:
        other.close()
    with pytest.raises(RestoreRefused, match="seal does not match"):
        small.restore(io.BytesIO(foreign), DumpFormat.NQUADS)
    receipt = small.restore(io.BytesIO(foreign), DumpFormat.NQUADS, data_only=True)
    assert receipt.checked and not receipt.system_graphs_restored
    assert small.ask(
        "ASK { GRAPH <urn:ckm:graph:inferred> { <http://example.org/id/acme> a "
        "<https://w3id.org/ckm#KnowledgePartner> } }"
    )
    assert not small.ask(f"ASK {{ GRAPH <urn:ckm:graph:provenance> {{ ?a ?p '{'small.ttl'}' }} }}")


def _ckm(store: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", "--store", str(store), *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_ckm_restore_refuses_exit_1_and_unchecked_says_so(tmp_path: Path):
    store = tmp_path / "store"
    assert _ckm(store, "load", str(SMALL_TTL)).returncode == 0
    backup = tmp_path / "backup.nq"
    assert _ckm(store, "dump", "--output", str(backup)).returncode == 0
    evil = tmp_path / "evil.nq"
    evil.write_bytes(backup.read_bytes() + (INVALID_INTERACTION + FORGED_PROVENANCE).encode())
    before = _ckm(store, "dump").stdout
    refused = _ckm(store, "restore", str(evil))
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "nothing was changed" in refused.stderr
    assert _ckm(store, "dump").stdout == before
    unchecked = _ckm(store, "restore", str(evil), "--unchecked")
    assert unchecked.returncode == 0, unchecked.stderr
    assert "UNCHECKED" in unchecked.stdout
    answer = _ckm(
        store,
        "query",
        "SELECT ?label WHERE { GRAPH <urn:ckm:graph:provenance> "
        "{ ?a a <http://www.w3.org/ns/prov#Activity> ; rdfs:label ?label } }",
        "--format",
        "csv",
    )
    assert "restore (unchecked)" in answer.stdout
