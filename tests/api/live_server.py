"""A real ``ckm serve`` process on a loopback port, for tests that speak real HTTP.

:func:`live_server` loads the demo into a fresh store with the command line, starts the
server as a subprocess with one writer and one admin key, waits until ``/health``
answers and stops the process afterwards. The server's output goes to a log file whose
text is shown when it fails to come up.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from kg.demo_integrator import CASE_CUSTOMERS

REPO = Path(__file__).resolve().parents[2]
WRITER_KEY = "live-writer-secret-0123"
ADMIN_KEY = "live-admin-secret-0123"
API_KEYS = f"live-writer:writer:{WRITER_KEY},live-admin:admin:{ADMIN_KEY}"
BASE_IRI = "http://localhost:8000/id/"
DEMO_CUSTOMERS = 10
# What the store then holds: the generated customers and the fixed TechCo case of seed 004.
STORED_CUSTOMERS = DEMO_CUSTOMERS + CASE_CUSTOMERS
READY_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 10.0
START_ATTEMPTS = 3  # a free port can be taken by someone else before the server binds it


@dataclass(frozen=True)
class LiveServer:
    """Where the server listens and the keys it accepts."""

    base_url: str
    writer_key: str
    admin_key: str
    log: Path

    @property
    def sparql(self) -> str:
        return f"{self.base_url}/sparql"

    @property
    def store(self) -> str:
        return f"{self.base_url}/store"

    def bearer(self, key: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {key}"}


def _environment() -> dict[str, str]:
    """This process's environment without any ``CKM_`` setting, plus the test's own."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("CKM_")}
    env["CKM_API_KEYS"] = API_KEYS
    env["CKM_BASE_IRI"] = BASE_IRI
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def _ckm(store: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "kg.cli", "--store", str(store), *args]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=STOP_TIMEOUT_S)


def _wait_until_ready(process: subprocess.Popen, base_url: str, *, writes: bool = False) -> bool:
    """True once ``/health`` answers 200 (and, with ``writes``, says the shapes are
    compiled: a test of writes under load measures writes, not the start-up); False
    when the process exits first.

    Raises:
        TimeoutError: neither happened within :data:`READY_TIMEOUT_S`.
    """
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            health = httpx.get(f"{base_url}/health", timeout=1.0)
            if health.status_code == 200 and not (
                writes and health.json().get("writes") == "preparing"
            ):
                return True
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"ckm serve did not answer /health within {READY_TIMEOUT_S:.0f} s")


@contextmanager
def live_server(
    directory: Path, *, options: tuple[str, ...] = (), **settings: str
) -> Iterator[LiveServer]:
    """A ``ckm serve`` process on the demo data in ``directory``, stopped on exit;
    ``options`` are more ``ckm serve`` options, ``settings`` more ``CKM_*`` variables
    for it (``READS_NEED_KEY="true"``).

    Raises:
        RuntimeError: the demo could not be loaded or the server did not come up (with
            its output).
    """
    store = directory / "store"
    env = _environment() | {f"CKM_{name}": value for name, value in settings.items()}
    loaded = subprocess.run(
        _ckm(store, "demo", "--customers", str(DEMO_CUSTOMERS)),
        cwd=directory,  # away from the repository's .env
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if loaded.returncode != 0:
        raise RuntimeError(f"ckm demo failed ({loaded.returncode}):\n{loaded.stderr}")
    for attempt in range(1, START_ATTEMPTS + 1):
        port = _free_port()
        base_url = f"http://127.0.0.1:{port}"
        log = directory / f"serve-{attempt}.log"
        with log.open("wb") as output:
            process = subprocess.Popen(
                _ckm(store, "serve", "--host", "127.0.0.1", "--port", str(port), *options),
                cwd=directory,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        try:
            ready = _wait_until_ready(process, base_url)
        except TimeoutError as error:
            _stop(process)
            raise RuntimeError(f"{error}; its output:\n{log.read_text()}") from error
        if not ready:
            output_text = log.read_text()
            if "address already in use" in output_text.lower() and attempt < START_ATTEMPTS:
                continue
            raise RuntimeError(
                f"ckm serve exited with {process.returncode}; its output:\n{output_text}"
            )
        try:
            yield LiveServer(base_url, WRITER_KEY, ADMIN_KEY, log)
        finally:
            _stop(process)
        return
