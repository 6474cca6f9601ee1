"""Content negotiation as data: tables from media type to the format served, and one
function that picks from a table by the ``Accept`` header (RFC 9110 §12.5.1)."""

from __future__ import annotations

from api.errors import Problem
from kg import SYNTAXES, media_type_table

# Each table maps an acceptable media type to the media type actually served (aliases
# map to their canonical type). The first entry is served when the client does not care.
SELECT_RESULTS: dict[str, str] = {
    "application/sparql-results+json": "application/sparql-results+json",
    "application/sparql-results+xml": "application/sparql-results+xml",
    "text/csv": "text/csv",
    "text/tab-separated-values": "text/tab-separated-values",
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
    "text/xml": "application/sparql-results+xml",
}
BOOLEAN_RESULTS: dict[str, str] = {
    key: value for key, value in SELECT_RESULTS.items() if value.endswith(("json", "xml"))
}
GRAPH_SYNTAXES: dict[str, str] = media_type_table()
# Serving a graph (GSP GET): formats that carry one graph, Turtle first.
DOCUMENT_SYNTAXES: dict[str, str] = GRAPH_SYNTAXES
WITH_HTML: dict[str, str] = {"text/html": "text/html", **GRAPH_SYNTAXES}
# REST resources: plain JSON first, then the RDF syntaxes.
# application/json is the plain representation here, not JSON-LD's alias.
RESOURCE_FORMATS: dict[str, str] = {"application/json": "application/json"} | {
    accepted: served
    for accepted, served in media_type_table("jsonld", "turtle", "ntriples", "rdfxml").items()
    if accepted != "application/json"
}

# A firm's diagnosis (api/diagnosis.py): JSON(-LD, with its own context) first, or a page.
DIAGNOSIS_FORMATS: dict[str, str] = {
    "application/json": "application/json",
    "application/ld+json": "application/ld+json",
    "text/html": "text/html",
}

# What a request body in each RDF syntax is (OpenAPI): a document (bytes, so that a
# generated client sends it as it is), except JSON-LD, a JSON object or array.
RDF_BODIES: dict[str, dict] = {
    s.media_type: {
        "schema": {"type": ["object", "array"]}
        if s.name == "jsonld"
        else {"type": "string", "format": "binary"}
    }
    for s in SYNTAXES
}


def accepted_ranges(accept: str) -> list[tuple[str, float]]:
    """The media ranges of an ``Accept`` header with their q-values (1.0 by default)."""
    ranges = []
    for part in accept.split(","):
        media_range, *params = (p.strip() for p in part.split(";"))
        if not media_range:
            continue
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    quality = 0.0
        ranges.append((media_range.lower(), quality))
    return ranges


def _quality(media_type: str, ranges: list[tuple[str, float]]) -> float:
    """The q-value the most specific matching range gives ``media_type`` (0: none)."""
    kind = media_type.split("/")[0]
    best: tuple[int, float] = (-1, 0.0)
    for media_range, quality in ranges:
        if media_range == media_type:
            specificity = 2
        elif media_range == f"{kind}/*":
            specificity = 1
        elif media_range == "*/*":
            specificity = 0
        else:
            continue
        best = max(best, (specificity, quality), key=lambda b: b[0])
    return best[1]


def negotiate(accept: str | None, table: dict[str, str]) -> str:
    """The media type to serve for ``accept`` from ``table``.

    The highest q-value wins; on a tie the table's order (the server's preference).
    Raises:
        Problem: 406 when the client accepts none of the table's media types.
    """
    if not accept or not accept.strip():
        return next(iter(table.values()))
    ranges = accepted_ranges(accept)
    scored = [(_quality(t, ranges), -i, t) for i, t in enumerate(table)]
    quality, _, media_type = max(scored)
    if quality <= 0:
        offered = ", ".join(dict.fromkeys(table.values()))
        raise Problem(
            406, f"cannot answer in any accepted type; available: {offered}", "not-acceptable"
        )
    return table[media_type]
