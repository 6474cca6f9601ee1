"""Every error the API returns, as RFC 9457 ``application/problem+json``, mapped here.

Domain exceptions of ``kg`` become problems with the right status; anything unexpected
becomes a 500 problem without a stack trace (the trace goes to the log).
"""

from __future__ import annotations

import logging
import re
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from kg import (
    BadParameter,
    ClosedScheme,
    ConceptRefused,
    DuplicateConcept,
    EngineFailed,
    EngineMissing,
    EngineTimeout,
    ImportInputError,
    ImportRefused,
    InconsistentWrite,
    InvalidIri,
    InvalidShapes,
    OntologyUnusable,
    PreconditionFailed,
    ProtectedGraph,
    QueryCalledOut,
    QueryCrashed,
    QueryMemoryExceeded,
    QuerySyntaxError,
    QueryTimeout,
    QueryTooComplex,
    QueryWorkersBusy,
    RdfSyntaxError,
    ReservedTerm,
    RestoreRefused,
    SourceFileError,
    StoreError,
    StoreFull,
    StoreLocked,
    StoreReadOnly,
    StoreUnavailable,
    UnknownCustomer,
    UnknownQuery,
    UnknownResource,
    UnknownScheme,
    UnknownTerm,
    UnstorableLiteral,
    UpdateRefused,
    UpdateSyntaxError,
    ValidationRefused,
    WriteConflict,
)

PROBLEM_JSON = "application/problem+json"
PROBLEM_BASE = "https://w3id.org/ckm/problems/"
log = logging.getLogger("ckm.api")

# RFC 9457 §3: the members every problem document of this API has; routes add others.
PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
    },
    "additionalProperties": True,
}
# Documented on every operation (OpenAPI), since any of them may answer these.
PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {
        "description": HTTPStatus(status).phrase + " (a problem document)",
        "content": {PROBLEM_JSON: {"schema": PROBLEM_SCHEMA}},
    }
    for status in (400, 401, 403, 404, 406, 409, 410, 413, 415, 422, 500, 502, 503, 504, 507)
}


class Problem(Exception):
    """An error the API reports as a problem document; raise it from any route.

    Args:
        status: the HTTP status.
        detail: what went wrong, for a human, naming the input at fault.
        kind: the last segment of the problem ``type`` IRI (``bad-query``…).
        headers: extra response headers (``WWW-Authenticate``…).
        extra: more members of the problem document (``report``, ``errors``…).
    """

    def __init__(
        self,
        status: int,
        detail: str,
        kind: str | None = None,
        *,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.kind = kind or HTTPStatus(status).phrase.lower().replace(" ", "-")
        self.headers = headers or {}
        self.extra = extra


def problem_response(problem: Problem) -> JSONResponse:
    body = {
        "type": PROBLEM_BASE + problem.kind,
        "title": HTTPStatus(problem.status).phrase,
        "status": problem.status,
        "detail": problem.detail,
        **problem.extra,
    }
    return JSONResponse(body, problem.status, headers=problem.headers, media_type=PROBLEM_JSON)


_LINE_COLUMN = re.compile(r"\bline (\d+), column (\d+)")


def _where(message: str) -> dict[str, int]:
    """``line`` and ``column`` of a parser's message (``line 3, column 16: …``), for
    editors to point at; nothing when the message names no position.

    >>> _where("line 2, column 10: the prefix nope: is not declared"), _where("oops")
    ({'line': 2, 'column': 10}, {})
    """
    found = _LINE_COLUMN.search(message)
    return {"line": int(found[1]), "column": int(found[2])} if found else {}


def problem_for(error: Exception) -> Problem:
    """The problem a domain exception stands for (the one mapping table of the API)."""
    match error:
        case Problem():
            return error
        case ValidationRefused():
            return Problem(
                422,
                "the write breaks SHACL rules; nothing was written",
                "validation-refused",
                report=error.report.as_dict(),
            )
        case InconsistentWrite():
            return Problem(
                422,
                "the write makes the graph inconsistent with the ontology (OWL 2 RL); "
                "nothing was written",
                "inconsistent-write",
                report=error.report.as_dict(),
            )
        case OntologyUnusable():
            return Problem(
                503, f"the server's ontology cannot be used: {error}", "ontology-unusable"
            )
        case RdfSyntaxError():
            where = f" (line {error.line}, column {error.column})" if error.line is not None else ""
            return Problem(
                400,
                f"malformed RDF{where}: {error}",
                "malformed-rdf",
                line=error.line,
                column=error.column,
            )
        case UpdateSyntaxError():
            return Problem(
                400, f"malformed update: {error}", "malformed-update", **_where(str(error))
            )
        case UpdateRefused():
            return Problem(400, f"update refused: {error}", "update-refused")
        case QuerySyntaxError():
            return Problem(
                400, f"malformed query: {error}", "malformed-query", **_where(str(error))
            )
        case QueryWorkersBusy():
            return Problem(503, str(error), "server-busy", headers={"Retry-After": "5"})
        case QueryCalledOut():
            return Problem(400, f"SERVICE is disabled on this server: {error}", "service-disabled")
        case QueryTooComplex():
            return Problem(400, str(error), "query-too-complex")
        case QueryCrashed():
            # The same query stops the engine every time: the client must change it.
            return Problem(
                400, f"the engine could not evaluate this query: {error}", "query-failed"
            )
        case QueryMemoryExceeded():
            return Problem(503, f"{error}; narrow the query or add a LIMIT", "query-memory-limit")
        case EngineTimeout():
            return Problem(
                504,
                f"the SPARQL engine did not answer in time: {error}",
                "engine-timeout",
                headers={"Retry-After": "5"},
            )
        case QueryTimeout():
            return Problem(
                503,
                f"{error}; narrow the query or add a LIMIT",
                "query-timeout",
                headers={"Retry-After": "1"},
            )
        case EngineFailed():
            return Problem(502, f"the SPARQL engine failed: {error}", "engine-failed")
        case StoreUnavailable():
            return Problem(
                503,
                f"the store is unavailable: {error}",
                "store-unavailable",
                headers={"Retry-After": "5"},
            )
        case WriteConflict():
            return Problem(409, str(error), "write-conflict", headers={"Retry-After": "1"})
        case UnknownQuery():
            return Problem(404, str(error), "unknown-query")
        case BadParameter():
            return Problem(400, str(error), "bad-parameter", parameter=error.parameter)
        case StoreFull():
            return Problem(507, str(error), "store-full", headers={"Retry-After": "60"})
        case StoreReadOnly():
            return Problem(503, str(error), "store-read-only")
        case StoreLocked() | StoreError():
            return Problem(503, f"the store is unavailable: {error}", "store-unavailable")
        case ImportRefused():
            return Problem(
                422,
                "the import has invalid rows; nothing was written",
                "import-refused",
                report=error.report.as_dict(),
            )
        case SourceFileError():
            return Problem(400, str(error), "malformed-csv", file=error.file, line=error.line)
        case ImportInputError():
            return Problem(400, str(error), "bad-import")
        case EngineMissing():
            return Problem(503, str(error), "import-engine-missing")
        case UnknownScheme():
            return Problem(404, str(error).strip("'\""), "unknown-scheme")
        case ClosedScheme():
            return Problem(422, str(error), "closed-scheme")
        case DuplicateConcept():
            return Problem(422, str(error), "duplicate-concept", existing=error.existing)
        case ConceptRefused():
            return Problem(422, str(error), "concept-refused")
        case UnknownCustomer():
            return Problem(404, str(error).strip("'\""), "unknown-customer")
        case UnknownResource():
            return Problem(404, str(error).strip("'\""), "unknown-resource")
        case PreconditionFailed():
            headers = {"ETag": error.current_tag} if error.current_tag else {}
            return Problem(412, str(error), "precondition-failed", headers=headers)
        case ReservedTerm():
            return Problem(403, str(error), "reserved-term", terms=error.terms)
        case UnstorableLiteral():
            return Problem(422, str(error), "unstorable-literal")
        case UnknownTerm():
            return Problem(
                422,
                str(error),
                "unknown-term",
                terms=error.terms,
                suggestions=error.suggestions,
            )
        case RestoreRefused():
            report = error.report.as_dict() if error.report is not None else None
            return Problem(422, str(error), "restore-refused", report=report)
        case ProtectedGraph():
            return Problem(403, str(error), "protected-graph")
        case InvalidShapes():
            # The server's own shapes files (CKM_EXTRA_SHAPES) cannot be used: no write
            # can be validated until they are fixed (`ckm serve` refuses to start).
            return Problem(503, f"writes cannot be validated: {error}", "invalid-shapes")
        case InvalidIri():
            return Problem(400, str(error), "invalid-iri")
        case UnicodeDecodeError():
            return Problem(400, "the request body is not UTF-8", "not-utf8")
    log.exception("unexpected error", exc_info=error)
    return Problem(500, "an unexpected error occurred; it has been logged", "internal-error")


def install_error_handlers(app: FastAPI) -> None:
    """Make every error of ``app`` a problem document."""

    async def on_error(_request: Request, error: Exception) -> JSONResponse:
        return problem_response(problem_for(error))

    async def on_http_error(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        return problem_response(
            Problem(error.status_code, str(error.detail), headers=dict(error.headers or {}))
        )

    async def on_invalid_request(_request: Request, error: RequestValidationError) -> JSONResponse:
        errors = [
            {"field": ".".join(str(p) for p in e["loc"]), "message": e["msg"], "type": e["type"]}
            for e in error.errors()
        ]
        detail = "; ".join(f"{e['field']}: {e['message']}" for e in errors)
        return problem_response(Problem(422, detail, "invalid-request", errors=errors))

    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_invalid_request)
    for domain_error in DOMAIN_ERRORS:
        app.add_exception_handler(domain_error, on_error)
    # Last resort: a 500 problem without a trace (Starlette still logs the error).
    app.add_exception_handler(Exception, on_error)


DOMAIN_ERRORS: tuple[type[Exception], ...] = (
    Problem,
    ValidationRefused,
    InconsistentWrite,
    OntologyUnusable,
    RdfSyntaxError,
    UpdateSyntaxError,
    UpdateRefused,
    StoreError,
    UnknownCustomer,
    UnknownResource,
    UnknownScheme,
    ConceptRefused,
    PreconditionFailed,
    ReservedTerm,
    UnknownTerm,
    UnstorableLiteral,
    RestoreRefused,
    ProtectedGraph,
    InvalidShapes,
    InvalidIri,
    ImportRefused,
    ImportInputError,
    EngineMissing,
    UnknownQuery,
    BadParameter,
    UnicodeDecodeError,
)
