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
  ``partnership_full_years``, half the share of the period's months with an interaction;
- ``criteria``: the share of the firm's Table 2 criteria (company and customer
  perspective) that ``criteria_evidence.tsv`` can check for which the customer shows the
  evidence (0 when the firm records none that can be checked); ``weight_criteria`` is 0.
"""

from __future__ import annotations

import csv
from datetime import date
from functools import cache
from pathlib import Path

from rdflib.term import URIRef

from kg.diagnosis import cells
from kg.diagnosis.model import Candidate
from kg.diagnosis.queries import run_step
from kg.diagnosis.yardsticks import value
from kg.graph import KnowledgeGraph
from kg.store.base import Row
from kg.vocab import CKM

COMPONENTS = (
    "identification",
    "activity",
    "knowledge",
    "motives",
    "trust",
    "design",
    "crowding",
    "longevity",
    "criteria",
)
CRITERIA_FILE = Path(__file__).resolve().parent / "criteria_evidence.tsv"


@cache
def criteria_evidence() -> dict[URIRef, str]:
    """Each Table 2 criterion the graph can evidence, and the kind of evidence it takes."""
    with CRITERIA_FILE.open(encoding="utf-8", newline="") as lines:
        rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {CKM[row["criterion"]]: row["evidence"] for row in rows}


def _capped(count: float, full: str) -> float:
    return min(1.0, count / value(full))


def months_between(start: date, end: date) -> int:
    """Calendar months the period touches, both ends counted (2024-01-31..2024-02-01: 2)."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


def components(
    row: Row, months: int, end: date, criteria: frozenset[URIRef] = frozenset()
) -> dict[str, float]:
    """The readiness components of one customer's row (``months``: the period's months,
    ``end``: the day the partnership's age is taken on, ``criteria``: the firm's Table 2
    criteria)."""
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
    long_term = False
    since = row.get("since")
    if since is not None:
        began = date.fromisoformat(str(since)[:10])
        long_term = (end - began).days >= 365
        age = max(0.0, min(1.0, (end - began).days / 365.25 / value("partnership_full_years")))
    regularity = min(1.0, cells.number(row, "months") / months) if months else 0.0
    shown = {
        "activity": interactions > 0,
        "knowledge": knowledge > 0,
        "intrinsic": intrinsic > 0,
        "trust": cells.number(row, "trustRank") > 0,
        "partnership": cells.iri(row, "partnership") is not None,
        "long-term": long_term,
        "strategic": steps[2],
    }
    checkable = [c for c in criteria if c in criteria_evidence()]
    met = sum(1 for c in checkable if shown[criteria_evidence()[c]])
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
        "criteria": met / len(checkable) if checkable else 0.0,
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
    criteria = frozenset(cells.iri(r, "criterion") for r in run_step(graph, "firm-criteria", firm))
    seen: set[URIRef] = set()
    months = months_between(start, end)
    found = []
    for row in rows:  # a customer with two partnerships: its first (by IRI) is taken
        customer = cells.iri(row, "customer")
        if customer in seen:
            continue
        seen.add(customer)
        parts = components(row, months, end, criteria)
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
