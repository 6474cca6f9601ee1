"""``GET /api/neighbourhood?iri=``: a resource and its neighbours, for the graph explorer.

Every triple with the resource as subject or object in the data graphs and the inferred
graph (the ontology and provenance graphs are left out), each edge saying which graph
holds it — so an inferred edge can be told from an asserted one — and every node its
label and asserted ``ckm:`` class. Literal objects are nodes too, marked as literals.
"""

from __future__ import annotations

import hashlib
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool
from rdflib import Literal, URIRef

from api.deps import Graph, ReaderCaller
from api.errors import Problem
from kg import DATA_GRAPH, INFERRED_GRAPH, ONTOLOGY_GRAPH, PREFIXES, PROVENANCE_GRAPH, checked_iri

router = APIRouter(prefix="/api", tags=["explorer"])

MOST_EDGES = 300
_HIDDEN = f"<{ONTOLOGY_GRAPH}>, <{PROVENANCE_GRAPH}>"


def curie(iri: str) -> str:
    """``iri`` with a known prefix (``ckm:customerOf``), else as it is.

    >>> curie("https://w3id.org/ckm#customerOf"), curie("urn:x")
    ('ckm:customerOf', 'urn:x')
    """
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def _node_id(term) -> str:
    if isinstance(term, Literal):
        digest = hashlib.sha256(term.n3().encode()).hexdigest()[:16]
        return f"literal:{digest}"
    return str(term)


@router.get("/neighbourhood", summary="A resource and its neighbours (the graph explorer)")
async def neighbourhood(
    graph: Graph,
    _caller: ReaderCaller,
    iri: Annotated[str, Query(description="The resource's IRI.", max_length=2000)],
) -> dict:
    """Nodes (IRI, label, class) and edges (predicate, graph, inferred) around ``iri``:
    at most 300 edges (``truncated`` says when there were more).

    Raises:
        Problem: 400 for an IRI that is not absolute; 404 when no graph names it.
    """
    try:
        center = checked_iri(iri)
    except ValueError as error:
        raise Problem(400, f"iri: {error}", "bad-parameter", parameter="iri") from error
    return await run_in_threadpool(_around, graph, center)


def _around(graph, center: URIRef) -> dict:
    node = center.n3()
    rows = graph.select(
        f"""SELECT ?g ?s ?p ?o WHERE {{
          {{ GRAPH ?g {{ {node} ?p ?o }} BIND({node} AS ?s) }}
          UNION
          {{ GRAPH ?g {{ ?s ?p {node} }} BIND({node} AS ?o) }}
          FILTER(?g NOT IN ({_HIDDEN}))
        }} LIMIT {MOST_EDGES + 1}"""
    )
    if not rows:
        raise Problem(404, f"no triple names {center}", "unknown-resource")
    truncated = len(rows) > MOST_EDGES
    rows = rows[:MOST_EDGES]
    terms = {center} | {row[v] for row in rows for v in ("s", "o")}
    iris = sorted(t for t in terms if isinstance(t, URIRef))
    described = _described(graph, iris)
    nodes = []
    for term in sorted(terms, key=_node_id):
        if isinstance(term, Literal):
            nodes.append({"id": _node_id(term), "label": str(term)[:80], "literal": True})
        else:
            label, kind = described.get(str(term), ("", ""))
            nodes.append(
                {
                    "id": str(term),
                    "label": label or curie(str(term)).rsplit("/", 1)[-1],
                    "type": kind,
                    "typeLabel": curie(kind) if kind else "",
                    "literal": False,
                }
            )
    edges = []
    for row in rows:
        source, target, name = _node_id(row["s"]), _node_id(row["o"]), str(row["g"])
        predicate = str(row["p"])
        edge_id = hashlib.sha256(f"{source} {predicate} {target} {name}".encode()).hexdigest()
        edges.append(
            {
                "id": f"edge:{edge_id[:20]}",
                "source": source,
                "target": target,
                "predicate": predicate,
                "label": curie(predicate),
                "graph": name,
                "inferred": name == str(INFERRED_GRAPH),
            }
        )
    return {"center": str(center), "nodes": nodes, "edges": edges, "truncated": truncated}


def _described(graph, iris: list[URIRef]) -> dict[str, tuple[str, str]]:
    """Label and asserted ckm: class of each of ``iris`` (empty strings when none)."""
    if not iris:
        return {}
    values = " ".join(i.n3() for i in iris)
    rows = graph.select(
        f"""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?n (SAMPLE(?l) AS ?label) (MIN(STR(?t)) AS ?type) WHERE {{
          VALUES ?n {{ {values} }}
          OPTIONAL {{ ?n rdfs:label|skos:prefLabel ?l }}
          OPTIONAL {{ GRAPH <{DATA_GRAPH}> {{ ?n a ?t }}
                     FILTER(STRSTARTS(STR(?t), "{PREFIXES["ckm"]}")) }}
        }} GROUP BY ?n"""
    )
    return {
        str(row["n"]): (str(row.get("label") or ""), str(row.get("type") or "")) for row in rows
    }
