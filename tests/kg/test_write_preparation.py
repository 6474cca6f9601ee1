"""Writes prepared ahead (``ckm serve``): the readiness ``/health`` reports, and one
encoding of the ontology shared by every thread's validation store, which must still
give each thread the same verdicts."""

from __future__ import annotations

import threading

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg import KnowledgeGraph
from kg.validation.compiled.validator import CompiledValidator
from kg.vocab import CKM

EX = "http://example.org/id/"


def test_readiness_goes_from_preparing_to_ready():
    graph = KnowledgeGraph.in_memory()
    try:
        assert graph.write_readiness == "on-first-write"
        thread = graph.prepare_writes()
        assert graph.write_readiness in ("preparing", "ready")
        thread.join(timeout=120)
        assert graph.write_readiness == "ready"
    finally:
        graph.close()


def test_threads_share_one_encoding_and_get_the_same_verdicts():
    graph = KnowledgeGraph.in_memory()
    try:
        validator = graph._road.validator
        assert isinstance(validator, CompiledValidator)
        # A customer without the firm it is a customer of: a Violation, in every thread.
        bad = [
            (URIRef(f"{EX}c1"), RDF.type, CKM.Customer),
            (URIRef(f"{EX}c1"), CKM.name, Literal("Acme")),
        ]
        verdicts: list[tuple[bool, int]] = []
        bases: list[list] = []

        def validate() -> None:
            report = validator.validate_triples(bad)
            verdicts.append((report.conforms, len(report.results)))
            bases.append(validator._base_quads())

        threads = [threading.Thread(target=validate) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert len(verdicts) == 4 and len(set(verdicts)) == 1, verdicts
        assert verdicts[0][0] is False
        assert all(base is bases[0] for base in bases)  # encoded once, not per thread
        # The thread's store is left as it was: valid data after the refusal conforms.
        firm = URIRef(f"{EX}x")
        fine = validator.validate_triples(
            [(firm, RDF.type, CKM.Firm), (firm, RDFS.label, Literal("X"))]
        )
        assert fine.conforms, fine
    finally:
        graph.close()
