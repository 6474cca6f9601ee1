"""``/ontology`` and ``/shapes``: the CKM ontology and SHACL shapes, by content
negotiation (Turtle, RDF/XML, JSON-LD, N-Triples). Browsers get HTML: the ontology's
pyLODE documentation, and a listing of the shapes.

The ontology can be opened by URL in OWL tools: a client that states no preference (no
``Accept``, or only ``*/*``) and is not a browser — owlready2, Protégé's "Open from URL",
curl — gets RDF/XML, the one syntax every OWL tool reads. ``/ontology.owl``,
``/ontology.ttl`` and ``/ontology.jsonld`` name one syntax each; ``/ontology/2.0.0`` (the
version of ``owl:versionIRI``, optionally with one of those extensions) is the release
this server holds, any other version 404."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from fastapi import APIRouter, Request, Response
from rdflib import OWL, Graph, URIRef
from rdflib.namespace import RDF

from api.deps import ReaderCaller
from api.errors import Problem
from api.html_listing import render, shapes_sections
from api.negotiation import accepted_ranges, negotiate
from api.rdf_output import content_type, serialize_graph
from api.ui.pages import NAV_LINKS
from kg import (
    ONTOLOGY_OWL,
    ONTOLOGY_TTL,
    SHAPES_TTL,
    media_type_table,
    ontology_html,
    syntax_for_path,
)

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


def _document(
    request: Request,
    source: Path,
    files: dict[str, Path],
    html,
    media_type: str | None = None,
    vary: str = "Accept",
) -> Response:
    media_type = media_type or negotiate(request.headers.get("accept"), DOCUMENT_FORMATS)
    if media_type in files:  # the published files, byte for byte
        body = files[media_type].read_bytes()
    elif media_type == "text/html":
        body = html(_parsed(source)).encode()
    else:
        body = serialize_graph(_parsed(source), media_type)
    return Response(body, media_type=content_type(media_type), headers={"Vary": vary})


ONTOLOGY_FILES = {"text/turtle": ONTOLOGY_TTL, "application/rdf+xml": ONTOLOGY_OWL}
# The file extensions of /ontology.<extension>, each naming one syntax of the table.
ONTOLOGY_EXTENSIONS = (".owl", ".ttl", ".jsonld")
RDF_XML = syntax_for_path(Path("ckm.owl")).media_type


def wants_nothing_in_particular(request: Request) -> bool:
    """True for a client that is not a browser and states no preference: no ``Accept``
    or only ``*/*`` (owlready2 sends none, curl and Protégé's URL loader ``*/*``).

    Browsers (a ``Mozilla/`` User-Agent) keep the table's order: a ``fetch`` from a page
    sends ``*/*`` and gets Turtle, as before.
    """
    ranges = accepted_ranges(request.headers.get("accept") or "")
    if any(media_range != "*/*" for media_range, _quality in ranges):
        return False
    return not request.headers.get("user-agent", "").startswith("Mozilla/")


def _ontology(request: Request, media_type: str | None = None) -> Response:
    negotiated = media_type is None
    if negotiated and wants_nothing_in_particular(request):
        media_type = RDF_XML
    return _document(
        request,
        ONTOLOGY_TTL,
        ONTOLOGY_FILES,
        _ontology_documentation,
        media_type,
        vary="Accept, User-Agent" if negotiated else "Accept",
    )


def ontology_version() -> str:
    """The release the shipped ontology is: the last segment of its ``owl:versionIRI``
    (``https://w3id.org/ckm/2.0.0`` is ``2.0.0``)."""
    graph = _parsed(ONTOLOGY_TTL)
    [ontology_iri] = graph.subjects(RDF.type, OWL.Ontology)
    version_iri = graph.value(ontology_iri, OWL.versionIRI)
    if not isinstance(version_iri, URIRef):
        return ""
    return str(version_iri).rstrip("/").rsplit("/", 1)[-1]


@router.get("/ontology", summary="The CKM ontology", responses=_RESPONSES)
def ontology(request: Request, _caller: ReaderCaller) -> Response:
    """By content negotiation; RDF/XML for a non-browser that states no preference."""
    return _ontology(request)


def _one_syntax(extension: str):
    media_type = syntax_for_path(Path(f"ckm{extension}")).media_type

    def endpoint(request: Request, _caller: ReaderCaller) -> Response:
        return _ontology(request, media_type)

    endpoint.__name__ = f"ontology_{extension[1:]}"
    endpoint.__doc__ = f"The CKM ontology in {media_type}, whatever the Accept header."
    return media_type, endpoint


for _extension in ONTOLOGY_EXTENSIONS:
    _media_type, _endpoint = _one_syntax(_extension)
    router.add_api_route(
        f"/ontology{_extension}",
        _endpoint,
        methods=["GET"],
        summary=f"The CKM ontology as {_media_type}",
        responses={200: {"content": {_media_type: {}}}},
    )


@router.get(
    "/ontology/{version}",
    summary="A release of the CKM ontology (owl:versionIRI)",
    responses=_RESPONSES | {404: {"description": "this server does not hold that release"}},
)
def ontology_release(version: str, request: Request, _caller: ReaderCaller) -> Response:
    """``/ontology/2.0.0`` by content negotiation like ``/ontology``;
    ``/ontology/2.0.0.owl`` (``.ttl``, ``.jsonld``) in that syntax; another version 404."""
    media_type = None
    for extension in ONTOLOGY_EXTENSIONS:
        if version.endswith(extension):
            version = version.removesuffix(extension)
            media_type = syntax_for_path(Path(f"ckm{extension}")).media_type
    held = ontology_version()
    if version != held:
        raise Problem(
            404, f"no ontology release {version}; this server holds {held}", "unknown-version"
        )
    return _ontology(request, media_type)


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
