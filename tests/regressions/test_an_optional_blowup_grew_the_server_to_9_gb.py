"""``SELECT * WHERE { ?a ?b ?c OPTIONAL { ?d ?e ?f OPTIONAL { ?g ?h ?i } } }``, sent
anonymously to a server on the demo store, was within every limit of the guard: the
client got its 503 at the deadline, but Oxigraph went on building the intermediate
result inside the server process, ≈ 200 MB/s up to 9 GB, until the server was killed by
hand (issue 15). A query is now evaluated in a worker process, which is killed when it
takes more than ``CKM_QUERY_MEMORY_MB``: the client gets 503 query-memory-limit, the
memory is freed at once, and another client is served all along.

The server runs as a real ``ckm serve`` on loopback; a watchdog stops it if its
processes pass 2 GB, so that a server without the defence fails the test instead of
exhausting the machine. Under ``CKM_STRESS=1`` four such queries run at once, with the
default cap of 1 GB each.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from tests.reliability.server import ServerProcess, ckm_command, ckm_environment
from tests.security.watch import Bystander, cpu_seconds_of_tree, resident_bytes_of_tree

BLOWUP = "SELECT * WHERE { ?a ?b ?c OPTIONAL { ?d ?e ?f OPTIONAL { ?g ?h ?i } } }"
STRESS = bool(os.environ.get("CKM_STRESS"))
CAP_MB = 1024 if STRESS else 256
AT_ONCE = 4 if STRESS else 1
WATCHDOG_BYTES = (AT_ONCE * CAP_MB + 1536) * 2**20


class Watchdog:
    """Samples the server's memory (its processes together) until stopped; kills the
    server when it passes ``limit`` bytes."""

    def __init__(self, server: ServerProcess, limit: int) -> None:
        self.server = server
        self.limit = limit
        self.peak = 0
        self.tripped = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        while not self._stop.is_set():
            used = resident_bytes_of_tree(self.server.pid)
            self.peak = max(self.peak, used)
            if used > self.limit:
                self.tripped = True
                self.server.kill()
                return
            time.sleep(0.05)

    def __enter__(self) -> Watchdog:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join(timeout=10)


def _post(url: str, query: str) -> httpx.Response | None:
    """The answer; None when the connection broke (the watchdog stopped the server)."""
    try:
        return httpx.post(url, data={"query": query}, timeout=120)
    except httpx.TransportError:
        return None


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    directory = tmp_path_factory.mktemp("blowup")
    store = directory / "store"
    subprocess.run(
        ckm_command(store, "demo"),
        env=ckm_environment(),
        cwd=directory,
        check=True,
        capture_output=True,
        timeout=300,
    )
    settings = {"CKM_QUERY_TIMEOUT_S": "30", "CKM_QUERY_MEMORY_MB": str(CAP_MB)}
    with ServerProcess(store, directory, settings=settings) as server:
        yield server


def test_the_blowup_is_stopped_at_its_memory_cap_and_the_memory_freed(demo_server):
    url = f"{demo_server.base_url}/sparql"
    httpx.post(url, data={"query": "ASK {}"}, timeout=60).raise_for_status()  # workers up
    baseline = resident_bytes_of_tree(demo_server.pid)
    with (
        Watchdog(demo_server, baseline + WATCHDOG_BYTES) as watchdog,
        Bystander(demo_server.base_url) as bystander,
    ):
        started = time.monotonic()
        with ThreadPoolExecutor(AT_ONCE) as pool:
            answers = list(pool.map(lambda _: _post(url, BLOWUP), range(AT_ONCE)))
        elapsed = time.monotonic() - started
        time.sleep(1.0)
        after = resident_bytes_of_tree(demo_server.pid)
    assert not watchdog.tripped, f"the server passed {watchdog.limit / 2**30:.1f} GB"
    assert [a.status_code if a else None for a in answers] == [503] * AT_ONCE
    assert {a.json()["type"].rsplit("/", 1)[1] for a in answers} == {"query-memory-limit"}
    assert elapsed < 30, "stopped by the deadline, not by the memory cap"
    assert after - baseline < 256 * 2**20, "the query's memory was not freed"
    assert bystander.statuses == {200}
    idle_from = cpu_seconds_of_tree(demo_server.pid)
    time.sleep(1.5)
    assert cpu_seconds_of_tree(demo_server.pid) - idle_from < 0.6, "the query kept running"
    assert httpx.get(f"{demo_server.base_url}/health", timeout=30).status_code == 200
