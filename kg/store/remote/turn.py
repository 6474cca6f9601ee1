"""The writer's turn across processes: at most one writer of one engine at a time.

Several API processes may write to one engine. Engines run each request on a snapshot
(Oxigraph, Virtuoso: two conditional updates racing on the same version both match,
measured), so no single request can be a compare-and-set, and no request can take a
lock. What they do give is that a write, once answered, is seen by every request sent
after it. That is what Lamport's bakery algorithm needs (L. Lamport, "A New Solution of
Dijkstra's Concurrent Programming Problem", CACM 17(8), 1974): mutual exclusion from
registers that are only read and written.

A writer taking the turn (its registers in the hidden graph ``urn:ckm:graph:turns``):

1. writes ``choosing``, with a lease (an ``xsd:dateTime``);
2. reads every live writer's ticket and takes one more than the largest;
3. writes its ticket, then (in order, in the same request) removes ``choosing``;
4. reads the writers until none is choosing and none holds a smaller ``(ticket, id)``.

It gives the turn back by removing its registers. A writer that died leaves registers
whose lease runs out (30 s by default, renewed while the turn is held); they are then
ignored and cleared. Clocks of the writers' machines must agree within the lease.
"""

from __future__ import annotations

import contextlib
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from kg.errors import WriteConflict
from kg.store.remote.results import rows_of
from kg.store.remote.transport import EngineClient

GRAPH_IRI = "urn:ckm:graph:turns"
_GRAPH = f"<{GRAPH_IRI}>"
_NS = "urn:ckm:turn:"
_CHOOSING = f"<{_NS}choosing>"
_TICKET = f"<{_NS}ticket>"
_LEASE = f"<{_NS}leaseUntil>"
_DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime"
_JSON = "application/sparql-results+json"


@dataclass(frozen=True)
class _Writer:
    iri: str
    lease_until: datetime
    choosing: bool
    ticket: int | None


class WriterTurn:
    """Mutual exclusion of the writers of one engine (re-entrant in one thread).

    ``lease_s``: how long a writer's registers stay live without renewal.
    ``wait_s``: how long a writer waits for the turn before giving up.
    """

    def __init__(self, client: EngineClient, *, lease_s: float = 30.0, wait_s: float = 60.0):
        self._client = client
        self._lease = timedelta(seconds=lease_s)
        self._wait_s = wait_s
        self._local = threading.local()

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Hold the turn for the block.

        Raises:
            WriteConflict: the turn did not come within ``wait_s``; nothing written.
            StoreError, StoreUnavailable: the engine failed; the turn is not held.
        """
        if getattr(self._local, "depth", 0):
            self._local.depth += 1
            try:
                yield
            finally:
                self._local.depth -= 1
            return
        me = f"<urn:ckm:writer:{uuid.uuid4()}>"
        self._take(me)
        self._local.depth = 1
        stop = threading.Event()
        renewer = threading.Thread(target=self._renew, args=(me, stop), daemon=True)
        renewer.start()
        try:
            yield
        finally:
            self._local.depth = 0
            stop.set()
            renewer.join()
            self._client.update(f"DELETE WHERE {{ GRAPH {_GRAPH} {{ {me} ?p ?o }} }}")

    def _take(self, me: str) -> None:
        lease = self._until()
        self._client.update(
            f"INSERT DATA {{ GRAPH {_GRAPH} {{ {me} {_CHOOSING} true ; {_LEASE} {lease} }} }}"
        )
        try:
            others = [w for w in self._writers() if w.iri != me[1:-1]]
            ticket = 1 + max((w.ticket or 0 for w in others), default=0)
            # The ticket is written before ``choosing`` goes (Lamport's order), also on
            # an engine that applies the two operations of a request one after another.
            self._client.update(
                f"INSERT DATA {{ GRAPH {_GRAPH} {{ {me} {_TICKET} {ticket} }} }} ;\n"
                f"DELETE DATA {{ GRAPH {_GRAPH} {{ {me} {_CHOOSING} true }} }}"
            )
            self._wait_for_turn(me[1:-1], ticket)
        except BaseException:
            with contextlib.suppress(Exception):
                self._client.update(f"DELETE WHERE {{ GRAPH {_GRAPH} {{ {me} ?p ?o }} }}")
            raise

    def _wait_for_turn(self, me: str, ticket: int) -> None:
        deadline = time.monotonic() + self._wait_s
        pause = 0.002
        while True:
            now = datetime.now(UTC)
            writers = self._writers()
            live = [w for w in writers if w.iri != me and w.lease_until > now]
            ahead = [
                w
                for w in live
                if w.choosing or (w.ticket is not None and (w.ticket, w.iri) < (ticket, me))
            ]
            if not ahead:
                if len(live) < len([w for w in writers if w.iri != me]):
                    self._clear_expired(now)
                return
            if time.monotonic() > deadline:
                raise WriteConflict(
                    f"another writer of this engine kept the write turn for over "
                    f"{self._wait_s:.0f} s; nothing written, try again"
                )
            time.sleep(pause)
            pause = min(pause * 2, 0.05)

    def _writers(self) -> list[_Writer]:
        rows = rows_of(
            self._client.query(
                f"SELECT ?w ?until ?choosing ?ticket WHERE {{ GRAPH {_GRAPH} {{ "
                f"?w {_LEASE} ?until OPTIONAL {{ ?w {_CHOOSING} ?choosing }} "
                f"OPTIONAL {{ ?w {_TICKET} ?ticket }} }} }}",
                None,
                _JSON,
                union=False,
            ).json()
        )
        writers = []
        for row in rows:
            until = row["until"].toPython()
            if not isinstance(until, datetime):
                continue
            ticket = row.get("ticket")
            writers.append(
                _Writer(
                    str(row["w"]),
                    until if until.tzinfo else until.replace(tzinfo=UTC),
                    "choosing" in row,
                    int(ticket.toPython()) if ticket is not None else None,
                )
            )
        return writers

    def _renew(self, me: str, stop: threading.Event) -> None:
        interval = self._lease.total_seconds() / 3
        while not stop.wait(interval):
            with contextlib.suppress(Exception):  # the next renewal tries again
                self._client.update(
                    f"DELETE {{ GRAPH {_GRAPH} {{ {me} {_LEASE} ?old }} }} "
                    f"INSERT {{ GRAPH {_GRAPH} {{ {me} {_LEASE} {self._until()} }} }} "
                    f"WHERE {{ GRAPH {_GRAPH} {{ {me} {_LEASE} ?old }} }}"
                )

    def _clear_expired(self, now: datetime) -> None:
        with contextlib.suppress(Exception):  # another writer may clear them as well
            self._client.update(
                f"DELETE {{ GRAPH {_GRAPH} {{ ?w ?p ?o }} }} WHERE {{ GRAPH {_GRAPH} {{ "
                f"?w {_LEASE} ?until ; ?p ?o FILTER(?until < {_datetime(now)}) }} }}"
            )

    def _until(self) -> str:
        return _datetime(datetime.now(UTC) + self._lease)


def _datetime(moment: datetime) -> str:
    return f'"{moment.isoformat()}"^^<{_DATETIME}>'
