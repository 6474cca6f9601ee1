"""A diagnosis of one firm for a period: the five components and how to show them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from rdflib.term import URIRef

from kg.diagnosis import cells
from kg.diagnosis.alignment import alignment
from kg.diagnosis.candidates import candidates
from kg.diagnosis.findings import (
    alignment_findings,
    candidate_findings,
    maturity_findings,
    position_findings,
)
from kg.diagnosis.maturity import maturity
from kg.diagnosis.model import Alignment, Candidate, Finding, Maturity, Period, Position
from kg.diagnosis.position import position
from kg.diagnosis.queries import run_step
from kg.errors import UnknownResource
from kg.graph import KnowledgeGraph


@dataclass(frozen=True)
class Diagnosis:
    """Where a firm stands, which customers could become knowledge partners, and what it
    should change (issue 18); every number traceable to the yardsticks and evidence."""

    firm: URIRef
    label: str
    period: Period
    position: Position
    candidates: tuple[Candidate, ...]
    alignment: Alignment
    maturity: Maturity
    findings: tuple[Finding, ...]

    def as_json(self) -> dict:
        """A JSON-LD document (its own ``@context``; every evidence item an IRI)."""
        from kg.diagnosis.rendering import as_json

        return as_json(self)

    def as_table(self) -> str:
        """Plain text, one section per component."""
        from kg.diagnosis.rendering import as_table

        return as_table(self)

    def as_html(self) -> str:
        """A self-contained HTML page, every value escaped."""
        from kg.diagnosis.rendering import as_html

        return as_html(self)


def diagnose(
    graph: KnowledgeGraph, firm: URIRef, start: date | None = None, end: date | None = None
) -> Diagnosis:
    """The diagnosis of ``firm`` for the days ``start`` to ``end`` (inclusive; None: open).

    Reads only. The readiness components need a closed period: an open bound is taken
    as the day of the firm's first (last) interaction in the period, else today.

    Raises:
        UnknownResource: no stored ``ckm:Firm`` has the IRI ``firm``.
        BadParameter: ``firm`` is not an absolute IRI.
        ValueError: ``start`` is after ``end``.
    """
    if start is not None and end is not None and start > end:
        raise ValueError(f"the period starts ({start}) after it ends ({end})")
    found = run_step(graph, "firm", firm, start, end)
    if not found:
        raise UnknownResource(f"no firm {firm} is stored")
    row = found[0]
    today = datetime.now(UTC).date()
    first = date.fromisoformat(cells.text(row, "first")) if row.get("first") else None
    last = date.fromisoformat(cells.text(row, "last")) if row.get("last") else None
    closed_end = end or last or today
    closed_start = start or first or closed_end
    place = position(graph, firm, start, end)
    ranked = candidates(graph, firm, closed_start, closed_end)
    practices = alignment(graph, firm, start, end)
    model = maturity(graph, firm, start, end)
    findings = (
        position_findings(firm, place)
        + candidate_findings(ranked)
        + alignment_findings(practices)
        + maturity_findings(model)
    )
    return Diagnosis(
        firm=firm,
        label=cells.text(row, "label", cells.local_name(firm)),
        period=Period(start, end),
        position=place,
        candidates=ranked,
        alignment=practices,
        maturity=model,
        findings=tuple(findings),
    )
