"""Component 2: the firm's customers ranked by their readiness as knowledge partners.

Every component is a number in [0, 1] computed from the ``candidates`` step; the
readiness is their mean weighted by the ``weight_<component>`` yardsticks:

- ``identification``: the three steps of seed 000 l.208-212 evidenced, over three: the
  customer is in the overview of the base (a typology or segment), it is active and holds
  relevant knowledge (an interaction and an item of knowledge from it in the period), it
  provides strategic value (a contribution in the strategic area);
- ``activity``: interactions in the period over ``activity_full_interactions`` (at most 1);
- ``knowledge``: items of knowledge from the customer over ``knowledge_full_items``;
- ``motives``: half for an intrinsic motive, half for the basic needs its intrinsic
  motives serve over ``basic_needs``;
- ``trust``: the latest trust assessment's rank over ``trust_max_rank`` (0: none);
- ``design``: its partnership's design parameters over ``design_parameters``, times the
  share of its motives the design fits (a customer without motives: the parameters only);
- ``crowding``: 1 less the crowding-out factors it meets over ``crowding_full_factors``;
- ``longevity``: half the partnership's age at the period's end over
  ``partnership_full_years``, half the share of the period's months with an interaction.
"""

from __future__ import annotations

from datetime import date

from rdflib.term import URIRef

from kg.diagnosis import cells
from kg.diagnosis.model import Candidate
from kg.diagnosis.queries import run_step
from kg.diagnosis.yardsticks import value
from kg.graph import KnowledgeGraph
from kg.store.base import Row

COMPONENTS = (
    "identification",
    "activity",
    "knowledge",
    "motives",
    "trust",
    "design",
    "crowding",
    "longevity",
)


def _capped(count: float, full: str) -> float:
    return min(1.0, count / value(full))


def months_between(start: date, end: date) -> int:
    """Calendar months the period touches, both ends counted (2024-01-31..2024-02-01: 2)."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


def components(row: Row, months: int, end: date) -> dict[str, float]:
    """The readiness components of one customer's row (``months``: the period's months,
    ``end``: the day the partnership's age is taken on)."""
    interactions = cells.number(row, "interactions")
    knowledge = cells.number(row, "knowledgeItems")
    steps = (
        cells.flag(row, "inOverview"),
        interactions > 0 and knowledge > 0,
        cells.number(row, "strategic") > 0,
    )
    motives = cells.number(row, "motives")
    intrinsic = cells.number(row, "intrinsicMotives")
    design = 0.0
    if cells.iri(row, "partnership") is not None:
        design = cells.number(row, "designParameters") / value("design_parameters")
        if motives:
            design *= cells.number(row, "fittedMotives") / motives
    age = 0.0
    since = row.get("since")
    if since is not None:
        began = date.fromisoformat(str(since)[:10])
        age = max(0.0, min(1.0, (end - began).days / 365.25 / value("partnership_full_years")))
    regularity = min(1.0, cells.number(row, "months") / months) if months else 0.0
    return {
        "identification": sum(steps) / 3,
        "activity": _capped(interactions, "activity_full_interactions"),
        "knowledge": _capped(knowledge, "knowledge_full_items"),
        "motives": (0.5 if intrinsic else 0.0)
        + 0.5 * min(1.0, cells.number(row, "needs") / value("basic_needs")),
        "trust": min(1.0, cells.number(row, "trustRank") / value("trust_max_rank")),
        "design": design,
        "crowding": 1.0 - _capped(cells.number(row, "crowding"), "crowding_full_factors"),
        "longevity": 0.5 * age + 0.5 * regularity,
    }


def readiness(parts: dict[str, float]) -> float:
    """The mean of ``parts`` weighted by the ``weight_<component>`` yardsticks."""
    weights = {name: value(f"weight_{name}") for name in COMPONENTS}
    return sum(weights[n] * parts[n] for n in COMPONENTS) / sum(weights.values())


def candidates(
    graph: KnowledgeGraph, firm: URIRef, start: date, end: date
) -> tuple[Candidate, ...]:
    """Every customer of the firm, readiest first (ties by label, then IRI); reads only.

    ``start`` and ``end`` are the period's closed bounds (the caller closes an open
    period on the firm's first and last interaction, or today).
    """
    rows = run_step(graph, "candidates", firm, start, end)
    seen: set[URIRef] = set()
    months = months_between(start, end)
    found = []
    for row in rows:  # a customer with two partnerships: its first (by IRI) is taken
        customer = cells.iri(row, "customer")
        if customer in seen:
            continue
        seen.add(customer)
        parts = components(row, months, end)
        evidence = [customer] + [
            e for e in (cells.iri(row, "partnership"), cells.iri(row, "trust")) if e
        ]
        found.append(
            Candidate(
                customer=customer,
                label=cells.text(row, "customerLabel", cells.local_name(customer)),
                is_partner=cells.flag(row, "partner"),
                components=parts,
                readiness=round(readiness(parts), 4),
                evidence=tuple(evidence),
            )
        )
    return tuple(sorted(found, key=lambda c: (-c.readiness, c.label, str(c.customer))))
