"""Queries evaluated in worker processes: stopped at their deadline and memory cap,
unable to call out, unable to take the server down.

Oxigraph cannot be interrupted once it evaluates: an ``OPTIONAL`` blow-up went on
building its intermediate result after the client's 503, at 200 MB/s up to 9 GB, and a
query that overflows the engine's stack kills the process it runs in. Neither can
happen to the server when the query runs elsewhere, so :class:`IsolatedQueries` sends
every :meth:`query_serialized` to one of a few worker processes
(:mod:`kg.store.query_worker`):

- each worker holds its own copy of the store: a backup of the directory (hard links,
  made in milliseconds), in memory for the memory-reads store; the server sends it the
  changes committed since, in commit order, before each query — so a query sees every
  write committed before it was received;
- the server watches the worker while it evaluates: past the deadline, or past
  ``memory_bytes`` more resident memory than it had when the query began, it kills the
  worker (its memory is freed at once, its core free again) and answers 503; a worker
  that dies by itself (stack overflow) is named in a 400; a new worker replaces it;
- a worker has no network (:mod:`kg.store.sandbox`): a ``SERVICE`` the guard missed
  fails in the kernel;
- workers are separate processes, so concurrent queries use every core;
- when no worker can hold a copy (a full disk), a query is evaluated in the server, as
  before, with a warning in the log: reads go on, unisolated, until workers can start.

Forking the server instead would make no copies, but a child forked from a process
whose RocksDB threads hold a lock waits for it for ever (seen: ``GetSnapshotImpl``).
What the isolation costs per query is in docs/BENCHMARKS.md.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, BinaryIO

from kg.errors import (
    QueryCalledOut,
    QueryCrashed,
    QueryMemoryExceeded,
    QueryTimeout,
    QueryTooComplex,
    QueryWorkersBusy,
    StoreError,
)
from kg.store.base import Dataset, DumpFormat, Quad, Triple
from kg.store.embedded import EmbeddedStore
from kg.store.query_worker import REPORTED
from kg.store.resident import ResidentStore
from kg.store.sandbox import sandbox_available

_log = logging.getLogger(__name__)
# Changes kept for workers that are behind; a worker further behind gets a new copy.
MAX_CHANGES = 2_000
_WATCH_S = 0.05
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@dataclass(frozen=True)
class QueryLimits:
    """How many workers, and what one query may take."""

    workers: int = 2
    memory_bytes: int = 1 << 30
    network: bool = False


class _Worker:
    """One worker process and the version of the store its copy holds."""

    def __init__(
        self,
        process: subprocess.Popen,
        connection: Connection,
        version: int,
        generation: int,
        work: Path | None,
    ) -> None:
        self.process = process
        self.connection = connection
        self.version = version
        self.generation = generation
        self.work = work  # the directory of its copy, removed when it stops

    def resident_bytes(self) -> int:
        try:
            with open(f"/proc/{self.process.pid}/statm", encoding="ascii") as statm:
                return int(statm.read().split()[1]) * _PAGE
        except (OSError, ValueError, IndexError):
            return 0

    def stop(self, *, kill: bool = False) -> int | None:
        """End the worker (at once when ``kill``) and remove its copy; its exit code."""
        with contextlib.suppress(OSError):
            self.connection.close()
        if kill:
            with contextlib.suppress(OSError):
                self.process.kill()
        try:
            code = self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        if self.work is not None:
            shutil.rmtree(self.work, ignore_errors=True)
        return code


class IsolatedQueries:
    """A store whose :meth:`query_serialized` runs in worker processes; everything
    else is the wrapped store's, unchanged (writes also go to the change log the workers
    follow).

    Args:
        inner: the embedded or memory-reads store.
        limits: workers and the limits of one query.
    """

    def __init__(self, inner: EmbeddedStore | ResidentStore, limits: QueryLimits) -> None:
        self._inner = inner
        self.limits = limits
        # Held while a write commits and is logged, and while a copy is made: the log's
        # order is the commit order, and a copy is exactly at a logged version.
        self._lock = threading.Lock()
        self._version = 0
        self._generation = 0
        self._changes: deque[tuple[int, tuple]] = deque()
        self._floor = 0  # the oldest version the log can bring up to date
        self._idle: list[_Worker] = []
        self._started = 0  # workers alive or starting
        self._pool = threading.Condition()
        self._closed = False
        _remove_stale_copies(inner.path)
        if not limits.network and not sandbox_available():
            _log.warning(
                "query workers cannot be denied network access on this machine (seccomp "
                "needs Linux on x86-64 or AArch64): only the guard stops SERVICE"
            )

    @property
    def inner(self) -> EmbeddedStore | ResidentStore:
        """The wrapped store."""
        return self._inner

    def __getattr__(self, name: str) -> Any:
        # The rest of the wrapped store's face (path, read_only, wait_until_resident…).
        if name == "_inner":
            raise AttributeError(name)
        return getattr(self._inner, name)

    # -- writes: committed, then logged for the workers ----------------------------------

    def commit(
        self, removed: Iterable[Quad], added: Iterable[Quad], *, expected_version: str | None = None
    ) -> None:
        removed, added = list(removed), list(added)
        with self._lock:
            self._inner.commit(removed, added, expected_version=expected_version)
            self._logged(("commit", removed, added))

    def replace_graph(self, graph, triples: Iterable[Triple]) -> None:
        triples = list(triples)
        with self._lock:
            self._inner.replace_graph(graph, triples)
            self._logged(("graph", graph, triples))

    def restore(self, source: BinaryIO, fmt: DumpFormat) -> int:
        with self._lock:
            count = self._inner.restore(source, fmt)
            # Every copy is of another store now: workers get new ones.
            self._generation += 1
            self._changes.clear()
            self._floor = self._version
        return count

    def _logged(self, change: tuple) -> None:
        self._version += 1
        self._changes.append((self._version, change))
        if len(self._changes) > MAX_CHANGES:
            self._floor = self._changes.popleft()[0]

    # -- reads that stay here ------------------------------------------------------------

    def select(self, sparql: str, *, dataset: Dataset | None = None, timeout_s=None):
        return self._inner.select(sparql, dataset=dataset, timeout_s=timeout_s)

    def ask(self, sparql: str, *, dataset: Dataset | None = None) -> bool:
        return self._inner.ask(sparql, dataset=dataset)

    def construct(self, sparql: str, *, dataset: Dataset | None = None) -> list[Triple]:
        return self._inner.construct(sparql, dataset=dataset)

    def quads(self, subject=None, predicate=None, obj=None, graph=None) -> Iterator[Quad]:
        return self._inner.quads(subject, predicate, obj, graph)

    def held(self, quads: Iterable[Quad]) -> set[Quad]:
        return self._inner.held(quads)

    def mentioned(self, nodes):
        return self._inner.mentioned(nodes)

    def graphs(self) -> list:
        return self._inner.graphs()

    def count(self, graph=None) -> int:
        return self._inner.count(graph)

    def version(self) -> str:
        return self._inner.version()

    def dump(self, output: BinaryIO, fmt: DumpFormat) -> None:
        self._inner.dump(output, fmt)

    # -- queries: in a worker ------------------------------------------------------------

    def query_serialized(
        self,
        sparql: str,
        *,
        media_type: str,
        dataset: Dataset | None = None,
        timeout_s: float | None = None,
        row_limit: int | None = None,
    ) -> bytes:
        """The answer, evaluated by a worker on a copy holding every committed write.

        Raises:
            QuerySyntaxError, ValueError: as the store's own method.
            QueryTimeout: past ``timeout_s`` (the worker was killed).
            QueryWorkersBusy: no worker became free within ``timeout_s``.
            QueryMemoryExceeded: the query took more than ``limits.memory_bytes``.
            QueryTooComplex, QueryCrashed: the worker died evaluating it.
        """
        request = (sparql, media_type, dataset, timeout_s, row_limit)
        for _attempt in (1, 2):
            try:
                worker = self._take(timeout_s)
            except _NoWorker as error:
                return self._unisolated(request, error)
            outcome: tuple | None = None
            try:
                outcome = self._evaluate(worker, request)
            except _Stale:
                continue  # a new worker, on a new copy
            finally:
                self._give_back(worker, healthy=outcome is not None)
            return self._answer(outcome)
        return self._unisolated(request, StoreError("no worker could follow the store"))

    def _unisolated(self, request: tuple, why: Exception) -> bytes:
        """The query evaluated here, when no worker can hold a copy of the store (the
        disk is full, say): reads go on, without the isolation, until one can again."""
        _log.warning("a query runs without a worker process: %s", why)
        sparql, media_type, dataset, timeout_s, row_limit = request
        return self._inner.query_serialized(
            sparql, media_type=media_type, dataset=dataset, timeout_s=timeout_s, row_limit=row_limit
        )

    def _evaluate(self, worker: _Worker, request: tuple) -> tuple:
        with self._lock:
            target, behind = self._version, worker.version < self._floor
            changes = [c for v, c in self._changes if v > worker.version]
        if behind or worker.generation != self._generation:
            raise _Stale()
        if changes:
            try:
                worker.connection.send(("apply", changes))
                reply = worker.connection.recv()
            except (EOFError, OSError):
                reply = ("broken", "the worker ended")
            if reply[0] != "applied":
                _log.error("a query worker could not follow the store: %s", reply[1])
                raise _Stale()
        worker.version = target
        baseline = worker.resident_bytes()
        try:
            worker.connection.send(("query", *request))
        except OSError:
            raise _Stale() from None  # it ended while idle: another worker answers
        timeout_s = request[3]
        deadline = None if timeout_s is None else time.monotonic() + timeout_s
        while not worker.connection.poll(_WATCH_S):
            if deadline is not None and time.monotonic() > deadline:
                raise QueryTimeout(f"the query ran longer than {timeout_s:g} s")
            if worker.resident_bytes() - baseline > self.limits.memory_bytes:
                raise _memory_exceeded(self.limits)
        try:
            return worker.connection.recv()
        except (EOFError, OSError):
            raise _died(worker) from None

    def _answer(self, outcome: tuple | None) -> bytes:
        assert outcome is not None
        if outcome[0] == "answer":
            return outcome[1]
        _kind, name, text = outcome
        if name == "MemoryError":
            raise _memory_exceeded(self.limits)
        if name == "network":
            raise QueryCalledOut(f"the query tried to call out ({text}); queries may not")
        if name in REPORTED:
            raise REPORTED[name](text)
        raise QueryCrashed(f"the query failed: {text}")

    # -- the pool ------------------------------------------------------------------------

    def _take(self, timeout_s: float | None) -> _Worker:
        """An idle, up-to-date worker, started if there is room; waits up to
        ``timeout_s`` for one to be free."""
        waited_until = None if timeout_s is None else time.monotonic() + timeout_s
        while True:
            with self._pool:
                if self._closed:
                    raise StoreError("the store is closed")
                while not self._idle and self._started >= self.limits.workers:
                    left = None if waited_until is None else waited_until - time.monotonic()
                    if left is not None and left <= 0:
                        raise QueryWorkersBusy(
                            f"{self.limits.workers} queries are running and none ended "
                            f"within {timeout_s:g} s; try again shortly"
                        )
                    self._pool.wait(left)
                if self._idle:
                    worker = self._idle.pop()
                    if worker.generation == self._generation and worker.version >= self._floor:
                        return worker
                    self._started -= 1
                    stale = worker
                else:
                    self._started += 1
                    stale = None
            if stale is not None:
                stale.stop()
                continue
            try:
                return self._start()
            except StoreError as error:
                with self._pool:
                    self._started -= 1
                    self._pool.notify()
                raise _NoWorker(str(error)) from error
            except BaseException:
                with self._pool:
                    self._started -= 1
                    self._pool.notify()
                raise

    def start_workers(self) -> None:
        """Start every worker not started yet, in the background."""
        with self._pool:
            missing = self.limits.workers - self._started
            self._started += max(missing, 0)
        for _ in range(max(missing, 0)):
            threading.Thread(target=self._replace, name="ckm-query-worker", daemon=True).start()

    def _give_back(self, worker: _Worker, *, healthy: bool) -> None:
        with self._pool:
            if healthy and not self._closed:
                self._idle.append(worker)
                self._pool.notify()
                return
            replace = not self._closed
        worker.stop(kill=True)
        if replace:  # the next query finds a worker ready, not one starting
            threading.Thread(target=self._replace, name="ckm-query-worker", daemon=True).start()
        else:
            with self._pool:
                self._started -= 1
                self._pool.notify()

    def _replace(self) -> None:
        """Start a worker in the place of one that ended (its count is kept meanwhile)."""
        try:
            worker = self._start()
        except Exception:
            _log.exception("a query worker could not be started")
            worker = None
        with self._pool:
            if worker is None or self._closed:
                self._started -= 1
            else:
                self._idle.append(worker)
            self._pool.notify()
        if worker is not None and self._closed:
            worker.stop()

    def _start(self) -> _Worker:
        """A new worker on a new copy of the store (made under the write lock, so at an
        exact version)."""
        with self._lock:
            kind, work, dump = self._copy()
            version, generation = self._version, self._generation
        if work is not None:
            where = str(work / "store")
        else:
            where = str(self._inner.path) if kind == "read-only" else "-"
        ours, theirs = socket.socketpair()
        command = [sys.executable, "-m", "kg.store.query_worker", str(theirs.fileno()), kind]
        command.append(where)
        if self.limits.network:
            command.append("--network")
        try:
            process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, pass_fds=(theirs.fileno(),), close_fds=True
            )
        except OSError as error:
            ours.close()
            theirs.close()
            if work is not None:
                shutil.rmtree(work, ignore_errors=True)
            raise StoreError(f"a query worker could not be started: {error}") from error
        theirs.close()
        connection = Connection(ours.detach())
        worker = _Worker(process, connection, version, generation, work)
        try:
            if dump is not None:
                connection.send_bytes(dump)
            if connection.recv() != ("ready",):
                raise StoreError("a query worker did not start")
        except (EOFError, OSError, StoreError) as error:
            worker.stop(kill=True)
            raise StoreError(f"a query worker did not start: {error}") from error
        return worker

    def _copy(self) -> tuple[str, Path | None, bytes | None]:
        """What a new worker reads: (kind, a new directory holding its copy as
        ``store``, or the dump of an in-memory store)."""
        inner = self._inner
        if isinstance(inner, EmbeddedStore) and inner.path is None:
            snapshot = io.BytesIO()
            inner.dump(snapshot, DumpFormat.NQUADS)
            return "dump", None, snapshot.getvalue()
        if inner.read_only:
            return "read-only", None, None
        parent = inner.path.parent if inner.path is not None else None
        try:
            work = Path(tempfile.mkdtemp(prefix=_copy_prefix(inner.path), dir=_writable(parent)))
        except OSError as error:
            raise StoreError(f"no room for a query worker's copy: {error}") from error
        try:
            inner.backup(work / "store")
        except StoreError:
            shutil.rmtree(work, ignore_errors=True)
            raise
        return ("memory" if isinstance(inner, ResidentStore) else "disk"), work, None

    def close(self) -> None:
        with self._pool:
            self._closed = True
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.stop()
        self._inner.close()


class _Stale(QueryCrashed):
    """The worker's copy cannot be brought up to date (the caller retries on a new one)."""


class _NoWorker(StoreError):
    """No worker could be started (its copy of the store could not be made)."""


def _copy_prefix(store: Path | None) -> str:
    return f".{store.name if store is not None else 'memory'}.query-copy-"


def _remove_stale_copies(store: Path | None) -> None:
    """Remove the copies workers of an earlier server left (it was killed): this server
    holds the store's lock, so no other one uses them."""
    if store is None:
        return
    for stale in store.parent.glob(_copy_prefix(store) + "*"):
        shutil.rmtree(stale, ignore_errors=True)


def _writable(directory: Path | None) -> str | None:
    if directory is not None and os.access(directory, os.W_OK):
        return str(directory)
    return None


def _memory_exceeded(limits: QueryLimits) -> QueryMemoryExceeded:
    return QueryMemoryExceeded(
        f"the query needed more than its {limits.memory_bytes // 2**20} MB of memory; "
        "it was stopped"
    )


def _died(worker: _Worker) -> Exception:
    """The error of a worker that died evaluating a query."""
    code = worker.process.wait(timeout=10)
    if code == -11:  # SIGSEGV: in practice the parser recursing into deep nesting
        return QueryTooComplex("the query nests too deeply for the engine (its stack overflowed)")
    if code in (-6, -9):  # SIGABRT: an allocation failed; SIGKILL: the kernel's OOM killer
        return QueryMemoryExceeded("the query ran the engine out of memory; it was stopped")
    return QueryCrashed(f"the query engine stopped (exit status {code}) before it answered")
