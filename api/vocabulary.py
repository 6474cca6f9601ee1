"""``/ontology`` and ``/shapes``: the CKM ontology and SHACL shapes, by content
negotiation (Turtle, RDF/XML, JSON-LD, N-Triples). Browsers get HTML: the ontology's
pyLODE documentation, and a listing of the shapes."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from fastapi import APIRouter, Request, Response
from rdflib import Graph

from api.deps import ReaderCaller
from api.html_listing import render, shapes_sections
from api.negotiation import negotiate
from api.rdf_output import content_type, serialize_graph
from api.ui.pages import NAV_LINKS
from kg import ONTOLOGY_OWL, ONTOLOGY_TTL, SHAPES_TTL, media_type_table, ontology_html

router = APIRouter(tags=["vocabulary"])

# Turtle first (what tools get without Accept); browsers rank text/html highest.
DOCUMENT_FORMATS: dict[str, str] = {
    "text/turtle": "text/turtle",
    "text/html": "text/html",
    "application/xhtml+xml": "text/html",
    **media_type_table("turtle", "rdfxml", "jsonld", "ntriples"),
}
_RESPONSES = {200: {"content": {t: {} for t in dict.fromkeys(DOCUMENT_FORMATS.values())}}}


@lru_cache(maxsize=4)
def _parsed(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


@lru_cache(maxsize=1)
def _ontology_documentation(ontology: Graph) -> str:
    """pyLODE's page for the ontology: made on the first request (about a second), then
    kept for the life of the process."""
    return ontology_html(ontology, NAV_LINKS)


def _document(request: Request, source: Path, files: dict[str, Path], html) -> Response:
    media_type = negotiate(request.headers.get("accept"), DOCUMENT_FORMATS)
    if media_type in files:  # the published files, byte for byte
        body = files[media_type].read_bytes()
    elif media_type == "text/html":
        body = html(_parsed(source)).encode()
    else:
        body = serialize_graph(_parsed(source), media_type)
    return Response(body, media_type=content_type(media_type), headers={"Vary": "Accept"})


@router.get("/ontology", summary="The CKM ontology", responses=_RESPONSES)
def ontology(request: Request, _caller: ReaderCaller) -> Response:
    return _document(
        request,
        ONTOLOGY_TTL,
        {"text/turtle": ONTOLOGY_TTL, "application/rdf+xml": ONTOLOGY_OWL},
        _ontology_documentation,
    )


@router.get("/shapes", summary="The CKM SHACL shapes", responses=_RESPONSES)
def shapes(request: Request, _caller: ReaderCaller) -> Response:
    return _document(
        request,
        SHAPES_TTL,
        {"text/turtle": SHAPES_TTL},
        lambda g: render(
            "CKM shapes", "The SHACL rules every write is validated against.", shapes_sections(g)
        ),
    )
