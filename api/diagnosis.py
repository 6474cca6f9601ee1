"""``/api/firms/{slug}/diagnosis``: the CKM diagnosis of a firm (docs/DIAGNOSIS.md).

JSON-LD (its own ``@context``; ``application/json`` or ``application/ld+json``) by
default, the self-contained HTML page for ``Accept: text/html``. Reading it needs what
reads need.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from api.deps import AppSettings, Graph, ReaderCaller
from api.errors import Problem
from api.negotiation import DIAGNOSIS_FORMATS, negotiate
from api.rest import firms
from api.rest.mapping import iri_of

router = APIRouter(prefix="/api/firms", tags=["diagnosis"])


@router.get(
    "/{slug}/diagnosis",
    summary="Diagnose a firm: position, knowledge-partner candidates, alignment, maturity",
    name="read_diagnosis",
    responses={
        200: {
            "content": {"application/ld+json": {}, "text/html": {}},
            "description": "the diagnosis, each finding citing its seed passage",
        }
    },
)
def read_diagnosis(
    slug: str,
    request: Request,
    graph: Graph,
    settings: AppSettings,
    _caller: ReaderCaller,
    start: Annotated[
        date | None, Query(alias="from", description="First day of the period (YYYY-MM-DD).")
    ] = None,
    end: Annotated[
        date | None, Query(alias="to", description="Last day of the period (YYYY-MM-DD).")
    ] = None,
) -> Response:
    """The diagnosis of the firm ``{base}firm/{slug}`` for the period (inclusive; a
    bound left out is open). Reads only.

    Errors: 404 no such firm, 406 an Accept the API cannot answer, 422 a bad date or a
    period that ends before it starts.
    """
    served = negotiate(request.headers.get("accept"), DIAGNOSIS_FORMATS)
    if start is not None and end is not None and start > end:
        raise Problem(422, f"the period starts ({start}) after it ends ({end})", "bad-period")
    diagnosis = graph.diagnose(iri_of(settings.base_iri, firms.KIND, slug), start, end)
    if served == "text/html":
        return HTMLResponse(diagnosis.as_html())
    return JSONResponse(diagnosis.as_json(), media_type=served)
