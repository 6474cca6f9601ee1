"""Component 4: co-creation maturity on seed 002's analysing model.

Each sub-category's latest approach assessment of the period places it on the scale
from conventional (0) to co-creation (1); ``level`` names the third it falls in (the
yardsticks ``maturity_conventional_below`` and ``maturity_cocreation_from``), or
``not assessed``. The challenges observed are those a complaint of the period is traced
back to, or a recommendation made to the firm addresses; each with the enablers the
thesis names to answer it.
"""

from __future__ import annotations

from datetime import date

from rdflib.term import URIRef

from kg.diagnosis import cells
from kg.diagnosis.model import Challenge, Maturity, SubCategoryPosition
from kg.diagnosis.queries import run_step
from kg.diagnosis.yardsticks import value
from kg.graph import KnowledgeGraph


def level(position: float | None) -> str:
    """The third of the scale ``position`` falls in."""
    if position is None:
        return "not assessed"
    if position < value("maturity_conventional_below"):
        return "conventional"
    if position >= value("maturity_cocreation_from"):
        return "co-creation"
    return "in between"


def maturity(graph: KnowledgeGraph, firm: URIRef, start: date | None, end: date | None) -> Maturity:
    """The firm's positions and challenges in the period (reads only)."""
    positions: dict[URIRef, SubCategoryPosition] = {}
    for row in run_step(graph, "maturity-positions", firm, start, end):
        sub = cells.iri(row, "subCategory")
        if sub in positions and positions[sub].assessment is not None:
            continue  # two assessments on the latest day: the first by IRI
        category = cells.iri(row, "category")
        point = row.get("position")
        position = None if point is None else float(point.toPython())
        positions[sub] = SubCategoryPosition(
            category=category,
            category_label=cells.text(row, "categoryLabel", cells.local_name(category)),
            sub_category=sub,
            label=cells.text(row, "subCategoryLabel", cells.local_name(sub)),
            position=position,
            level=level(position),
            assessment=cells.iri(row, "assessment"),
        )
    challenges: dict[URIRef, dict] = {}
    for row in run_step(graph, "maturity-challenges", firm, start, end):
        challenge = cells.iri(row, "challenge")
        found = challenges.setdefault(
            challenge,
            {
                "label": cells.text(row, "challengeLabel", cells.local_name(challenge)),
                "enablers": set(),
                "evidence": set(),
            },
        )
        found["evidence"].add(cells.iri(row, "evidence"))
        if (enabler := cells.iri(row, "enabler")) is not None:
            found["enablers"].add(enabler)
    return Maturity(
        positions=tuple(
            sorted(
                positions.values(), key=lambda p: (p.category_label, p.label, str(p.sub_category))
            )
        ),
        challenges=tuple(
            Challenge(
                challenge=iri,
                label=c["label"],
                enablers=tuple(sorted(c["enablers"], key=str)),
                evidence=tuple(sorted(c["evidence"], key=str)),
            )
            for iri, c in sorted(challenges.items(), key=lambda i: (i[1]["label"], str(i[0])))
        ),
    )
