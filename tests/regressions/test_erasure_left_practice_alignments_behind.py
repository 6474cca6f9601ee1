"""Erasing a customer left the 2.0.0 records hanging on it: the practice alignments of its
interactions (``ckm:alignmentIn``) and its value-creating practices (``ckm:practiceOf``)
stayed, pointing at nodes that were gone, and writing the erased data back was refused.
The right to be forgotten removes them with the interactions they hang on."""

from __future__ import annotations

from pathlib import Path

from rdflib.namespace import RDF

from kg.config import Settings
from kg.demo import demo_quads
from kg.graph import KnowledgeGraph
from kg.vocab import CKM
from kg.write.delta import adding


def test_erasure_removes_alignments_and_value_creating_practices(tmp_path: Path) -> None:
    graph = KnowledgeGraph.open(Settings(store=tmp_path / "store"))
    try:
        quads = demo_quads(customers=12, seed=3, base_iri="http://example.org/id/")
        graph.write(adding(quads))
        practices = {(s, o) for s, p, o, _g in quads if p == CKM.practiceOf}
        customer = min(o for _s, o in practices)
        own = {s for s, o in practices if o == customer}
        interactions = {s for s, p, o, _g in quads if p == CKM.withCustomer and o == customer}
        judged = {s for s, p, o, _g in quads if p == CKM.alignmentIn and o in interactions}
        assert own and judged, "the demo records both for this customer"
        plan, _receipt = graph.erase_customer(customer)
        for node in own | judged:
            assert not list(graph.quads(node)), node
            assert not list(graph.quads(None, None, node)), node
        # What was erased can be written back whole (nothing of it was left half-stored).
        graph.write(adding(plan.delta.removed))
        assert (customer, RDF.type, CKM.Customer) in {q[:3] for q in graph.quads(customer)}
    finally:
        graph.close()
