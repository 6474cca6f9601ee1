"""Validation of everything a store holds at once (``ckm validate`` without files): the
data graph of SHACL §3.1 is the whole stored graph.

The write road validates each write on the nodes it touches; this validates the whole
stored graph (every graph but the provenance records, with the ontology), for a check
after loading data or adding a shapes file of your own.
"""

from __future__ import annotations

from rdflib import Graph

from kg.config import Settings
from kg.store.base import Store
from kg.validation.choice import ENGINES, validator_for
from kg.validation.report import ValidationReport
from kg.vocab import PROVENANCE_GRAPH


def validate_stored(store: Store, settings: Settings, engine: str = "turbo") -> ValidationReport:
    """The report on the whole stored graph, by ``engine``; nothing is written.

    Raises:
        InvalidShapes: the settings' shapes files cannot be used.
        ValueError: an unknown engine name (the message lists the known ones).
        StoreError: the store cannot be read.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    data = Graph()
    for subject, predicate, obj, graph in store.quads():
        if graph != PROVENANCE_GRAPH:
            data.add((subject, predicate, obj))
    return validator_for(settings, None, engine).validate(data)
