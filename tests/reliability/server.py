"""A real ``ckm serve`` process on a store directory that outlives it: started, killed
(``SIGKILL``, as a power cut or an OOM kill would), started again on the same store.

Unlike :func:`tests.api.live_server.live_server` the store is the caller's, settings can
be added, and the command can run inside a wrapper (``unshare …``) that changes what the
process sees of the file system.
"""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Sequence
from pathlib import Path

import httpx

from tests.api.live_server import (
    ADMIN_KEY,
    WRITER_KEY,
    _ckm,
    _environment,
    _stop,
    _wait_until_ready,
)
from tests.engines import free_port
from tests.kg.conftest import SMALL_TTL

__all__ = [
    "ADMIN_KEY",
    "WRITER_KEY",
    "ServerProcess",
    "ckm_command",
    "ckm_environment",
    "run_ckm",
    "store_with_small_data",
]


def ckm_environment(**settings: str) -> dict[str, str]:
    """The environment of a ``ckm`` process: no inherited ``CKM_`` setting, the live
    server's keys, and ``settings`` (``CKM_QUERY_TIMEOUT_S="1"``…)."""
    return _environment() | settings


def ckm_command(store: Path, *args: str) -> list[str]:
    """``python -m kg.cli --store STORE ARGS…`` with this interpreter."""
    return _ckm(store, *args)


def run_ckm(
    store: Path, *args: str, directory: Path, wrapper: Sequence[str] = ()
) -> subprocess.CompletedProcess:
    """``ckm ARGS`` on ``store`` in a new process (inside ``wrapper``, if any), run from
    ``directory``: the completed process, its output as text; never raises on failure."""
    return subprocess.run(
        [*wrapper, *ckm_command(store, *args)],
        env=ckm_environment(),
        cwd=directory,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def store_with_small_data(directory: Path) -> Path:
    """A store in ``directory`` holding tests/kg/data/small.ttl, loaded by ``ckm load``.

    Raises:
        subprocess.CalledProcessError: the load failed.
    """
    store = directory / "store"
    subprocess.run(
        ckm_command(store, "load", str(SMALL_TTL)),
        env=ckm_environment(),
        cwd=directory,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return store


class ServerProcess:
    """``ckm serve`` on ``store``, on a free loopback port each time it starts."""

    def __init__(
        self,
        store: Path,
        log_dir: Path,
        *,
        settings: dict[str, str] | None = None,
        wrapper: Sequence[str] = (),
        wait_for_writes: bool = True,
    ) -> None:
        self.wait_for_writes = wait_for_writes
        self.store = store
        self.log_dir = log_dir
        self.env = ckm_environment(**(settings or {}))
        self.wrapper = list(wrapper)
        self.process: subprocess.Popen | None = None
        self.base_url = ""
        self.starts = 0

    @property
    def log(self) -> Path:
        return self.log_dir / f"serve-{self.starts}.log"

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def start(self) -> None:
        """Start the server and wait until ``/health`` answers (and says writes are
        ready, unless ``wait_for_writes`` is off).

        Raises:
            RuntimeError: it exited or did not come up (its output attached).
        """
        self.starts += 1
        port = free_port()
        self.base_url = f"http://127.0.0.1:{port}"
        command = [
            *self.wrapper,
            *ckm_command(self.store, "serve", "--host", "127.0.0.1", "--port", str(port)),
        ]
        with self.log.open("wb") as output:
            self.process = subprocess.Popen(
                command,
                cwd=self.log_dir,
                env=self.env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            ready = _wait_until_ready(self.process, self.base_url, writes=self.wait_for_writes)
        except TimeoutError as error:
            self.stop()
            raise RuntimeError(f"{error}; its output:\n{self.log.read_text()}") from error
        if not ready:
            raise RuntimeError(
                f"ckm serve exited with {self.process.returncode}:\n{self.log.read_text()}"
            )

    def kill(self) -> None:
        """``SIGKILL`` the server (no shutdown handler runs) and reap it."""
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is not None:
            _stop(self.process)

    def client(self, **kwargs) -> httpx.Client:
        """An HTTP client for this server (``base_url`` set, 60 s timeout by default)."""
        kwargs.setdefault("timeout", 60.0)
        return httpx.Client(base_url=self.base_url, **kwargs)

    def __enter__(self) -> ServerProcess:
        self.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()
