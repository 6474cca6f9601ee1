"""From the triples morph-kgc produced to the Delta of the import.

Each imported subject is described anew: its stored values of the properties the
mapping maps are replaced by the values the rows give (so a changed cell updates the
resource and an emptied cell removes the value); its other stored properties stay.
Importing the same rows again therefore changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rdflib import Graph, URIRef

from kg.importing.plan import MappingPlan
from kg.importing.report import Counts
from kg.importing.tables import TableSet
from kg.importing.yarrrml import TRACE
from kg.store.base import Quad, Triple
from kg.vocab import DATA_GRAPH
from kg.write.delta import Delta

RowOfMapping = tuple[str, int]  # (mapping name, row number)


@dataclass
class Materialised:
    """The produced triples by subject, and the rows each subject came from."""

    triples: dict[URIRef, set[Triple]] = field(default_factory=dict)
    rows: dict[URIRef, set[RowOfMapping]] = field(default_factory=dict)

    @classmethod
    def from_graph(cls, graph: Graph) -> Materialised:
        """Split morph-kgc's output into data and trace (``mapping|row`` literals)."""
        found = cls()
        for s, p, o in graph:
            if not isinstance(s, URIRef):
                continue
            if p == TRACE:
                mapping, _, row = str(o).rpartition("|")
                found.rows.setdefault(s, set()).add((mapping, int(row)))
            else:
                found.triples.setdefault(s, set()).add((s, p, o))
        return found


@dataclass
class Change:
    """The delta of an import and what it does to each mapping's resources."""

    delta: Delta
    counts: dict[str, Counts]


def change_of(
    found: Materialised,
    excluded: set[URIRef],
    plan: MappingPlan,
    tables: TableSet,
    stored: Callable[[URIRef], set[Quad]],
) -> Change:
    """The delta describing every subject of ``found`` but ``excluded`` anew.

    Args:
        stored: the data-graph quads a subject has in the store.
    """
    removed: set[Quad] = set()
    added: set[Quad] = set()
    counts = {name: Counts() for name in plan.maps}
    for subject, triples in found.triples.items():
        names = {m for m, _row in found.rows.get(subject, ())}
        if subject in excluded or not names:
            continue
        before = stored(subject)
        new = {(s, p, o, DATA_GRAPH) for s, p, o in triples}
        predicates = set().union(*(plan.maps[n].predicates for n in names))
        old = {q for q in before if q[1] in predicates and _replaceable(plan, names, q, tables)}
        removed |= old - new
        added |= new - before
        tally = counts[min(names)]
        if not before:
            tally.created += 1
        elif old - new or new - before:
            tally.updated += 1
        else:
            tally.unchanged += 1
    return Change(Delta(removed=frozenset(removed), added=frozenset(added)), counts)


def _replaceable(plan: MappingPlan, names: set[str], quad: Quad, tables: TableSet) -> bool:
    allowed = plan.replaceable(names, quad[1], tables)
    return allowed is None or quad[2] in allowed
