"""``/api/schemes``: the ontology's concept schemes, and a firm's own concepts in the
open ones (issue 17 E2). Reading needs what reads need; adding a concept needs the admin
role, since every writer's data may then use it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from api.deps import AdminCaller, Graph, ReaderCaller
from kg import WriteContext, checked_iri

router = APIRouter(prefix="/api/schemes", tags=["schemes"])


class NewConcept(BaseModel):
    """A concept a firm's admin adds to an open scheme."""

    label: str = Field(min_length=1, max_length=200, description="Its name (skos:prefLabel).")
    definition: str = Field(min_length=1, max_length=2000, description="What it means.")
    kind: str | None = Field(
        None,
        description="The list class, when the scheme has several (e.g. LocalDesign "
        "in PartnershipDesignScheme).",
    )
    broader: str | None = Field(None, description="IRI of a broader concept of the scheme.")
    language: str = Field("en", pattern=r"^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$")


EXAMPLE = {
    "label": "Joint budgeting",
    "definition": "Provider and customer plan the integration's budget together.",
}


@router.get("", summary="List the concept schemes", name="list_schemes")
def list_schemes(graph: Graph, _caller: ReaderCaller) -> JSONResponse:
    """Every scheme: name, label, whether it is open, its kinds and size."""
    items = [s.as_dict(with_concepts=False) for s in graph.schemes()]
    return JSONResponse({"items": items})


@router.get("/{name}", summary="Read one concept scheme and its concepts", name="read_scheme")
def read_scheme(name: str, graph: Graph, _caller: ReaderCaller) -> JSONResponse:
    """The scheme and its concepts, the ontology's first, then those the firm added.

    Errors: 404 no such scheme.
    """
    return JSONResponse(graph.scheme(name).as_dict())


@router.post(
    "/{name}/concepts",
    status_code=201,
    summary="Add a concept to an open scheme (admin)",
    responses={201: {"description": "added; Location names the scheme"}},
)
async def add_concept(
    name: str,
    request: Request,
    graph: Graph,
    caller: AdminCaller,
    body: Annotated[NewConcept, Body(examples=[EXAMPLE])],
) -> Response:
    """Add a concept: validated and committed atomically through the write road, with
    its provenance record; the shapes then accept it wherever they accept members of
    the scheme.

    Errors: 401/403 not an admin, 404 no such scheme, 422 a closed scheme, a label the
    scheme holds already, a wrong kind or broader concept; nothing written.
    """
    broader = checked_iri(body.broader) if body.broader else None

    def add() -> dict:
        iri, receipt = graph.add_concept(
            name,
            body.label,
            body.definition,
            WriteContext(caller.agent, "api", "add concept"),
            kind=body.kind,
            broader=broader,
            language=body.language,
        )
        return {
            "iri": str(iri),
            "scheme": name,
            "activity": None if receipt.activity is None else str(receipt.activity),
            "report": receipt.report.as_dict(),
        }

    answer = await run_in_threadpool(add)
    location = str(request.url_for("read_scheme", name=name))
    return JSONResponse(answer, 201, headers={"Location": location})
