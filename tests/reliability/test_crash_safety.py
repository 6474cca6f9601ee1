"""``kill -9`` in the middle of large imports, at random moments: after every kill the
store opens, each batch is wholly there or wholly absent (its data, its inferences and
its provenance record), nothing else is there, and every write the server acknowledged
is there.

Two writers are killed: ``ckm load`` of a large generated file, and a ``ckm serve``
receiving Graph Store POSTs. ``make test`` kills each a few times, ``make stress`` 20.
"""

from __future__ import annotations

import random
import subprocess
import threading
import time
from pathlib import Path

import httpx
import pytest

from tests.reliability.batches import (
    BatchReference,
    StoreContent,
    batch_ntriples,
    check_all_or_nothing,
    dump_with_cli,
    write_batch,
)
from tests.reliability.conftest import Scale
from tests.reliability.server import WRITER_KEY, ServerProcess, ckm_command, ckm_environment

SERVER_BATCH_CUSTOMERS = 10  # small batches: several POSTs land between two kills
SEED = int(time.time())  # printed on failure, so a run can be repeated


def _init(store: Path, directory: Path) -> StoreContent:
    subprocess.run(
        ckm_command(store, "init"),
        env=ckm_environment(),
        cwd=directory,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return StoreContent.parse(dump_with_cli(store, directory))


def test_killing_ckm_load_leaves_each_batch_whole_or_absent(
    tmp_path: Path, scale: Scale, figures: dict
):
    rng = random.Random(SEED)
    store = tmp_path / "store"
    base = _init(store, tmp_path)
    reference = BatchReference(scale.batch_customers)
    env = ckm_environment()
    started = time.monotonic()
    first = write_batch(tmp_path / "batch-1.nq", 1, scale.batch_customers)
    subprocess.run(ckm_command(store, "load", str(first)), env=env, check=True, timeout=300)
    duration = time.monotonic() - started  # how long one whole load takes here
    kills, number, present = 0, 1, {1}
    while kills < scale.kills:
        number += 1
        batch = write_batch(tmp_path / f"batch-{number}.nq", number, scale.batch_customers)
        load = subprocess.Popen(
            ckm_command(store, "load", str(batch)),
            env=env,
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # Any moment of the load, or (every other kill) its last stretch, where it
        # commits: the moment a non-atomic commit would be caught half done.
        end = duration * 1.05
        time.sleep(rng.uniform(0.2, end) if kills % 2 else rng.uniform(end * 0.8, end))
        if load.poll() is None:
            load.kill()
            kills += 1
        load.wait(timeout=300)
        content = StoreContent.parse(dump_with_cli(store, tmp_path))
        found = check_all_or_nothing(content, reference, range(1, number + 1), base)
        assert present <= found, f"seed {SEED}: a batch loaded before went missing"
        present = found
        sources = {line for line in content.provenance if "batch-" in line}
        assert {int(s.split("batch-")[1].split(".")[0]) for s in sources} == present
    figures |= {"kills": kills, "batches": number, "whole": len(present), "seed": SEED}
    figures["quads_per_batch"] = len(reference.expected(1)[0])


class Poster:
    """Posts batches to a server one after another until it dies; remembers which were
    acknowledged and which was in flight."""

    def __init__(self, server: ServerProcess, first: int) -> None:
        self.server = server
        self.next = first
        self.acknowledged: list[int] = []
        self.in_flight: int | None = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        try:
            self._post()
        except BaseException as error:  # re-raised by the test
            self.error = error

    def _post(self) -> None:
        headers = {
            "Authorization": f"Bearer {WRITER_KEY}",
            "Content-Type": "application/n-triples",
        }
        with self.server.client() as client:
            while True:
                self.in_flight = self.next
                body = batch_ntriples(self.next, SERVER_BATCH_CUSTOMERS)
                try:
                    answer = client.post("/store?default", content=body, headers=headers)
                except httpx.TransportError:
                    return  # the server was killed
                assert answer.status_code in (200, 201, 204), answer.text
                self.acknowledged.append(self.next)
                self.in_flight = None
                self.next += 1


def test_killing_the_server_loses_no_acknowledged_write(
    tmp_path: Path, scale: Scale, figures: dict
):
    rng = random.Random(SEED + 1)
    store = tmp_path / "store"
    base = _init(store, tmp_path)
    reference = BatchReference(SERVER_BATCH_CUSTOMERS)
    server = ServerProcess(store, tmp_path)
    acknowledged: set[int] = set()
    in_flight: set[int] = set()  # sent when the server died: may or may not have landed
    present: set[int] = set()
    next_batch, kills = 1, 0
    try:
        while kills < scale.kills:
            server.start()
            poster = Poster(server, next_batch)
            poster.thread.start()
            time.sleep(rng.uniform(0.5, 4.0))
            server.kill()
            kills += 1
            poster.thread.join(timeout=60)
            if poster.error is not None:
                raise poster.error
            acknowledged |= set(poster.acknowledged)
            in_flight |= {poster.in_flight} - {None}
            next_batch = poster.next + 1
            content = StoreContent.parse(dump_with_cli(store, tmp_path))
            found = check_all_or_nothing(content, reference, range(1, next_batch), base)
            assert acknowledged <= found, f"seed {SEED}: acknowledged writes were lost"
            assert present <= found, f"seed {SEED}: a batch found earlier went missing"
            assert found - acknowledged <= in_flight, "a batch nobody sent"
            assert content.activities("gsp-post") == len(found)
            present = found
    finally:
        server.stop()
    assert acknowledged, "no write was acknowledged before a kill: nothing was tested"
    figures |= {"kills": kills, "acknowledged": len(acknowledged), "seed": SEED}
    figures["in_flight_landed"] = f"{len(present & in_flight)} of {len(in_flight)}"


@pytest.mark.parametrize("kill_after_s", [0.0])
def test_a_kill_before_anything_was_written_leaves_the_store_openable(
    tmp_path: Path, kill_after_s: float
):
    """The first moments of a load (opening RocksDB, installing the ontology) too."""
    store = tmp_path / "store"
    load = subprocess.Popen(ckm_command(store, "init"), env=ckm_environment(), cwd=tmp_path)
    time.sleep(kill_after_s + 0.8)
    load.kill()
    load.wait(timeout=60)
    dump_with_cli(store, tmp_path)
