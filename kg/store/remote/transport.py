"""HTTP to a SPARQL engine: the three standard protocols, retries, and errors in the
store's terms.

Reads are retried with exponential backoff when the engine cannot be reached or fails
(5xx); writes are never retried, since a write whose answer was lost may have been
applied.

Errors:
    StoreUnavailable: the engine cannot be reached.
    EngineFailed: the engine failed (5xx) or refused the credentials (401/403).
    QuerySyntaxError: the engine rejected a query as malformed (400).
    EngineTimeout: the engine did not answer within the time limit.
    StoreError: the engine refused a write (nothing was written) or another request.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlencode

import httpx
from rdflib.term import URIRef

from kg.errors import EngineFailed, EngineTimeout, QuerySyntaxError, StoreError, StoreUnavailable
from kg.sparql_text import has_dataset_clause, without_dataset_clauses
from kg.store.base import Dataset
from kg.store.engines import Engine, syntax_error_message

_BACKOFF_S = 0.1


class BearerAuth(httpx.Auth):
    """``Authorization: Bearer <token>`` on every request."""

    def __init__(self, token: str) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request):
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request


class Rejected(Exception):  # internal: never leaves transport.py
    """A 4xx answer other than 401/403, for the caller to turn into the right error."""

    def __init__(self, status: int, body: str) -> None:
        super().__init__(f"HTTP {status}: {body}")
        self.status = status
        self.body = body


class EngineClient:
    """The HTTP side of one engine: its three endpoints, credentials, limits, quirks.

    ``auth`` is ``(user, password)`` for HTTP basic auth, a string for a bearer token,
    or any :class:`httpx.Auth` (``httpx.DigestAuth`` for Virtuoso's ``/sparql-auth``).
    ``timeout_s`` limits each request; ``retries`` is how many times an idempotent read
    is tried again when the engine is unreachable or fails.
    """

    def __init__(
        self,
        query_url: str,
        update_url: str,
        store_url: str,
        engine: Engine,
        *,
        auth: tuple[str, str] | str | httpx.Auth | None,
        timeout_s: float,
        retries: int,
    ) -> None:
        self.query_url = query_url
        self.update_url = update_url
        self.store_url = store_url
        self.engine = engine
        self.timeout_s = timeout_s
        self.retries = retries
        if isinstance(auth, str):
            auth = BearerAuth(auth)
        self._client = httpx.Client(auth=auth, timeout=timeout_s)

    def send(
        self, request: httpx.Request, *, idempotent: bool, timeout_s: float | None = None
    ) -> httpx.Response:
        """Send ``request``; map transport failures and HTTP errors to Store errors.

        Raises:
            Rejected: a 4xx answer the caller turns into its own error.
        """
        url = str(request.url.copy_with(query=None))
        attempts = 1 + (self.retries if idempotent else 0)
        timeout = httpx.Timeout(self.timeout_s if timeout_s is None else timeout_s)
        request.extensions["timeout"] = timeout.as_dict()
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                response = self._client.send(request)
            except httpx.TimeoutException as error:
                if isinstance(error, httpx.ConnectTimeout) and not last:
                    time.sleep(_BACKOFF_S * 2**attempt)
                    continue
                if isinstance(error, httpx.ConnectTimeout):
                    raise StoreUnavailable(
                        f"the SPARQL engine at {url} is unreachable: {error}"
                    ) from error
                message = f"the SPARQL engine at {url} did not answer within {timeout.read} s"
                if not idempotent:
                    message += "; the write may or may not have been applied"
                raise EngineTimeout(message) from error
            except httpx.TransportError as error:
                if not last:
                    time.sleep(_BACKOFF_S * 2**attempt)
                    continue
                raise StoreUnavailable(
                    f"the SPARQL engine at {url} is unreachable: {error}"
                ) from error
            if response.status_code >= 500 and not last:
                time.sleep(_BACKOFF_S * 2**attempt)
                continue
            return _checked(response, url)
        raise AssertionError("unreachable")  # pragma: no cover

    def query(
        self,
        sparql: str,
        dataset: Dataset | None,
        accept: str,
        *,
        union: bool = True,
        timeout_s: float | None = None,
        graphs: Callable[[], list[URIRef]] | None = None,
    ) -> httpx.Response:
        """POST a query (SPARQL 1.1 Query protocol, form-encoded), retried when it fails.

        With default graphs named but no named graphs, ``graphs()`` lists the store's
        graphs so that ``GRAPH ?g`` still ranges over all of them, as the seam promises.
        """
        if dataset is not None and not self.engine.protocol_dataset_overrides_from:
            sparql = without_dataset_clauses(sparql)
        form: list[tuple[str, str]] = [("query", sparql)]
        params: dict[str, str] = {}
        if dataset is not None and dataset.default_graphs is not None:
            form += [("default-graph-uri", str(g)) for g in dataset.default_graphs]
            # The protocol empties the named graphs when only default graphs are given;
            # the seam promises every graph of the store, so they are named explicitly.
            named = dataset.named_graphs
            if named is None:
                named = tuple(graphs()) if graphs is not None else ()
            form += [("named-graph-uri", str(g)) for g in named]
        else:
            if union and not has_dataset_clause(sparql):
                params.update(self.engine.union_default_params)
            if dataset is not None and dataset.named_graphs is not None:
                form += [("named-graph-uri", str(g)) for g in dataset.named_graphs]
        request = self._client.build_request(
            "POST",
            self.query_url,
            params=params,
            content=urlencode(form).encode(),
            headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
        )
        try:
            response = self.send(request, idempotent=True, timeout_s=timeout_s)
        except Rejected as error:
            if error.status == 400:
                raise QuerySyntaxError(syntax_error_message(error.body)) from None
            if error.status == 406:
                raise ValueError(f"the engine cannot answer this query as {accept}") from None
            raise StoreError(f"the engine refused the query: {error}") from None
        cut = self.engine.truncation_header
        if cut is not None and cut in response.headers:
            raise StoreError(
                f"the engine cut the answer at {response.headers[cut]} rows; raise its "
                "result limit (Virtuoso: [SPARQL] ResultSetMaxRows) — no partial answer "
                "is used"
            )
        return response

    def update(self, sparql: str) -> None:
        """POST one update request (SPARQL 1.1 Update protocol); never retried.

        Raises:
            StoreError: the engine refused it; nothing was written.
        """
        request = self._client.build_request(
            "POST",
            self.update_url,
            content=sparql.encode(),
            headers={"Content-Type": "application/sparql-update"},
        )
        try:
            self.send(request, idempotent=False)
        except Rejected as error:
            raise StoreError(f"the engine refused the update, nothing written: {error}") from None

    def graph_store(
        self,
        method: str,
        graph: URIRef | None,
        media_type: str | None,
        body: bytes = b"",
        *,
        default: bool = False,
    ) -> bytes:
        """One Graph Store protocol request on ``graph``, on the default graph when
        ``default``, else on the whole dataset when ``graph`` is None."""
        params = {"default": ""} if default else {} if graph is None else {"graph": str(graph)}
        header = "Accept" if method == "GET" else "Content-Type"
        headers = {header: media_type} if media_type else {}
        request = self._client.build_request(
            method, self.store_url, params=params, content=body or None, headers=headers
        )
        try:
            return self.send(request, idempotent=method == "GET").content
        except Rejected as error:
            raise StoreError(f"the engine refused the Graph Store {method}: {error}") from None

    def close(self) -> None:
        self._client.close()


def _checked(response: httpx.Response, url: str) -> httpx.Response:
    if response.is_success:
        return response
    body = response.text.strip()
    if len(body) > 500:
        body = body[:500] + "…"
    status = response.status_code
    if status in (401, 403):
        reason = "refused the credentials" if status == 401 else "forbids this request"
        raise EngineFailed(f"the SPARQL engine at {url} {reason} (HTTP {status}): {body}")
    if status >= 500:
        raise EngineFailed(f"the SPARQL engine at {url} failed (HTTP {status}): {body}")
    raise Rejected(status, body)
