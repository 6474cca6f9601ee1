"""The analyst's pages: the start page, the SPARQL editor, the dashboard and the
diagnosis, and the configuration their scripts read (prefixes, chart table)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader

from api.deps import Graph
from kg import PREFIXES, charts_json

router = APIRouter(include_in_schema=False)

# The navigation bar of every page (the ontology documentation included); the first
# link is the brand.
NAV_LINKS: tuple[tuple[str, str], ...] = (
    ("/", "CKM Knowledge Graph"),
    ("/editor", "SPARQL editor"),
    ("/dashboard", "Dashboard"),
    ("/diagnosis", "Diagnosis"),
    ("/explore", "Explore"),
    ("/ontology", "Ontology"),
    ("/shapes", "Shapes"),
    ("/docs", "API"),
)
_TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


@cache
def page(name: str, here: str) -> str:
    """The page template ``name`` rendered (pages are static: rendered once)."""
    return _TEMPLATES.get_template(name).render(links=NAV_LINKS, here=here)


@router.get("/", response_class=HTMLResponse)
def start_page() -> str:
    return page("index.html", "/")


@router.get("/editor", response_class=HTMLResponse)
def editor() -> str:
    """YASGUI on ``/sparql`` with the CKM prefixes and the saved queries as examples."""
    return page("editor.html", "/editor")


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard() -> str:
    """Charts of the live store, drawn in the browser from ``/api/queries/{name}``."""
    return page("dashboard.html", "/dashboard")


@router.get("/diagnosis", response_class=HTMLResponse)
def diagnosis() -> str:
    """A firm's diagnosis (issue 18): firm and period pickers over
    ``GET /api/firms/{slug}/diagnosis``, its evidence links one click away."""
    return page("diagnosis.html", "/diagnosis")


@router.get("/explore", response_class=HTMLResponse)
def explorer() -> str:
    return page("explore.html", "/explore")


@router.get("/ui/prefixes.json")
def prefixes() -> dict[str, str]:
    """The CKM prefixes, for the editor's prefix autocompletion."""
    return PREFIXES


@router.get("/ui/terms.json")
def terms(graph: Graph) -> dict[str, Any]:
    """The ``ckm:`` terms of the ontology in use, with kinds, labels and definitions, for
    the editor's completion and its check of unknown terms (no external service)."""
    return {"terms": graph.vocabulary()}


@router.get("/ui/terms/near")
def near_terms(
    graph: Graph, term: Annotated[str, Query(max_length=200)], kind: str = "any"
) -> dict[str, Any]:
    """The declared terms nearest to ``term`` (``ckm:Local`` or ``Local``), as a write
    using it would be told."""
    local = term.removeprefix("ckm:")
    kind = kind if kind in ("class", "property", "datatype", "individual") else "any"
    return {"term": term, "suggestions": graph.nearest_terms(local, kind)}


@router.get("/ui/config.json")
def ui_config() -> dict[str, Any]:
    """What the page scripts need from the server: prefixes and the chart table."""
    return {"sparqlEndpoint": "/sparql", "prefixes": PREFIXES, **charts_json()}
