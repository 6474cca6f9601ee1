"""Every route of the app, enumerated from the app itself, with the role it is meant to
need and a harmless request for it.

The intended role follows from rules, not from a list of today's routes, so a route added
tomorrow is covered the moment it exists: reads (GET, HEAD, and the POSTs that only read)
need the read role, the UI shell and the API's own description are public, erasing a
customer needs admin, every other method needs writer. A new route that should be
public or read-by-POST has to be named here, which is the point: someone decides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI
from fastapi.routing import iter_route_contexts

from api.auth import Role

# Routes anyone may call, whatever CKM_READS_NEED_KEY says: the API's description, the
# liveness probe, the JSON-LD context and the UI shell (its data comes from /sparql and
# /api, which need keys when reads do).
PUBLIC_PATHS = frozenset(
    {
        "/openapi.json",
        "/docs",
        "/docs/oauth2-redirect",
        "/redoc",
        "/health",
        "/context.jsonld",
        "/",
        "/editor",
        "/dashboard",
        "/diagnosis",
        "/explore",
        "/ui/prefixes.json",
        "/ui/config.json",
        "/ui/terms.json",
        "/ui/openapi-swagger.json",
        "/ui/terms/near",
        "/ui/static/{name}",
        "/ui/vendor/{name}",
    }
)
# POSTs that only read.
READING_POSTS = frozenset({("POST", "/validate"), ("POST", "/sparql query")})
# Erasing a customer and extending a firm's controlled lists are the admin's (docs/SECURITY.md).
ADMIN_ROUTES = frozenset(
    {
        ("DELETE", "/api/customers/{slug}"),
        ("POST", "/api/schemes/{name}/concepts"),
        ("POST", "/api/operations/rebuild-inferences"),
        ("POST", "/api/operations/migrate"),
    }
)
READ_METHODS = frozenset({"GET", "HEAD"})

# Values for path parameters: names of things that do not exist, so that a caller who
# is let in gets a 404 or a harmless answer and nothing is ever written.
PATH_SAMPLES = {
    "slug": "matrix-nobody",
    "kind": "customer",
    "name": "nothing.js",
    "path": "matrix-nobody",  # /store/{path}: a graph that does not exist
    "version": "0.0.0",  # /ontology/{version}: a release that does not exist
}
# A SPARQL Update that changes nothing (it deletes a triple nobody stored).
NO_OP_UPDATE = "DELETE DATA { <urn:matrix:s> <urn:matrix:p> <urn:matrix:o> }"
UNKNOWN_GRAPH = "urn:matrix:no-such-graph"


@dataclass(frozen=True)
class RouteCall:
    """One operation of the API and a request exercising it."""

    method: str
    path: str
    name: str
    request: dict[str, Any] = field(compare=False, hash=False)

    @property
    def key(self) -> tuple[str, str]:
        return self.method, self.name


def intended_role(call: RouteCall, reads_need_key: bool) -> Role | None:
    """The least role ``call`` should need (None: anyone, no key looked at)."""
    if call.path in PUBLIC_PATHS:
        return None
    if call.key in ADMIN_ROUTES:
        return Role.ADMIN
    if call.method in READ_METHODS or call.key in READING_POSTS:
        return Role.READER if reads_need_key else None
    return Role.WRITER


def route_calls(app: FastAPI) -> list[RouteCall]:
    """One :class:`RouteCall` per method and path of ``app`` (POST /sparql twice: as a
    query and as an update).

    Raises:
        LookupError: a path parameter has no sample value (add it to PATH_SAMPLES).
    """
    bodies = _request_bodies(app)
    calls = []
    for route in iter_route_contexts(app.routes):
        for method in sorted(route.methods or ()):
            url = _filled(route.path)
            if (method, route.path) == ("POST", "/sparql"):
                calls += _sparql_posts(url)
                continue
            request = {"method": method, "url": url} | _payload(
                method, route.path, bodies.get((method, route.path), ())
            )
            calls.append(RouteCall(method, route.path, route.path, request))
    return calls


def _filled(path: str) -> str:
    for name in _parameters(path):
        if name not in PATH_SAMPLES:
            raise LookupError(f"no sample value for path parameter {{{name}}} of {path}")
        path = path.replace(f"{{{name}}}", PATH_SAMPLES[name])
    return path


def _parameters(path: str) -> list[str]:
    return [part[1:-1].split(":")[0] for part in path.split("/") if part.startswith("{")]


def _request_bodies(app: FastAPI) -> dict[tuple[str, str], tuple[str, ...]]:
    """(method, path) -> the body media types the OpenAPI spec declares."""
    found = {}
    for path, operations in app.openapi()["paths"].items():
        for method, operation in operations.items():
            content = (operation.get("requestBody") or {}).get("content", {})
            found[(method.upper(), path)] = tuple(content)
    return found


def _sparql_posts(url: str) -> list[RouteCall]:
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    return [
        RouteCall(
            "POST",
            "/sparql",
            "/sparql query",
            {"method": "POST", "url": url, "data": {"query": "ASK {}"}, "headers": form},
        ),
        RouteCall(
            "POST",
            "/sparql",
            "/sparql update",
            {"method": "POST", "url": url, "data": {"update": NO_OP_UPDATE}, "headers": form},
        ),
    ]


def _payload(method: str, path: str, media_types: tuple[str, ...]) -> dict[str, Any]:
    """Query parameters and a body that cannot change the store."""
    request: dict[str, Any] = {}
    if path == "/store":  # (/store/{path} names its graph by the path)
        # GET/HEAD read the data graph; writes name a graph that does not exist with an
        # empty body (nothing to add) or, for DELETE, get a 404.
        read = method in READ_METHODS
        request["params"] = {"default": ""} if read else {"graph": UNKNOWN_GRAPH}
    if "application/json" in media_types:
        request["json"] = {}  # well-formed, invalid: a caller let in gets 422
    elif "text/turtle" in media_types:
        request |= {"content": b"", "headers": {"Content-Type": "text/turtle"}}
    elif "multipart/form-data" in media_types:
        request["files"] = {"files": ("customers.csv", b"")}
    return request
