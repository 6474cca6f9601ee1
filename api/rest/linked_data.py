"""The published JSON-LD ``@context`` of the REST JSON, and dereferenceable resource IRIs
(``/id/{kind}/{slug}``, answered with a 303 to the REST resource or, for kinds without
one, the resource's triples)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse, RedirectResponse
from rdflib import Graph as RdfGraph

from api.deps import AppSettings, Graph, ReaderCaller
from api.errors import Problem
from api.negotiation import GRAPH_SYNTAXES, negotiate
from api.rdf_output import content_type, serialize_graph
from api.rest import KINDS
from api.rest.fields import field_term
from api.rest.mapping import stored_quads
from kg import PREFIXES, checked_iri

router = APIRouter(tags=["linked data"])
_DATATYPES = {"date": "xsd:date", "datetime": "xsd:dateTime", "integer": "xsd:integer"}


def jsonld_context() -> dict:
    """``@context`` mapping every REST field name to its term.

    Raises:
        RuntimeError: two models use one field name for different terms (a coding error).
    """
    context: dict[str, object] = dict(PREFIXES)
    context |= {"id": "@id", "type": {"@id": "@type", "@type": "@id"}}
    # A list answer {"items": [...], "next": url}: its items are the nodes of the
    # document (a keyword alias of @graph), and "next" is a link of the answer, not a
    # triple (null: dropped on expansion; the Link header carries it for every syntax).
    context |= {"items": "@graph", "next": None}
    for kind in KINDS:
        for name, info in kind.model.model_fields.items():
            mapped = field_term(info)
            if mapped is None or name == "type":
                continue
            curie, value_kind = info.json_schema_extra["term"], mapped[1]
            entry: dict[str, str] = {"@id": curie}
            if value_kind in ("ref", "vocab"):
                entry["@type"] = "@id"
            elif value_kind in _DATATYPES:
                entry["@type"] = _DATATYPES[value_kind]
            if context.setdefault(name, entry) != entry:
                raise RuntimeError(f"field {name} maps to two terms")
    return {"@context": context}


_CONTEXT = jsonld_context()


@router.get(
    "/context.jsonld",
    name="jsonld_context",
    summary="JSON-LD context of the REST JSON",
    responses={200: {"content": {"application/ld+json": {}}}},
)
def context() -> JSONResponse:
    return JSONResponse(_CONTEXT, media_type="application/ld+json", headers=_CACHED)


_CONTEXT_BYTES = JSONResponse(_CONTEXT).body
_CACHED = {"Cache-Control": "public, max-age=3600"}


@router.head(
    "/context.jsonld",
    summary="Headers of the JSON-LD context",
    responses={200: {"content": {"application/ld+json": {}}}},
)
def context_headers() -> Response:
    """What GET answers, without the body (JSON-LD processors check the context first)."""
    return Response(
        media_type="application/ld+json",
        headers=_CACHED | {"Content-Length": str(len(_CONTEXT_BYTES))},
    )


@router.get(
    "/id/{kind}/{slug}",
    summary="Dereference a resource IRI",
    responses={303: {"description": "see the REST resource"}},
)
def dereference(
    kind: str,
    slug: str,
    request: Request,
    graph: Graph,
    settings: AppSettings,
    _caller: ReaderCaller,
) -> Response:
    """303 to ``/api/{kinds}/{slug}`` for REST kinds; otherwise the stored triples."""
    for known in KINDS:
        if known.singular == kind:
            target = request.url_for(f"read_{known.singular}", slug=slug)
            return RedirectResponse(str(target), status_code=303)
    try:
        iri = checked_iri(f"{settings.base_iri}{kind}/{slug}")
        quads = stored_quads(graph, iri)
    except ValueError:  # no resource can have this IRI (a '>' or a space in it…)
        quads = set()
    if not quads:
        raise Problem(404, f"no resource {kind}/{slug}", "unknown-resource")
    media_type = negotiate(request.headers.get("accept"), GRAPH_SYNTAXES)
    described = RdfGraph()
    for s, p, o, _g in quads:
        described.add((s, p, o))
    return Response(serialize_graph(described, media_type), media_type=content_type(media_type))
