"""The inferred graph of a large data set, reasoned in pieces.

``reasonable``'s memory grows with the square of its input on the demo data (435 MB at
44k triples, 1.5 GB at 85k, 2.8 GB at 122k; at 170k it asks for 6 GB more and aborts),
so ``KnowledgeGraph.rebuild_inferences`` cannot close the S data set in one call.
Here the subjects are taken in groups whose one-hop neighbourhood stays small, as the
write road reasons about a write's nodes from their neighbourhood: each group's
entailments come from the triples about its nodes and pointing at them, plus the
asserted types of their neighbours. A test compares the result with the one-call
closure at the quick size (identical: 17,535 triples).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from rdflib.namespace import RDF
from rdflib.term import URIRef

from kg.reasoning import Reasoner
from kg.store.base import Triple
from kg.write.terms import is_data_node

# Triples of context per reasoner call: well inside the size where memory is modest.
CONTEXT_TRIPLES = 20_000


class Neighbourhoods:
    """The triples around each node of one data set, indexed once."""

    def __init__(self, triples: list[Triple]) -> None:
        self.outgoing: dict = defaultdict(list)
        self.incoming: dict = defaultdict(list)
        for triple in triples:
            self.outgoing[triple[0]].append(triple)
            if isinstance(triple[2], URIRef):
                self.incoming[triple[2]].append(triple)

    def around(self, node) -> list[Triple]:
        return self.outgoing.get(node, []) + self.incoming.get(node, [])

    def types(self, node) -> list[Triple]:
        return [t for t in self.outgoing.get(node, ()) if t[1] == RDF.type]


def _pieces(neighbourhoods: Neighbourhoods) -> Iterator[tuple[set, list[Triple]]]:
    """Groups of data nodes, each with the triples around them, cut where the context
    would grow too big. A hub (a firm with thousands of interactions pointing at it)
    comes alone, its incoming triples a slice at a time: the OWL 2 RL rules that
    conclude about a node from a triple pointing at it (range, inverse) read one such
    triple each, so the slices' entailments together are the hub's."""
    nodes = sorted((n for n in neighbourhoods.outgoing if is_data_node(n)), key=str)
    group: set = set()
    context: list[Triple] = []
    for node in nodes:
        around = neighbourhoods.around(node)
        if len(around) > CONTEXT_TRIPLES:
            outgoing, incoming = neighbourhoods.outgoing[node], neighbourhoods.incoming[node]
            for start in range(0, len(incoming), CONTEXT_TRIPLES):
                yield {node}, outgoing + incoming[start : start + CONTEXT_TRIPLES]
            continue
        if group and len(context) + len(around) > CONTEXT_TRIPLES:
            yield group, context
            group, context = set(), []
        group.add(node)
        context += around
    if group:
        yield group, context


def entailments_in_pieces(reasoner: Reasoner, triples: list[Triple]) -> set[Triple]:
    """The entailments about the data nodes of ``triples``, piece by piece."""
    neighbourhoods = Neighbourhoods(triples)
    result: set[Triple] = set()
    for about, around in _pieces(neighbourhoods):
        context = set(around)
        for neighbour in {n for t in around for n in (t[0], t[2])} - about:
            context.update(neighbourhoods.types(neighbour))
        result |= reasoner.entailments(context, about=about)
    return result
