"""``Idempotency-Key`` on POST (draft-ietf-httpapi-idempotency-key-header): a client that
retries a POST with the same key gets the first answer again, and nothing is done twice.

The first request with a key runs as usual; its successful (2xx) answer is kept for
``CKM_IDEMPOTENCY_TTL_S`` (a day by default), in ``idempotency.sqlite`` beside the
embedded store (so that it outlives a restart; in memory for a remote store or a graph
given to the app). A repeat — the same key from the same caller (the same
``Authorization``) — gets that answer back, with ``Idempotency-Replayed: true``, without
running again. Keys of different callers never meet.

Refused, with a problem document:

* 400 ``bad-idempotency-key`` — a key that is not 1-255 visible ASCII characters (a
  Structured Field string, ``"…"``, is unquoted first);
* 409 ``idempotency-in-flight`` — the first request with the key is still running;
* 422 ``idempotency-key-reused`` — the key came with another request (method, path,
  query, content type or body differ).

The key is honoured on the requests of writer and admin keys; a reader's or an
anonymous POST (a query, or a write about to be refused) runs as if it had none.
An answer that is not 2xx is not kept (nothing was written; the repeat runs again), nor
an answer larger than 1 MiB. Not covered: a server that dies after the commit but before
the answer is kept (the retry runs again; an identical REST create then finds its twin).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.auth import Role, identify
from api.errors import Problem, problem_response

HEADER = b"idempotency-key"
REPLAYED = "Idempotency-Replayed"
MAX_KEPT_BYTES = 1024 * 1024
JOURNAL_NAME = "idempotency.sqlite"
# The answer's headers a replay repeats (the rest — date, length — are the server's own).
_KEPT_HEADERS = {
    "content-type",
    "location",
    "content-location",
    "etag",
    "last-modified",
    "warning",
    "link",
}


@dataclass(frozen=True)
class KeptAnswer:
    """What the first request with a key was answered."""

    fingerprint: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes


class IdempotencyJournal:
    """The kept answers, by key (an SQLite table; safe to share between threads).

    >>> journal = IdempotencyJournal(None, ttl_s=60)
    >>> journal.keep("k", KeptAnswer("f", 201, [("location", "/x")], b"{}"))
    >>> journal.find("k").status, journal.find("other")
    (201, None)
    """

    def __init__(self, path: Path | None, *, ttl_s: float) -> None:
        self.ttl_s = ttl_s
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path) if path else ":memory:", check_same_thread=False)
        with self._lock, self._db:
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS kept (key TEXT PRIMARY KEY, at REAL, "
                "fingerprint TEXT, status INTEGER, headers TEXT, body BLOB)"
            )

    def find(self, key: str) -> KeptAnswer | None:
        """The answer kept under ``key``, unless older than the time to live."""
        with self._lock:
            row = self._db.execute(
                "SELECT fingerprint, status, headers, body FROM kept WHERE key = ? AND at > ?",
                (key, time.time() - self.ttl_s),
            ).fetchone()
        if row is None:
            return None
        headers = [(name, value) for name, value in json.loads(row[2])]
        return KeptAnswer(row[0], row[1], headers, row[3])

    def keep(self, key: str, answer: KeptAnswer) -> None:
        """Keep ``answer`` under ``key`` (and forget the answers past their time)."""
        now = time.time()
        with self._lock, self._db:
            self._db.execute("DELETE FROM kept WHERE at <= ?", (now - self.ttl_s,))
            self._db.execute(
                "INSERT OR REPLACE INTO kept VALUES (?, ?, ?, ?, ?, ?)",
                (
                    key,
                    now,
                    answer.fingerprint,
                    answer.status,
                    json.dumps(answer.headers),
                    answer.body,
                ),
            )

    def close(self) -> None:
        with self._lock:
            self._db.close()


def request_key(raw: bytes) -> str:
    """The client's key: 1-255 visible ASCII characters, unquoted when given as a
    Structured Field string.

    >>> request_key(b'"8e03978e-40d5"'), request_key(b"retry-1")
    ('8e03978e-40d5', 'retry-1')

    Raises:
        Problem: 400 ``bad-idempotency-key``.
    """
    text = raw.decode("latin-1").strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1]
    if not 1 <= len(text) <= 255 or not all("!" <= char <= "~" for char in text):
        raise Problem(
            400,
            "Idempotency-Key must be 1 to 255 visible ASCII characters",
            "bad-idempotency-key",
        )
    return text


def _digest(*parts: bytes) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(len(part).to_bytes(8, "big"))
        hasher.update(part)
    return hasher.hexdigest()


class Idempotency:
    """ASGI middleware honouring ``Idempotency-Key`` on POST (see the module).

    Put inside the body limit (added before it), so that the body it reads is bounded.
    """

    def __init__(self, app: ASGIApp, journal: IdempotencyJournal) -> None:
        self.app = app
        self.journal = journal
        self._running: set[str] = set()  # keys whose first request runs
        self._running_lock = threading.Lock()  # test clients run one event loop each

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        raw = dict(scope["headers"]).get(HEADER) if scope["type"] == "http" else None
        if raw is None or scope["method"] != "POST" or not _may_write(scope):
            await self.app(scope, receive, send)
            return
        try:
            key = request_key(raw)
            body = await _whole_body(receive)
        except Problem as problem:
            await problem_response(problem)(scope, receive, send)
            return
        headers = dict(scope["headers"])
        slot = _digest(headers.get(b"authorization", b""), key.encode())
        fingerprint = _digest(
            scope["method"].encode(),
            scope["path"].encode(),
            scope.get("query_string", b""),
            headers.get(b"content-type", b""),
            body,
        )
        with self._running_lock:
            running = slot in self._running
            self._running.add(slot)
        if running:
            problem = Problem(
                409,
                "a request with this Idempotency-Key is still running: retry when it ends",
                "idempotency-in-flight",
                headers={"Retry-After": "1"},
            )
            await problem_response(problem)(scope, receive, send)
            return
        try:  # looked up only while holding the slot: a first request that just ended
            kept = self.journal.find(slot)  # has kept its answer, a running one is alone
            if kept is not None:
                await self._replay(kept, fingerprint, scope, send)
            else:
                await self._first(scope, receive, body, send, (slot, fingerprint))
        finally:
            with self._running_lock:
                self._running.discard(slot)

    async def _first(
        self, scope: Scope, receive: Receive, body: bytes, send: Send, kept_as: tuple[str, str]
    ) -> None:
        """Run the request on its ``body`` (already read), keep its answer under
        ``kept_as`` (slot, fingerprint) if it succeeded."""
        slot, fingerprint = kept_as
        delivered = False
        started: Message = {}
        chunks: list[bytes] = []
        size = 0

        async def replay_body() -> Message:
            nonlocal delivered
            if delivered:  # then what the client does (a disconnect, eventually)
                return await receive()
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}

        async def recording_send(message: Message) -> None:
            nonlocal started, size
            if message["type"] == "http.response.start":
                started = message
            elif message["type"] == "http.response.body" and size <= MAX_KEPT_BYTES:
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
            await send(message)

        await self.app(scope, replay_body, recording_send)
        status = started.get("status", 500)
        if 200 <= status < 300 and size <= MAX_KEPT_BYTES:
            kept = [
                (name.decode("latin-1"), value.decode("latin-1"))
                for name, value in started.get("headers", [])
                if name.decode("latin-1").lower() in _KEPT_HEADERS
            ]
            self.journal.keep(slot, KeptAnswer(fingerprint, status, kept, b"".join(chunks)))

    async def _replay(self, kept: KeptAnswer, fingerprint: str, scope: Scope, send: Send) -> None:
        if kept.fingerprint != fingerprint:
            problem = Problem(
                422,
                "this Idempotency-Key was used with another request: use a new key for it",
                "idempotency-key-reused",
            )
            await problem_response(problem)(scope, _no_body, send)
            return
        headers = [
            (name.encode("latin-1"), value.encode("latin-1")) for name, value in kept.headers
        ]
        headers += [
            (b"content-length", str(len(kept.body)).encode()),
            (REPLAYED.lower().encode(), b"true"),
        ]
        await send({"type": "http.response.start", "status": kept.status, "headers": headers})
        body = b"" if scope["method"] == "HEAD" else kept.body
        await send({"type": "http.response.body", "body": body})


def _may_write(scope: Scope) -> bool:
    """Whether the request carries a writer's or an admin's key. Only their answers are
    kept: the POSTs of readers and anonymous callers only read (or are refused), and
    keeping their answers would let them fill the disk."""
    authorization = dict(scope["headers"]).get(b"authorization")
    try:
        caller = identify(scope["app"].state.api_keys, (authorization or b"").decode("latin-1"))
    except Problem:
        return False  # refused further in, with the reason
    return caller.role is not None and caller.role >= Role.WRITER


async def _whole_body(receive: Receive) -> bytes:
    """The request body, read to its end (bounded by the body limit outside).

    Raises:
        Problem: the body limit's 413, or 400 when the client went away mid-body.
    """
    chunks = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise Problem(400, "the client closed the connection mid-body", "body-incomplete")
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


async def _no_body() -> Message:
    return {"type": "http.disconnect"}
