"""A plain, self-contained HTML page listing terms with their labels and definitions
(for browsers asking for the shapes). No scripts, no remote assets."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH


@dataclass(frozen=True)
class Entry:
    iri: str
    label: str
    text: str


def _text(graph: Graph, node, *predicates) -> str:
    for predicate in predicates:
        values = sorted(
            graph.objects(node, predicate),
            key=lambda v: (getattr(v, "language", "") not in ("en", None), v),
        )
        if values:
            return str(values[0])
    return ""


def _entries(graph: Graph, kind, *text_predicates) -> list[Entry]:
    nodes = {n for n in graph.subjects(RDF.type, kind) if isinstance(n, URIRef)}
    return sorted(
        (
            Entry(
                str(n),
                _text(graph, n, RDFS.label) or str(n).rsplit("#", 1)[-1],
                _text(graph, n, *text_predicates),
            )
            for n in nodes
        ),
        key=lambda e: e.label.lower(),
    )


def shapes_sections(graph: Graph) -> list[tuple[str, list[Entry]]]:
    return [
        ("Node shapes", _entries(graph, SH.NodeShape, RDFS.comment, SH.message)),
        ("Property shapes", _entries(graph, SH.PropertyShape, SH.message, RDFS.comment)),
    ]


def render(title: str, intro: str, sections: list[tuple[str, list[Entry]]]) -> str:
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
        "dt{font-weight:bold;margin-top:.8em}code{font-size:.85em;color:#555}</style>",
        "</head><body>",
        f"<h1>{escape(title)}</h1><p>{escape(intro)}</p>",
        "<nav><ul>",
        *(f'<li><a href="#{_anchor(h)}">{escape(h)}</a> ({len(e)})</li>' for h, e in sections),
        "</ul></nav>",
    ]
    for heading, entries in sections:
        parts.append(f'<h2 id="{_anchor(heading)}">{escape(heading)}</h2><dl>')
        for entry in entries:
            parts.append(
                f'<dt id="{escape(entry.iri)}">{escape(entry.label)} '
                f"<code>{escape(entry.iri)}</code></dt><dd>{escape(entry.text)}</dd>"
            )
        parts.append("</dl>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _anchor(heading: str) -> str:
    return heading.lower().replace(" ", "-")
