"""The store's disk fills up, or its directory is read-only: writes fail with a clear
problem (507 store-full, 503 store-read-only; the CLI exits 2 with the reason), reads
keep working, nothing is half-written, and the store opens and takes writes again once
the disk has room or is writable."""

from __future__ import annotations

import subprocess
from pathlib import Path

import httpx

from kg.demo_integrator import CASE_CUSTOMERS
from tests.reliability.batches import (
    BatchReference,
    StoreContent,
    batch_ntriples,
    check_all_or_nothing,
    dump_with_cli,
    write_batch,
)
from tests.reliability.mounts import MountNamespace, fill, read_only, small_disk
from tests.reliability.server import (
    WRITER_KEY,
    ServerProcess,
    ckm_command,
    ckm_environment,
    run_ckm,
)

CUSTOMERS = 10
AUTH = {"Authorization": f"Bearer {WRITER_KEY}"}
WRITE = {**AUTH, "Content-Type": "application/n-triples"}
UPDATE = 'INSERT DATA { <http://example.org/x> <http://example.org/note> "n" }'


def ckm_inside(namespace: MountNamespace, store: Path, *args: str, directory: Path):
    """``ckm ARGS`` run inside ``namespace``; the completed process."""
    return run_ckm(store, *args, directory=directory, wrapper=namespace.enter)


def post_batch(client: httpx.Client, number: int) -> httpx.Response:
    body = batch_ntriples(number, CUSTOMERS)
    return client.post("/store?default", content=body, headers=WRITE)


def assert_reads_work(client: httpx.Client) -> None:
    assert client.get("/health").status_code == 200
    assert client.get("/api/customers").status_code == 200
    answer = client.post("/sparql", data={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"})
    assert answer.status_code == 200


def test_a_full_disk_refuses_writes_with_507_and_keeps_reads(tmp_path: Path):
    disk = tmp_path / "disk"
    disk.mkdir()
    store = disk / "store"
    reference = BatchReference(CUSTOMERS)
    with small_disk(disk, megabytes=48) as namespace:
        assert ckm_inside(namespace, store, "init", directory=tmp_path).returncode == 0
        server = ServerProcess(store, tmp_path, wrapper=namespace.enter)
        with server, server.client() as client:
            assert post_batch(client, 1).status_code == 201
            fill(namespace.outside(disk / "filler"))

            refused = post_batch(client, 2)
            update = client.post(
                "/sparql",
                content=UPDATE,
                headers={"Content-Type": "application/sparql-update", **AUTH},
            )

            assert refused.status_code == 507, refused.text
            problem = refused.json()
            assert problem["type"].endswith("store-full") and "full" in problem["detail"]
            assert update.status_code == 507
            assert_reads_work(client)
        # The command line says the same, with its exit code for bad input.
        batch = write_batch(tmp_path / "batch-3.nq", 3, CUSTOMERS)
        loaded = ckm_inside(namespace, store, "load", str(batch), directory=tmp_path)
        assert loaded.returncode == 2, loaded.stderr
        assert "full" in loaded.stderr and "Traceback" not in loaded.stderr

        namespace.outside(disk / "filler").unlink()
        dump = ckm_inside(namespace, store, "dump", directory=tmp_path)
        assert dump.returncode == 0, dump.stderr
        content = StoreContent.parse(dump.stdout.encode())
        assert check_all_or_nothing(content, reference, [1, 2, 3], _empty()) == {1}
        with server, server.client() as client:  # room again: a restart takes writes
            again = post_batch(client, 4)
            assert again.status_code == 200 and again.json()["added"] > 0, again.text


def test_a_read_only_store_serves_reads_and_refuses_writes(tmp_path: Path):
    store = tmp_path / "store"
    reference = BatchReference(CUSTOMERS)
    batch = write_batch(tmp_path / "batch-1.nq", 1, CUSTOMERS)
    env = ckm_environment()
    subprocess.run(ckm_command(store, "load", str(batch)), env=env, check=True, timeout=300)
    before = dump_with_cli(store, tmp_path)
    with read_only(store) as namespace:
        server = ServerProcess(store, tmp_path, wrapper=namespace.enter)
        with server, server.client() as client:
            refused = post_batch(client, 2)
            update = client.post(
                "/sparql",
                content=UPDATE,
                headers={"Content-Type": "application/sparql-update", **AUTH},
            )

            assert refused.status_code == 503, refused.text
            assert refused.json()["type"].endswith("store-read-only")
            assert update.status_code == 503
            assert_reads_work(client)
            customers = client.get("/api/customers", params={"limit": 500}).json()["items"]
            assert len(customers) == CUSTOMERS + CASE_CUSTOMERS  # the integrator case rides along
        second = write_batch(tmp_path / "batch-2.nq", 2, CUSTOMERS)
        loaded = ckm_inside(namespace, store, "load", str(second), directory=tmp_path)
        assert loaded.returncode == 2 and "read-only" in loaded.stderr, loaded.stderr
    assert dump_with_cli(store, tmp_path) == before
    content = StoreContent.parse(before)
    assert check_all_or_nothing(content, reference, [1, 2], _empty()) == {1}
    # Writable again: the same store takes the write.
    subprocess.run(ckm_command(store, "load", str(second)), env=env, check=True, timeout=300)


def _empty() -> StoreContent:
    return StoreContent(frozenset(), frozenset(), frozenset())
