"""What each SPARQL engine needs beyond the standards: the one place engine quirks live.

The remote backend speaks the SPARQL 1.1 Query, Update and Graph Store protocols. Where
the standards leave a choice to the engine, or an engine departs from them, the
difference is a field of :class:`Engine` here, and nowhere else:

- the default graph of a query that names no dataset: the Store seam promises the union
  of all graphs; Oxigraph gives it when asked by a query parameter, Virtuoso, GraphDB and
  a Fuseki dataset configured with ``unionDefaultGraph`` give it always;
- whether the engine keeps a default graph apart from its named graphs;
- graphs the engine keeps for itself (Virtuoso's system graphs), hidden from the seam's
  listings: not listed, counted, dumped nor replaced by a restore (SPARQL queries that
  name no dataset still see them on Virtuoso: its ``define input:…-exclude`` pragmas
  would hide them, but with them ``GRAPH <g> {…}`` miscounts, measured on 7.2.5);
- how a syntax error is reported; whether a dataset given in the protocol replaces the
  query's ``FROM`` clauses, as the protocol says (Virtuoso merges them);
- how many quads one update operation may carry (Virtuoso: each operation of a request
  is its own transaction, so a commit must be ONE operation; larger ones are staged);
- whether the Graph Store protocol addresses the whole dataset at the store URL (GET and
  PUT of N-Quads) or only one graph at a time (``?graph=``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.store.formats import syntax_message


@dataclass(frozen=True)
class Engine:
    """The departures from the standards of one SPARQL engine."""

    name: str
    union_default_params: dict[str, str] = field(default_factory=dict)
    separate_default_graph: bool = True
    whole_dataset_gsp: bool = False
    system_graph_pattern: re.Pattern[str] | None = None
    # The most quads one update operation may carry; larger commits are staged.
    max_operation_triples: int | None = None
    # The protocol's default-graph-uri / named-graph-uri replace the query's FROM
    # clauses (SPARQL 1.1 Protocol §2.1.4); where the engine merges them instead,
    # the clauses are taken out of the query before it is sent.
    protocol_dataset_overrides_from: bool = True
    # A response header by which the engine says it cut the answer short.
    truncation_header: str | None = None

    def is_system_graph(self, name: str) -> bool:
        """True when ``name`` is a graph the engine keeps for itself."""
        return self.system_graph_pattern is not None and bool(self.system_graph_pattern.match(name))


ENGINES: dict[str, Engine] = {
    engine.name: engine
    for engine in (
        # ``oxigraph serve``: the union on request; GET/PUT of the whole dataset.
        Engine(
            "oxigraph",
            union_default_params={"union-default-graph": ""},
            whole_dataset_gsp=True,
        ),
        # Virtuoso: the union always (no own default graph); its system graphs (RDF
        # views, LDP, URIQA) sit beside the data; the Graph Store protocol handles one
        # graph per request.
        Engine(
            "virtuoso",
            separate_default_graph=False,
            system_graph_pattern=re.compile(
                r"http://www\.openlinksw\.com/schemas/|http://www\.w3\.org/ns/ldp#"
                r"|http://localuriqaserver/|https?://[^/]+/(sparql|DAV/)$"
            ),
            # Each operation of a request commits on its own (an update request is not
            # one transaction), and its parser gives up on a few thousand triples
            # ("memory exhausted"): a commit is ONE operation, staged when larger.
            max_operation_triples=1000,
            protocol_dataset_overrides_from=False,
            # ``[SPARQL] ResultSetMaxRows`` cuts answers silently but for this header.
            truncation_header="X-SPARQL-MaxRows",
        ),
        # Fuseki (dataset with ``tdb2:unionDefaultGraph true``): GET/PUT of the dataset.
        Engine("fuseki", separate_default_graph=False, whole_dataset_gsp=True),
        # GraphDB / RDF4J: the default graph holds every statement.
        Engine("graphdb", separate_default_graph=False),
        # Standards only: the engine is assumed to take the union as default graph.
        Engine("generic"),
    )
}
DEFAULT_ENGINE = "oxigraph"


def engine_named(name: str) -> Engine:
    """The engine called ``name``.

    Raises:
        ValueError: no such engine (the message lists the known ones).
    """
    try:
        return ENGINES[name]
    except KeyError:
        raise ValueError(
            f"unknown SPARQL engine {name!r}; known: {', '.join(sorted(ENGINES))}"
        ) from None


# Virtuoso: "Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error at '}'
# <blank line> SPARQL query: <the query echoed>".
_VIRTUOSO_SYNTAX = re.compile(
    r".*?SPARQL compiler, (line \d+): (.*?)(?:\n\s*\nSPARQL query:|$)", re.S
)


def syntax_error_message(raw: str) -> str:
    """An engine's syntax error as "line L[, column C]: what" (the query not echoed)."""
    match = _VIRTUOSO_SYNTAX.match(raw)
    if match is not None:
        return f"{match.group(1)}: {' '.join(match.group(2).split())}"
    return syntax_message(raw)
