"""Erasure of a customer (the right to be forgotten), as one validated Delta.

What goes: the customer's own description; every quad naming it, in any position
(subject, predicate, object, the name of a graph about it); its role history, its
contributions, the knowledge from or about it; knowledge for it when it was the only
recipient; interactions and partnerships it was the only customer or partner of, with
what hangs on them (knowledge generated in those interactions, driver assessments,
contributions based only on removed knowledge; since ontology 2.0.0 also the practice
alignments of removed interactions, the customer's value-creating practices, contracts,
stage involvements, its purchasers and consumers no other customer has, trust
assessments of removed partnerships, and quotes and interviews of the customer).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib.term import URIRef

from kg.errors import UnknownCustomer
from kg.store.base import Quad, Store
from kg.vocab import SYSTEM_GRAPHS, sparql_prologue
from kg.write.delta import Delta


@dataclass(frozen=True)
class ErasurePlan:
    """The nodes an erasure removes, by kind, and the delta that removes them."""

    removed_nodes: dict[str, list[URIRef]] = field(default_factory=dict)
    delta: Delta = field(default_factory=Delta)

    def counts(self) -> dict[str, int]:
        return {kind: len(nodes) for kind, nodes in self.removed_nodes.items()}


# Each kind: nodes that depend on the already-removed set; ?r is bound to removed nodes.
_DEPENDENTS: tuple[tuple[str, str], ...] = (
    ("role assignments", "?x ckm:assignedTo ?r ."),
    ("contributions", "?x ckm:contributedBy ?r ."),
    ("knowledge", "{ ?x ckm:knowledgeSource ?r } UNION { ?x ckm:aboutCustomer ?r }"),
    (
        "knowledge",
        "?x ckm:recipient ?r . FILTER NOT EXISTS { ?x ckm:recipient ?other FILTER(?other != ?r) }",
    ),
    (
        "interactions",
        "?x a ckm:Interaction ; ckm:withCustomer ?r . FILTER NOT EXISTS { "
        "?x ckm:withCustomer ?other FILTER(?other != ?r) }",
    ),
    (
        "partnerships",
        "?x ckm:partner ?r . FILTER NOT EXISTS { ?x ckm:partner ?other FILTER(?other != ?r) }",
    ),
    ("knowledge", "?x prov:wasGeneratedBy ?r ."),
    ("driver assessments", "?x ckm:assessedIn ?r ."),
    (
        "contributions",
        "?x ckm:basedOnKnowledge ?r . FILTER NOT EXISTS { ?x ckm:basedOnKnowledge ?other "
        "FILTER(?other != ?r) }",
    ),
    # Ontology 2.0.0: what hangs on the customer, its interactions and partnerships.
    ("practice alignments", "?x ckm:alignmentIn ?r ."),
    ("value-creating practices", "?x ckm:practiceOf ?r ."),
    ("trust assessments", "?x ckm:trustIn ?r ."),
    ("contracts", "?x ckm:contractCustomer ?r ."),
    ("stage involvements", "?x ckm:involvedCustomer ?r ."),
    ("quotes", "?x ckm:spokenBy ?r ."),
    ("interviews", "?x ckm:interviewee ?r ."),
    (
        "purchasers and consumers",
        "{ ?r ckm:hasPurchaser ?x } UNION { ?r ckm:hasConsumer ?x } FILTER NOT EXISTS { "
        "{ ?other ckm:hasPurchaser ?x } UNION { ?other ckm:hasConsumer ?x } "
        "FILTER(?other != ?r) }",
    ),
)


def plan_erasure(store: Store, customer: URIRef) -> ErasurePlan:
    """Work out what erasing ``customer`` removes; nothing is written.

    Raises:
        UnknownCustomer: the IRI is not a stored customer.
    """
    if not store.ask(f"{sparql_prologue()}ASK {{ {customer.n3()} a ckm:Customer }}"):
        raise UnknownCustomer(f"no customer {customer}")
    removed: dict[URIRef, str] = {customer: "customers"}
    frontier = {customer}
    while frontier:
        found: dict[URIRef, str] = {}
        values = " ".join(n.n3() for n in sorted(frontier))
        for kind, pattern in _DEPENDENTS:
            rows = store.select(
                f"{sparql_prologue()}SELECT DISTINCT ?x WHERE {{ VALUES ?r {{ {values} }} "
                f"{pattern} }}"
            )
            found.update({r["x"]: kind for r in rows if r["x"] not in removed})
        removed.update(found)
        frontier = set(found)
    quads: set[Quad] = set()
    for node in removed:
        # Every position: subject, predicate, object, and a graph named after the node.
        for pattern in ((node,), (None, node), (None, None, node), (None, None, None, node)):
            quads.update(q for q in store.quads(*pattern) if q[3] not in SYSTEM_GRAPHS)
    by_kind: dict[str, list[URIRef]] = {}
    for node, kind in removed.items():
        by_kind.setdefault(kind, []).append(node)
    return ErasurePlan({k: sorted(v) for k, v in by_kind.items()}, Delta(removed=frozenset(quads)))
