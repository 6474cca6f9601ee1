"""``Idempotency-Key`` on POST (draft-ietf-httpapi-idempotency-key-header): a client that
retries a POST with the same key gets the first answer again, and nothing is done twice.

The first request with a key runs as usual; its successful (2xx) answer is kept for
``CKM_IDEMPOTENCY_TTL_S`` (a day by default), in ``idempotency.sqlite`` beside the
embedded store (so that it outlives a restart; in memory for a remote store or a graph
given to the app). A repeat — the same key from the same caller (the same
API key's name) — gets that answer back, with ``Idempotency-Replayed: true``, without
running again. Keys of different callers never meet.

Refused, with a problem document:

* 400 ``bad-idempotency-key`` — a key that is not 1-255 visible ASCII characters (a
  Structured Field string, ``"…"``, is unquoted first);
* 409 ``idempotency-in-flight`` — the first request with the key is still running;
* 422 ``idempotency-key-reused`` — the key came with another request (method, path,
  query, content type or body differ).

The key is honoured on the requests of writer and admin keys; a reader's or an
anonymous POST (a query, or a write about to be refused) runs as if it had none.
A 4xx answer is not kept (nothing was written; the repeat runs again). The request's
writes record its key, hashed, on their provenance activity in the same commit
(:data:`kg.write.provenance.REQUEST_KEY`); a retry that finds the first request begun
but never answered (its server died, it failed with a 5xx, or its answer was larger
than 1 MiB) looks there: committed, it answers 409 ``idempotency-answer-lost`` with the
activity and writes nothing; not committed, it runs.
"""

from __future__ import annotations

import hashlib
import re
import threading

from fastapi.concurrency import run_in_threadpool
from rdflib import Literal
from rdflib.namespace import DCTERMS
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.auth import Caller, Role, identify
from api.errors import Problem, problem_response
from kg import PROVENANCE_GRAPH, REQUEST_KEY, AnswerJournal, Begun, Erased, KeptAnswer

HEADER = b"idempotency-key"
REPLAYED = "Idempotency-Replayed"
MAX_KEPT_BYTES = 1024 * 1024
# The answer's headers a replay repeats (the rest — date, length — are the server's own).
_KEPT_HEADERS = {
    "content-type",
    "location",
    "content-location",
    "etag",
    "last-modified",
    "warning",
    "link",
    "vary",
    "ckm-result-limit",
}


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

    def __init__(self, app: ASGIApp, journal: AnswerJournal) -> None:
        self.app = app
        self.journal = journal
        self._running: set[str] = set()  # keys whose first request runs
        self._running_lock = threading.Lock()  # test clients run one event loop each

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        keys = [v for k, v in scope["headers"] if k == HEADER] if scope["type"] == "http" else []
        raw = b", ".join(keys) if keys else None  # two lines read as one list: refused
        caller = _writer(scope) if raw is not None and scope["method"] == "POST" else None
        if raw is None or caller is None:
            await self.app(scope, receive, send)
            return
        try:
            key = request_key(raw)
            body = await _whole_body(receive)
        except Problem as problem:
            await problem_response(problem)(scope, receive, send)
            return
        slot = _digest(caller.agent.encode(), key.encode())
        headers = dict(scope["headers"])
        content_type, content = _without_boundary(headers.get(b"content-type", b""), body)
        fingerprint = _digest(
            scope["method"].encode(),
            scope["path"].encode(),
            scope.get("query_string", b""),
            content_type,
            headers.get(b"accept", b""),  # the same request asks for the same format
            content,
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
            found = self.journal.find(slot)  # has kept its answer, a running one is alone
            if found is not None and found.fingerprint != fingerprint:
                await problem_response(_reused())(scope, _no_body, send)
            elif isinstance(found, KeptAnswer):
                await _replay(found, scope, send)
            elif isinstance(found, Erased):
                await problem_response(_erased())(scope, _no_body, send)
            elif isinstance(found, Begun) and (activity := await _committed(scope, slot)):
                await self._lost(scope, send, slot, fingerprint, activity)
            else:
                await self._first(scope, receive, body, send, (slot, fingerprint))
        finally:
            with self._running_lock:
                self._running.discard(slot)

    async def _first(
        self, scope: Scope, receive: Receive, body: bytes, send: Send, kept_as: tuple[str, str]
    ) -> None:
        """Run the request on its ``body`` (already read); its writes record the key on
        their activity. Keep a 2xx answer under ``kept_as`` (slot, fingerprint); forget
        the key after a 4xx (nothing was written); after a 5xx, a crash or an answer too
        large to keep, leave the record begun, for a retry to look in the provenance."""
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

        self.journal.begin(slot, fingerprint)
        token = REQUEST_KEY.set(_identifier(slot))
        try:
            await self.app(scope, replay_body, recording_send)
        finally:
            REQUEST_KEY.reset(token)
        status = started.get("status", 500)
        if 400 <= status < 500:
            self.journal.forget(slot)
        elif 200 <= status < 300 and size <= MAX_KEPT_BYTES:
            kept = [
                (name.decode("latin-1"), value.decode("latin-1"))
                for name, value in started.get("headers", [])
                if name.decode("latin-1").lower() in _KEPT_HEADERS
            ]
            self.journal.keep(slot, KeptAnswer(fingerprint, status, kept, b"".join(chunks)))

    async def _lost(
        self, scope: Scope, send: Send, slot: str, fingerprint: str, activity: str
    ) -> None:
        """The first request's write was committed, its answer not kept (the server
        stopped in between, or the answer was too large): say so, and keep saying it."""
        problem = Problem(
            409,
            "the first request with this Idempotency-Key was committed, but its answer "
            "was not kept (the server stopped before it could be, or it was too large): "
            "nothing was written again; read the result instead",
            "idempotency-answer-lost",
            activity=activity,
        )
        answer = problem_response(problem)
        kept = [("content-type", answer.media_type or "application/problem+json")]
        self.journal.keep(slot, KeptAnswer(fingerprint, 409, kept, bytes(answer.body)))
        await answer(scope, _no_body, send)


def _erased() -> Problem:
    return Problem(
        410,
        "the answer to the first request with this Idempotency-Key named what was since "
        "erased (right to be forgotten): it is gone, and the request is not run again",
        "idempotency-answer-erased",
    )


def _reused() -> Problem:
    return Problem(
        422,
        "this Idempotency-Key was used with another request: use a new key for it",
        "idempotency-key-reused",
    )


def _identifier(slot: str) -> str:
    """What the write's activity records (``dcterms:identifier``): the slot is a hash of
    the caller's name and key, so the provenance shows neither."""
    return f"idempotency-key {slot}"


async def _committed(scope: Scope, slot: str) -> str | None:
    """The activity of a write made for the request holding ``slot``, if one was
    committed (looked up in the provenance graph)."""
    graph = scope["app"].state.kg
    pattern = (None, DCTERMS.identifier, Literal(_identifier(slot)), PROVENANCE_GRAPH)
    found = await run_in_threadpool(lambda: next(graph.quads(*pattern), None))
    return None if found is None else str(found[0])


async def _replay(kept: KeptAnswer, scope: Scope, send: Send) -> None:
    headers = [(name.encode("latin-1"), value.encode("latin-1")) for name, value in kept.headers]
    headers += [
        (b"content-length", str(len(kept.body)).encode()),
        (REPLAYED.lower().encode(), b"true"),
    ]
    await send({"type": "http.response.start", "status": kept.status, "headers": headers})
    await send({"type": "http.response.body", "body": kept.body})


def _writer(scope: Scope) -> Caller | None:
    """The caller, when the request carries a writer's or an admin's key. Only their
    requests are taken: the POSTs of readers and anonymous callers only read (or are
    refused), and keeping their answers would let them fill the disk."""
    authorization = dict(scope["headers"]).get(b"authorization")
    try:
        caller = identify(scope["app"].state.api_keys, (authorization or b"").decode("latin-1"))
    except Problem:
        return None  # refused further in, with the reason
    return caller if caller.role is not None and caller.role >= Role.WRITER else None


_BOUNDARY = re.compile(rb';\s*boundary="?([^";]+)"?', re.IGNORECASE)


def _without_boundary(content_type: bytes, body: bytes) -> tuple[bytes, bytes]:
    """A multipart body and its type with the boundary taken out: a client makes a new
    boundary for each send, and a retry of the same upload is the same request.

    >>> _without_boundary(b"multipart/form-data; boundary=abc", b"--abc\\r\\nx\\r\\n--abc--")
    (b'multipart/form-data', b'--\\r\\nx\\r\\n----')
    """
    found = _BOUNDARY.search(content_type)
    if not content_type.lower().startswith(b"multipart/") or found is None:
        return content_type, body
    return content_type[: found.start()], body.replace(found[1], b"")


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
