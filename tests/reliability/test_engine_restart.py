"""The API on a remote engine that is killed (``SIGKILL``) in the middle of a write and
started again on the same database: 503 while it is gone, no part of a write left
behind, and answers again once it is back — without restarting the API.
(Errors and slowness of a running engine: tests/api/test_remote_engine_faults.py.)"""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.api.conftest import WRITER, App
from tests.engines import EngineServer, oxigraph_executable, start_oxigraph
from tests.reliability.batches import (
    BatchReference,
    StoreContent,
    batch_ntriples,
    check_all_or_nothing,
)

CUSTOMERS = 10
NTRIPLES = {"Content-Type": "application/n-triples", **WRITER}


def restart(engine: EngineServer, location: Path) -> None:
    """``oxigraph serve`` again on the same port and database."""
    executable = oxigraph_executable()
    bind = httpx.URL(engine.query_url).netloc.decode()
    engine.process = subprocess.Popen(
        [str(executable), "serve", "--location", str(location), "--bind", bind],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[EngineServer]:
    if oxigraph_executable() is None:
        pytest.skip("no oxigraph executable beside the interpreter (pip install oxigraph)")
    server = start_oxigraph(tmp_path / "db")
    yield server
    server.stop()


def _content(app: App) -> StoreContent:
    return StoreContent.parse(b"\n".join(app.dump().splitlines()))


def _wait_for_health(app: App, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while app.client.get("/health").status_code != 200:
        assert time.monotonic() < deadline, "the API did not recover after the engine came back"
        time.sleep(0.2)


def test_an_engine_killed_during_a_write_and_restarted_loses_nothing(
    engine: EngineServer, tmp_path: Path
):
    app = App(tmp_path, **engine.settings_fields(), remote_retries=0, query_timeout_s=5.0)
    reference = BatchReference(CUSTOMERS)
    try:
        base = _content(app)
        first = app.client.post(
            "/store?default", content=batch_ntriples(1, CUSTOMERS), headers=NTRIPLES
        )
        assert first.status_code == 201

        answers: list[httpx.Response] = []
        writing = threading.Thread(
            target=lambda: answers.append(
                app.client.post(
                    "/store?default", content=batch_ntriples(2, CUSTOMERS), headers=NTRIPLES
                )
            )
        )
        writing.start()
        time.sleep(0.4)  # the write is validating, or committing
        engine.process.kill()
        engine.process.wait(timeout=30)
        writing.join(timeout=60)

        assert answers[0].status_code in (200, 201, 204, 502, 503), answers[0].text
        gone = app.client.get("/api/customers")
        assert gone.status_code == 503 and gone.json()["type"].endswith("store-unavailable")
        assert app.client.get("/health").status_code == 503

        restart(engine, tmp_path / "db")
        _wait_for_health(app)

        present = check_all_or_nothing(_content(app), reference, [1, 2], base)
        assert 1 in present
        assert (2 in present) == (answers[0].status_code in (200, 201, 204))
        again = app.client.post(
            "/store?default", content=batch_ntriples(2, CUSTOMERS), headers=NTRIPLES
        )
        assert again.status_code == 200, again.text  # a merge into the existing graph
        assert check_all_or_nothing(_content(app), reference, [1, 2], base) == {1, 2}
    finally:
        app.close()
