"""The OpenAPI document made complete for generated clients: bearer security on each
operation as the route really checks it, problem documents and JSON answers as named
schemas, and one operation per saved query with its parameters typed.

FastAPI builds the document from the route signatures; what a signature cannot carry
(a route reads its raw body, or checks a key inside) is added here, from the routes
themselves, once, when ``/openapi.json`` is first asked for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from enum import Enum
from types import UnionType
from typing import Any, get_args

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from api import deps
from api.errors import PROBLEM_JSON
from api.queries import FORMATS
from api.response_models import (
    FIXED_MODELS,
    ConceptAdded,
    GraphMerge,
    Health,
    ImportReport,
    SavedQuery,
    Scheme,
    SchemeList,
    SparqlResults,
    StoreRestored,
    UpdateReceipt,
    ValidationReport,
    resource_answer,
    resource_list,
)
from api.rest import KINDS
from api.rest.model import ResourceKind
from api.settings import ApiSettings
from kg import QueryParameter as Parameter
from kg import SavedQuery as SavedQueryDefinition
from kg import saved_queries

SCHEMAS = "#/components/schemas/"
BEARER = "bearer"
BEARER_SCHEME = {
    "type": "http",
    "scheme": "bearer",
    "description": "An API key of CKM_API_KEYS (name:role:secret), its secret sent as "
    "`Authorization: Bearer <secret>`. Roles: reader < writer < admin.",
}
# The extension naming the least role an operation needs (null: none).
ROLE_EXTENSION = "x-ckm-role"


class Access(Enum):
    """What a route asks of its caller."""

    PUBLIC = None  # no key looked at
    READ = "reader"  # a reader key when CKM_READS_NEED_KEY, else none
    WRITER = "writer"
    ADMIN = "admin"


def _dependency(alias: Any) -> Callable:
    return get_args(alias)[1].dependency


_ACCESS_BY_DEPENDENCY: dict[Callable, Access] = {
    _dependency(deps.ReaderCaller): Access.READ,
    _dependency(deps.WriterCaller): Access.WRITER,
    _dependency(deps.AdminCaller): Access.ADMIN,
}
# Routes that authorise inside, by what the request asks (a query reads, an update
# writes): the least they need.
_ACCESS_INSIDE: dict[tuple[str, str], Access] = {
    ("GET", "/sparql"): Access.READ,
    ("POST", "/sparql"): Access.READ,
}
_ACCESS_NOTES: dict[tuple[str, str], str] = {
    ("POST", "/sparql"): "A query reads (as GET /sparql); an update needs the writer role.",
    ("GET", "/store"): "Naming no graph (a whole-store backup) needs the CKM_BACKUP_ROLE "
    "role, admin by default.",
    ("PUT", "/store"): "Naming no graph (a restore of the whole store) needs the admin role.",
}


def install_openapi(app: FastAPI) -> None:
    """Serve the completed document at ``/openapi.json`` (and to ``app.openapi()``)."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = completed(generate(), app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def completed(document: dict[str, Any], app: FastAPI) -> dict[str, Any]:
    """``document`` (FastAPI's, for ``app``) with security, named answer schemas and
    the saved queries' operations added; changed in place and returned."""
    settings: ApiSettings = app.state.settings
    components = document.setdefault("components", {})
    components.setdefault("securitySchemes", {})[BEARER] = BEARER_SCHEME
    schemas = components.setdefault("schemas", {})
    resources = {kind.plural: resource_answer(kind) for kind in KINDS}
    lists = {kind.plural: resource_list(kind, kind.model) for kind in KINDS}
    _add_schemas(schemas, [*FIXED_MODELS, *resources.values(), *lists.values()])
    answers = _answers(resources, lists)
    for method, path, route in _operations(app):
        operation = document["paths"][path][method.lower()]
        access = _access(route, method, path)
        _secure(operation, access, settings, _ACCESS_NOTES.get((method, path)))
        for status, (media_type, model) in answers.get((method, path), {}).items():
            _answer(operation, status, media_type, model)
    generic = document["paths"].get("/api/queries/{name}", {}).get("get")
    if generic is not None:
        generic.setdefault("parameters", []).append(_format_parameter())
        for query in saved_queries().values():
            document["paths"][f"/api/queries/{query.name}"] = {
                "get": _query_operation(generic, query)
            }
    _uploads_as_binary(schemas)
    for method, operation in _all_operations(document):
        _problems_by_reference(operation)
        _typed_content(operation, bodiless=method == "head")
        if method == "post":
            operation.setdefault("parameters", []).append(IDEMPOTENCY_KEY)
    return document


# api/idempotency.py: honoured on every POST of a writer or admin key.
IDEMPOTENCY_KEY = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": "A key of your choosing: a retry with the same key is answered as the "
    "first request was, and runs nothing (docs/API.md, Idempotency-Key).",
    "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[!-~]+$"},
}


# -- security -------------------------------------------------------------------------


def _operations(app: FastAPI) -> Iterator[tuple[str, str, APIRoute]]:
    """(method, path as the document writes it, route) of every documented operation."""
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if isinstance(route, APIRoute) and context.include_in_schema:
            for method in sorted(context.methods or ()):
                yield method, context.path_format, route


def _access(route: APIRoute, method: str, path: str) -> Access:
    found = {_ACCESS_BY_DEPENDENCY.get(d.call) for d in _dependencies(route.dependant)} - {None}
    if not found:
        return _ACCESS_INSIDE.get((method, path), Access.PUBLIC)
    order = [Access.READ, Access.WRITER, Access.ADMIN]
    return max(found, key=order.index)  # type: ignore[arg-type]


def _dependencies(dependant: Dependant) -> Iterator[Dependant]:
    for dependency in dependant.dependencies:
        yield dependency
        yield from _dependencies(dependency)


def _secure(operation: dict, access: Access, settings: ApiSettings, note: str | None) -> None:
    """Mark ``operation`` with the security ``access`` means under ``settings``."""
    needed = access
    if access is Access.READ and not settings.reads_need_key:
        needed = Access.PUBLIC
        operation["security"] = [{}, {BEARER: []}]  # a key may be sent, and is then checked
    elif access is Access.PUBLIC:
        operation["security"] = []
    else:
        operation["security"] = [{BEARER: []}]
    operation[ROLE_EXTENSION] = needed.value
    said = f"Needs an API key with the {needed.value} role." if needed.value else ""
    said = " ".join(filter(None, [said, note]))
    if said:
        description = operation.get("description", "")
        operation["description"] = f"{description}\n\n{said}".strip()


# -- answers --------------------------------------------------------------------------

Answers = dict[tuple[str, str], dict[int, tuple[str, type[BaseModel] | None]]]
JSON = "application/json"
RESULTS_JSON = "application/sparql-results+json"


def _answers(resources: dict[str, type[BaseModel]], lists: dict[str, type[BaseModel]]) -> Answers:
    """(method, path) -> status -> (media type, model of the answer; None: no body)."""
    answers: Answers = {
        ("GET", "/health"): {200: (JSON, Health)},
        ("GET", "/sparql"): {200: (RESULTS_JSON, SparqlResults)},
        ("POST", "/sparql"): {200: (RESULTS_JSON, SparqlResults | UpdateReceipt)},
        ("POST", "/validate"): {200: (JSON, ValidationReport)},
        ("GET", "/api/queries"): {200: (JSON, list[SavedQuery])},  # type: ignore[dict-item]
        ("GET", "/api/queries/{name}"): {200: (RESULTS_JSON, SparqlResults)},
        ("GET", "/api/schemes"): {200: (JSON, SchemeList)},
        ("GET", "/api/schemes/{name}"): {200: (JSON, Scheme)},
        ("POST", "/api/schemes/{name}/concepts"): {201: (JSON, ConceptAdded)},
        ("POST", "/api/import"): {200: (JSON, ImportReport)},
    }
    for path in ("/store", "/store/{path}"):
        answers[("PUT", path)] = {200: (JSON, StoreRestored)}
        answers[("POST", path)] = {200: (JSON, GraphMerge)}
    for kind in KINDS:
        answers |= _resource_answers(kind, resources[kind.plural], lists[kind.plural])
    return answers


def _resource_answers(
    kind: ResourceKind, resource: type[BaseModel], page: type[BaseModel]
) -> Answers:
    plural, one = f"/api/{kind.plural}", f"/api/{kind.plural}/{{slug}}"
    created = {201: (JSON, resource)} | ({200: (JSON, resource)} if kind.same_when else {})
    return {
        ("GET", plural): {200: (JSON, page)},
        ("POST", plural): created,
        ("GET", one): {200: (JSON, resource)},
        ("PUT", one): {200: (JSON, resource), 201: (JSON, resource)},
        ("PATCH", one): {200: (JSON, resource)},
    }


def _answer(operation: dict, status: int, media_type: str, model: Any) -> None:
    """Give the ``status`` answer of ``operation`` the schema of ``model``, its media
    type first (a generated client parses an answer as the first media type says)."""
    response = operation["responses"].setdefault(str(status), {"description": "OK"})
    content = {t: c for t, c in response.get("content", {}).items() if t != media_type}
    response["content"] = {media_type: {"schema": _schema_of(model)}} | content


def _schema_of(model: Any) -> dict:
    """The schema of a model, a ``list[Model]`` or a union of models, by reference."""
    if isinstance(model, type) and issubclass(model, BaseModel):
        return {"$ref": SCHEMAS + model.__name__}
    if isinstance(model, UnionType):
        return {"anyOf": [_schema_of(m) for m in get_args(model)]}
    (item,) = get_args(model)
    return {"type": "array", "items": _schema_of(item)}


def _add_schemas(schemas: dict, models: list[type[BaseModel]]) -> None:
    """Add ``models`` (and the models they use) as named schemas; a name FastAPI has
    defined already (the REST models) is kept as it is."""
    _refs, definitions = models_json_schema(
        [(m, "serialization") for m in models], ref_template=SCHEMAS + "{model}"
    )
    for name, schema in definitions.get("$defs", {}).items():
        schemas.setdefault(name, schema)


def _uploads_as_binary(node: Any) -> None:
    """Mark file uploads (OpenAPI 3.1 ``contentMediaType``, as FastAPI writes them)
    ``format: binary`` too, the 3.0 way that generators read as a file."""
    if isinstance(node, dict):
        if node.get("type") == "string" and "contentMediaType" in node:
            node.setdefault("format", "binary")
        for value in node.values():
            _uploads_as_binary(value)
    elif isinstance(node, list):
        for value in node:
            _uploads_as_binary(value)


# -- problems -------------------------------------------------------------------------


def _all_operations(document: dict) -> Iterator[tuple[str, dict]]:
    for operations in document["paths"].values():
        yield from operations.items()


def _problems_by_reference(operation: dict) -> None:
    """Every error answer of ``operation`` a problem document of the named schema."""
    for status, response in operation["responses"].items():
        if status.isdigit() and int(status) >= 400:
            response["content"] = {PROBLEM_JSON: {"schema": {"$ref": SCHEMAS + "Problem"}}}


def _typed_content(operation: dict, *, bodiless: bool) -> None:
    """Each media type of a successful answer with a schema: RDF and other text as a
    string, JSON as any JSON; none for a ``bodiless`` answer (HEAD), which a client
    must not try to parse. FastAPI lists ``application/json`` first in the answer of
    every route that returns a Response; where the route serves something else first
    (Turtle, SPARQL results), that entry goes: a generated client parses the answer as
    the first media type says."""
    for status, response in operation["responses"].items():
        content = response.get("content")
        if not status.startswith("2") or not content:
            continue
        if len(content) > 1 and content.get(JSON) == {"schema": {}}:
            del content[JSON]
        for media_type, entry in content.items():
            if bodiless:
                entry.pop("schema", None)
            elif not entry.get("schema"):
                json_like = media_type == JSON or media_type.endswith("+json")
                entry["schema"] = {} if json_like else {"type": "string"}


# -- saved queries --------------------------------------------------------------------

# What a saved query's parameter types are in JSON Schema.
PARAMETER_SCHEMAS: dict[str, dict[str, str]] = {
    "IRI": {"type": "string", "format": "iri"},
    "xsd:string": {"type": "string"},
    "xsd:date": {"type": "string", "format": "date"},
    "xsd:dateTime": {"type": "string", "format": "date-time"},
    "xsd:integer": {"type": "integer"},
    "xsd:decimal": {"type": "number"},
    "xsd:boolean": {"type": "boolean"},
}
_DEFAULTS: dict[str, Callable[[str], Any]] = {
    "xsd:integer": int,
    "xsd:decimal": float,
    "xsd:boolean": lambda text: text.strip().lower() in ("true", "1"),
}


def _format_parameter() -> dict:
    return {
        "name": "format",
        "in": "query",
        "required": False,
        "schema": {"type": "string", "enum": [*FORMATS, "sparql"]},
        "description": "the format of the answer, instead of Accept; sparql: the query's "
        "text with the parameters bound, not run",
    }


def _query_operation(generic: dict, query: SavedQueryDefinition) -> dict:
    """The operation running ``query``: its parameters typed, the rest as the generic
    ``/api/queries/{name}`` operation says (the route that answers it)."""
    operation = {
        key: value for key, value in generic.items() if key not in ("parameters", "summary")
    }
    operation["summary"] = query.title
    operation["description"] = query.question + (
        f"\n\n{generic['description']}" if generic.get("description") else ""
    )
    operation["operationId"] = "saved_query_" + re.sub(r"\W", "_", query.name)
    operation["parameters"] = [_query_parameter(p) for p in query.parameters]
    operation["parameters"].append(_format_parameter())
    return operation


def _query_parameter(parameter: Parameter) -> dict:
    schema = dict(PARAMETER_SCHEMAS[parameter.datatype])
    if parameter.default is not None:
        schema["default"] = _DEFAULTS.get(parameter.datatype, str)(parameter.default)
    return {
        "name": parameter.name,
        "in": "query",
        "required": False,
        "schema": schema,
        "description": f"{parameter.description} ({parameter.datatype})",
    }


def swagger_document(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` without the one operation per saved query (the generic
    ``/api/queries/{name}`` runs each of them): what Swagger UI is given. Swagger UI
    5.35 stops drawing past about 130 operations; generated clients read the whole
    document at ``/openapi.json``."""
    trimmed = dict(document)
    trimmed["paths"] = {
        path: item
        for path, item in document["paths"].items()
        if not (path.startswith("/api/queries/") and "{" not in path)
    }
    return trimmed
