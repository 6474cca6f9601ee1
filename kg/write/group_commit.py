"""Group commit: writers that arrive while another write is running are written together.

Writes are serialised, so under concurrent writers most of a writer's time is spent
waiting. With a group commit the writer that gets the lock takes every request queued
meanwhile and settles them in one go; each waiting writer then finds its outcome ready.
A database's group commit of its log, applied to the validated write road.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from kg.errors import WriteInterrupted

_Request = TypeVar("_Request")
_Outcome = TypeVar("_Outcome")


@dataclass
class _Ticket(Generic[_Request, _Outcome]):
    request: _Request
    settled: threading.Event = field(default_factory=threading.Event)
    outcome: _Outcome | None = None
    error: BaseException | None = None


class GroupCommit(Generic[_Request, _Outcome]):
    """Runs ``settle(batch)`` under ``lock`` for every batch of queued requests.

    ``settle`` returns, for each request of the batch in order, its outcome or the
    exception that request must raise in its writer's thread.
    """

    def __init__(
        self,
        lock: threading.Lock,
        settle: Callable[[Sequence[_Request]], list[_Outcome | Exception]],
    ) -> None:
        self._lock = lock
        self._settle = settle
        self._queue: list[_Ticket[_Request, _Outcome]] = []
        self._queue_lock = threading.Lock()

    def submit(self, request: _Request) -> _Outcome:
        """Queue ``request`` and return its outcome once a batch holding it is settled.

        Raises:
            Exception: whatever ``settle`` gave as the request's outcome.
            WriteInterrupted: the batch's writer stopped before settling this request.
        """
        ticket: _Ticket[_Request, _Outcome] = _Ticket(request)
        with self._queue_lock:
            self._queue.append(ticket)
        with self._lock:
            if not ticket.settled.is_set():
                with self._queue_lock:
                    batch, self._queue = self._queue, []
                self._run(batch)
        if ticket.error is not None:
            raise ticket.error
        return ticket.outcome  # type: ignore[return-value]

    def _run(self, batch: list[_Ticket[_Request, _Outcome]]) -> None:
        try:
            outcomes = self._settle([ticket.request for ticket in batch])
            for ticket, outcome in zip(batch, outcomes, strict=True):
                if isinstance(outcome, Exception):
                    ticket.error = outcome
                else:
                    ticket.outcome = outcome
        finally:
            for ticket in batch:
                if ticket.outcome is None and ticket.error is None:
                    ticket.error = WriteInterrupted("the write was interrupted; nothing written")
                ticket.settled.set()
