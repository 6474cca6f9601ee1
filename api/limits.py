"""Limits that keep one request from taking the server down: body size and query time."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

import anyio.to_thread
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import Problem, problem_response
from kg import QueryTimeout

T = TypeVar("T")
_GRACE_S = 5.0


class BodyLimit:
    """ASGI middleware answering 413 to a request whose body exceeds ``max_bytes``.

    A declared ``Content-Length`` over the limit is refused before reading anything; a
    body streamed without one is counted and refused once it passes the limit.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await problem_response(self._too_large())(scope, receive, send)
            return
        seen = 0

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise self._too_large()
            return message

        await self.app(scope, counting_receive, send)

    def _too_large(self) -> Problem:
        return Problem(
            413, f"the request body is larger than {self.max_bytes} bytes", "body-too-large"
        )


async def within_deadline(work: Callable[[], T], seconds: float) -> T:
    """Run blocking ``work`` in a worker thread; give up waiting after ``seconds``.

    Raises:
        QueryTimeout: the deadline passed. The worker thread is abandoned, not waited
            for: it finishes on its own (the store stops what it streams at the
            deadline, but cannot interrupt every query); its result is dropped.
    """
    try:
        # Grace, so that a store which keeps the limit itself (the query workers, a remote
        # engine's request timeout) reports its own, more precise error first; it covers
        # starting a query worker, which the store's own deadline does not count.
        running = anyio.to_thread.run_sync(work, abandon_on_cancel=True)
        return await asyncio.wait_for(running, timeout=seconds * 1.1 + _GRACE_S)
    except TimeoutError:
        raise QueryTimeout(f"the query ran longer than {seconds:g} s") from None
