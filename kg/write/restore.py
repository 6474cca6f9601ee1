"""What a restore may load: a dump is checked whole before anything is replaced.

A restore replaces the store with a dump. Unless the admin asks for ``unchecked`` on
purpose, the dump's data graphs must pass what every write passes (the admission rules
and the shapes, validated as one graph), and its system graphs (provenance, inferences,
ontology) are taken only from a dump this store's ``ckm dump`` sealed
(:mod:`kg.write.seal`). With ``data_only`` the system graphs of the dump are left out:
the ontology is installed and the inferences computed anew. Either way the restore is
recorded as a provenance activity that says whether it was checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib.term import URIRef

from kg.config import Settings
from kg.errors import RestoreRefused
from kg.store.base import DumpFormat, Quad
from kg.store.formats import read_dump
from kg.validation import ValidationReport
from kg.vocab import SYSTEM_GRAPHS
from kg.write.admission import admit
from kg.write.seal import opened

_SYSTEM = frozenset(str(g) for g in SYSTEM_GRAPHS)


@dataclass(frozen=True)
class RestorePlan:
    """What a restore loads: the dump as the store takes it, and what was found.

    ``with_system_graphs``: the dump's system graphs are loaded (sealed by this store,
    or ``unchecked``); otherwise they are rebuilt after the data is loaded.
    """

    payload: bytes
    quads: int
    data: list[Quad] = field(repr=False)
    with_system_graphs: bool
    checked: bool


@dataclass(frozen=True)
class RestoreReceipt:
    """What a restore did."""

    quads: int
    checked: bool
    system_graphs_restored: bool
    activity: URIRef | None
    report: ValidationReport = field(default_factory=ValidationReport)


def planned_restore(
    data: bytes, fmt: DumpFormat, settings: Settings, *, unchecked: bool, data_only: bool
) -> RestorePlan:
    """Parse a dump and decide what may be loaded; nothing is written.

    Raises:
        ValueError: the dump does not parse (the message names line and column).
        RestoreRefused: its system graphs carry no valid seal of this store.
        ReservedTerm, UnstorableLiteral: its data breaks an admission rule.
    """
    dump = opened(data, settings)
    contents = read_dump(dump.body, fmt, _SYSTEM)
    with_system = contents.has_system_quads and not data_only
    if with_system and not dump.sealed and not unchecked:
        why = (
            "its seal does not match this store's key (made by another store, or edited)"
            if dump.seal_present
            else "it carries no seal of this store's ckm dump"
        )
        raise RestoreRefused(
            f"the dump holds system graphs (provenance, inferences, ontology) but {why}; "
            "nothing was changed. Restore its data alone with --data-only (validated; the "
            "inferences are computed anew, provenance starts with this restore), give the "
            "key of the store that made it (CKM_SEAL_KEY_FILE), or --unchecked to load "
            "everything as it is"
        )
    data_quads = contents.data_quads()
    if not unchecked:
        admit(data_quads)
    payload = dump.body if with_system else contents.without_system_graphs()
    return RestorePlan(payload, len(contents.quads), data_quads, with_system, checked=not unchecked)
