"""Writing SPARQL query results (from their JSON form) as JSON, XML, CSV and TSV.

W3C SPARQL 1.1 Query Results JSON, XML, CSV and TSV Formats. The store answers in JSON;
these writers cut the answer to the row limit and render it in the negotiated format.
``/sparql`` answers in the W3C formats exactly, for programs; the saved queries, which
analysts download into spreadsheets, write CSV cells that cannot run as formulas
(:data:`SPREADSHEET_WRITERS`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from xml.sax.saxutils import escape, quoteattr

import orjson

from kg import guarded_csv

Term = dict[str, object]
Results = dict[str, object]


def truncated(results: Results, limit: int) -> tuple[Results, bool]:
    """``results`` with at most ``limit`` rows, and whether rows were dropped."""
    bindings = results.get("results", {}).get("bindings")
    if bindings is None or len(bindings) <= limit:
        return results, False
    return {**results, "results": {"bindings": bindings[:limit]}}, True


def to_json(results: Results) -> bytes:
    return orjson.dumps(results)


def to_xml(results: Results) -> bytes:
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    out.append("<head>")
    out += [f"<variable name={quoteattr(v)}/>" for v in results["head"].get("vars", [])]
    out.append("</head>")
    if "boolean" in results:
        out.append(f"<boolean>{'true' if results['boolean'] else 'false'}</boolean>")
    else:
        out.append("<results>")
        for row in results["results"]["bindings"]:
            out.append("<result>")
            for name, term in row.items():
                out.append(f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>")
            out.append("</result>")
        out.append("</results>")
    out.append("</sparql>\n")
    return "\n".join(out).encode()


def _xml_term(term: Term) -> str:
    value = escape(str(term.get("value", "")))
    match term["type"]:
        case "uri":
            return f"<uri>{value}</uri>"
        case "bnode":
            return f"<bnode>{value}</bnode>"
        case "triple":
            inner = term["value"]
            parts = "".join(
                f"<{k}>{_xml_term(inner[k])}</{k}>" for k in ("subject", "predicate", "object")
            )
            return f"<triple>{parts}</triple>"
    attributes = ""
    if "xml:lang" in term:
        attributes = f" xml:lang={quoteattr(str(term['xml:lang']))}"
    elif "datatype" in term:
        attributes = f" datatype={quoteattr(str(term['datatype']))}"
    return f"<literal{attributes}>{value}</literal>"


def to_csv(results: Results) -> bytes:
    """CSV: plain values, no datatypes or languages (the format's own rule)."""
    names = results["head"]["vars"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(names)
    for row in results["results"]["bindings"]:
        writer.writerow([_csv_value(row[n]) if n in row else "" for n in names])
    return buffer.getvalue().encode()


def _csv_value(term: Term) -> str:
    if term["type"] == "bnode":
        return f"_:{term['value']}"
    if term["type"] == "triple":
        return _tsv_term(term)
    return str(term["value"])


def to_spreadsheet_csv(results: Results) -> bytes:
    """CSV as :func:`to_csv`, each cell a spreadsheet would read as a formula written as
    text (:mod:`kg.spreadsheet`): for the saved queries' CSV, which people open."""
    return guarded_csv(to_csv(results).decode()).encode()


def to_tsv(results: Results) -> bytes:
    """TSV: terms in their SPARQL/Turtle form, ``?``-prefixed variable names."""
    names = results["head"]["vars"]
    lines = ["\t".join(f"?{n}" for n in names)]
    for row in results["results"]["bindings"]:
        lines.append("\t".join(_tsv_term(row[n]) if n in row else "" for n in names))
    return ("\n".join(lines) + "\n").encode()


def _tsv_term(term: Term) -> str:
    value = term["value"]
    match term["type"]:
        case "uri":
            return f"<{value}>"
        case "bnode":
            return f"_:{value}"
        case "triple":
            inner = value
            return (
                "<< "
                + " ".join(_tsv_term(inner[k]) for k in ("subject", "predicate", "object"))
                + " >>"
            )
    text = (
        str(value)
        .replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    if "xml:lang" in term:
        return f'"{text}"@{term["xml:lang"]}'
    if "datatype" in term:
        return f'"{text}"^^<{term["datatype"]}>'
    return f'"{text}"'


WRITERS: dict[str, Callable[[Results], bytes]] = {
    "application/sparql-results+json": to_json,
    "application/sparql-results+xml": to_xml,
    "text/csv": to_csv,
    "text/tab-separated-values": to_tsv,
}
# For answers people open in a spreadsheet (saved queries): CSV cells guarded.
SPREADSHEET_WRITERS = {**WRITERS, "text/csv": to_spreadsheet_csv}
