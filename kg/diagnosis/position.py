"""Component 1: the firm's position in the interaction framework (seed 000).

Knowledge shares are over the distinct items the firm's interactions of the period
generated; customer shares are over the customer base (the firm's
``ckm:customerBaseSize``, else its customers recorded in the graph); the knowledge
partners are the firm's ``ckm:integratedCustomerCount`` when it records one (its own
count, seed 000 Table 1), else its customers holding the knowledge-partner role.
"""

from __future__ import annotations

from datetime import date

from rdflib.term import URIRef

from kg.diagnosis import cells
from kg.diagnosis.model import Position, Share
from kg.diagnosis.queries import run_step
from kg.diagnosis.yardsticks import value
from kg.graph import KnowledgeGraph
from kg.vocab import CKM

KINDS = {
    CKM.KnowledgeForCustomers: "for",
    CKM.KnowledgeAboutCustomers: "about",
    CKM.KnowledgeFromCustomers: "from",
}
VALUE_AREAS = (CKM.OperativeArea, CKM.OrganizationalArea, CKM.StrategicArea)


def position(graph: KnowledgeGraph, firm: URIRef, start: date | None, end: date | None) -> Position:
    """The firm's position in the period (reads only)."""
    knowledge_rows = run_step(graph, "position-knowledge", firm, start, end)
    customer_rows = run_step(graph, "position-customers", firm, start, end)
    contribution_rows = run_step(graph, "position-contributions", firm, start, end)

    items = {cells.iri(r, "knowledge") for r in knowledge_rows}
    by_kind = {name: set() for name in KINDS.values()}
    for row in knowledge_rows:
        by_kind[KINDS[cells.iri(row, "kind")]].add(cells.iri(row, "knowledge"))
    knowledge = {name: Share(len(found), len(items)) for name, found in by_kind.items()}

    customers = [r for r in customer_rows if cells.iri(r, "customer") is not None]
    first = customer_rows[0] if customer_rows else {}
    recorded_base = cells.number(first, "baseSize", -1)
    base, base_from = (
        (int(recorded_base), "ckm:customerBaseSize")
        if recorded_base >= 0
        else (len(customers), "recorded customers")
    )
    active = sum(1 for r in customers if cells.number(r, "interactions") > 0)
    integrated = cells.number(first, "integrated", -1)
    partners, partners_from = (
        (int(integrated), "ckm:integratedCustomerCount")
        if integrated >= 0
        else (sum(1 for r in customers if cells.flag(r, "partner")), "knowledge-partner role")
    )
    partner_share = Share(partners, base)
    in_range = (
        None
        if partner_share.value is None
        else value("partner_share_min") <= partner_share.value <= value("partner_share_max")
    )

    areas: dict[URIRef, set[URIRef]] = {area: set() for area in VALUE_AREAS}
    givers_back: set[URIRef] = set()
    for row in contribution_rows:
        if cells.flag(row, "givesBack"):
            givers_back.add(cells.iri(row, "evidence"))
        else:
            areas.setdefault(cells.iri(row, "area"), set()).add(cells.iri(row, "evidence"))
    evidence = sorted(items | {e for found in areas.values() for e in found} | givers_back, key=str)
    return Position(
        knowledge=knowledge,
        customer_base=base,
        base_from=base_from,
        active_customers=Share(active, base),
        knowledge_partners=partner_share,
        partners_from=partners_from,
        partner_share_in_range=in_range,
        value_areas={area: len(found) for area, found in areas.items()},
        gives_value_back=bool(givers_back),
        evidence=tuple(evidence),
    )
