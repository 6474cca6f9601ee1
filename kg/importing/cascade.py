"""Rows that need a rejected row: an interaction whose customer's row was rejected, the
knowledge from that interaction, and so on.

A row refers to the resource of a rejected row (which the store does not hold either):
it is rejected too, with that reason, before validation, so one validation finds what
the shapes refuse and the report says which rejected row a row depended on.
"""

from __future__ import annotations

from collections.abc import Callable

from rdflib import URIRef

from kg.importing.cells import CellProblem, Key
from kg.importing.changes import Materialised
from kg.importing.plan import MappingPlan, TriplesMapPlan
from kg.importing.report import RejectedRow, RowProblem
from kg.importing.sources import SourceTable
from kg.store.base import Quad

Row = tuple[str, int]  # (source name, row number)


def left_out(
    found: Materialised,
    plan: MappingPlan,
    rejected: dict[Row, RejectedRow],
    stored: Callable[[URIRef], set[Quad]],
    read: dict[str, SourceTable],
) -> tuple[set[URIRef], dict[Row, list[RowProblem]]]:
    """The subjects of rejected rows, and the problems of the rows that refer to one
    (directly or through others); ``rejected`` is not changed.

    Args:
        stored: the data-graph quads a resource has in the store.
        read: the source tables, by source name.
    """
    gone = _subjects_of(found, plan, rejected)
    problems: dict[Row, list[RowProblem]] = {}
    while True:
        new = _referring(found, plan, gone, stored, read, rejected.keys() | problems.keys())
        if not new:
            return set(gone), problems
        for row, (subject, problem) in new.items():
            problems.setdefault(row, []).append(problem)
            gone[subject] = RejectedRow(problem.file, problem.row, {})


def _subjects_of(
    found: Materialised, plan: MappingPlan, rejected: dict[Row, RejectedRow]
) -> dict[URIRef, RejectedRow]:
    """Subjects made from rejected rows: those morph-kgc made, and those the rows would
    have made had they been cleaned (from their key cells)."""
    gone: dict[URIRef, RejectedRow] = {}
    for subject, made in found.rows.items():
        for mapping, row in made:
            if (plan.maps[mapping].source, row) in rejected:
                gone[subject] = rejected[plan.maps[mapping].source, row]
    for (source, _row), rejected_row in rejected.items():
        for triples_map in plan.by_source().get(source, []):
            subject = _subject_from(triples_map, rejected_row.cells)
            if subject is not None:
                gone.setdefault(subject, rejected_row)
    return gone


def _subject_from(triples_map: TriplesMapPlan, cells: dict[str, str]) -> URIRef | None:
    if not triples_map.subject_template:
        return None
    by_name = {name.casefold(): value for name, value in cells.items()}
    iri = triples_map.subject_template
    for column in triples_map.key_columns:
        try:
            key = Key()(by_name.get(column.casefold(), "").strip())
        except CellProblem:
            return None
        iri = iri.replace("{" + column + "}", key)
    return URIRef(iri)


def _referring(
    found: Materialised,
    plan: MappingPlan,
    gone: dict[URIRef, RejectedRow],
    stored: Callable[[URIRef], set[Quad]],
    read: dict[str, SourceTable],
    known: set[Row],
) -> dict[Row, tuple[URIRef, RowProblem]]:
    """Rows not yet rejected whose subject refers to a gone resource the store lacks."""
    found_now: dict[Row, tuple[URIRef, RowProblem]] = {}
    for subject, triples in found.triples.items():
        if subject in gone:
            continue
        for _s, predicate, obj in sorted(triples):
            target = gone.get(obj) if isinstance(obj, URIRef) else None
            if target is None or stored(obj):
                continue
            for mapping, row in sorted(found.rows.get(subject, ())):
                triples_map = plan.maps[mapping]
                place = (triples_map.source, row)
                if place in known or place in found_now:
                    continue
                columns = triples_map.columns_for(predicate)
                table = read[triples_map.source]
                problem = RowProblem(
                    table.label,
                    row,
                    ", ".join(columns) or None,
                    table.cell(row, columns[0]) if columns else str(obj),
                    "import:rejected-reference",
                    f"refers to {obj}, whose row ({target.file} row {target.row}) was rejected",
                )
                found_now[place] = (subject, problem)
    return found_now
