"""Red-team case: the idempotency journal (idempotency.sqlite beside the store) is opened
for writing at start, so a store directory that cannot be written no longer serves reads."""

from __future__ import annotations

from pathlib import Path

from tests.reliability.mounts import read_only
from tests.reliability.server import ServerProcess, store_with_small_data


def test_a_read_only_store_directory_still_serves_reads(tmp_path: Path):
    """`ckm serve` on a read-only store directory exits 1 at start with
    sqlite3.OperationalError 'unable to open database file' (the journal); it served reads
    and answered writes 503 store-read-only before (docs/RELIABILITY.md,
    tests/reliability/test_storage_faults.py fails the same way)."""
    store = store_with_small_data(tmp_path)
    with read_only(store) as namespace:
        server = ServerProcess(store, tmp_path, wrapper=namespace.enter)
        with server, server.client() as client:
            assert client.get("/health").status_code == 200
            firms = client.get("/api/firms")
            assert firms.status_code == 200, firms.text
