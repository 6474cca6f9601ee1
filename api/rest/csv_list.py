"""REST lists as CSV (``Accept: text/csv``), for spreadsheet users.

One row per resource, one column per field of the resource's JSON (``id`` first); a
field with several values gives them joined by ``"; "``. The next page, if any, is in a
``Link: <…>; rel="next"`` header (RFC 8288), as ``next`` is in the JSON. A cell that a
spreadsheet would read as a formula is written as text (:mod:`kg.spreadsheet`).
"""

from __future__ import annotations

import csv
import io

from fastapi import Request, Response

from api.negotiation import RESOURCE_FORMATS, negotiate
from api.rest.model import ResourceKind
from kg import guarded

LIST_FORMATS: dict[str, str] = {**RESOURCE_FORMATS, "text/csv": "text/csv"}
SEPARATOR = "; "


def wants_csv(request: Request) -> bool:
    """Whether the list is to be served as CSV.

    Raises:
        Problem: 406 when no offered format (JSON, RDF, CSV) is acceptable.
    """
    return negotiate(request.headers.get("accept"), LIST_FORMATS) == "text/csv"


def csv_page(kind: ResourceKind, items: list[dict], following: str | None) -> Response:
    """A page of ``kind``'s list (``items`` as in the JSON) as a CSV response."""
    columns = ["id", *(name for name in kind.model.model_fields if name != "id")]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for item in items:
        writer.writerow([_cell(item.get(name)) for name in columns])
    headers = {"Vary": "Accept"}
    if following:
        headers["Link"] = f'<{following}>; rel="next"'
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


def _cell(value: object) -> str:
    """The value as a cell a spreadsheet reads as text (kg.spreadsheet)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return guarded(SEPARATOR.join(str(v) for v in value))
    return guarded(str(value))
