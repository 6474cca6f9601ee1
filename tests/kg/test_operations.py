"""Dump and restore, and the erasure of a customer."""

from __future__ import annotations

import io

import pytest
from rdflib import Literal

from kg.graph import KnowledgeGraph
from kg.store.base import DumpFormat
from kg.vocab import CKM, DATA_GRAPH, INFERRED_GRAPH, PROVENANCE_GRAPH
from kg.write.erasure import UnknownCustomer
from tests.kg.conftest import dump_bytes, iri, turtle_delta

# Every test here runs on the embedded store, oxigraph serve and Virtuoso.
RUN_ON_EVERY_BACKEND = True


@pytest.mark.parametrize("fmt", list(DumpFormat))
def test_dump_then_restore_gives_back_exactly_the_same_store(small: KnowledgeGraph, fmt):
    buffer = io.BytesIO()
    small.dump(buffer, fmt)
    before = dump_bytes(small)
    small.write(turtle_delta("ex:bella ckm:hasMotive ckm:ReputationMotive ."))
    assert dump_bytes(small) != before
    receipt = small.restore(io.BytesIO(buffer.getvalue()), fmt)
    assert receipt.checked and receipt.system_graphs_restored
    # The store as dumped, plus the provenance record of the restore itself.
    record = [line for line in dump_bytes(small).splitlines() if str(receipt.activity) in str(line)]
    assert any(b"restore" in line for line in record)
    assert (
        b"\n".join(line for line in dump_bytes(small).splitlines() if line not in record) == before
    )


def test_erasing_a_customer_removes_all_that_identifies_them(small: KnowledgeGraph):
    plan, receipt = small.erase_customer(iri("acme"))
    # Acme was the only customer of i42, the source of k7 and the contributor of c1.
    assert plan.counts() == {
        "customers": 1,
        "interactions": 1,
        "knowledge": 1,
        "contributions": 1,
    }
    for node in ("acme", "i42", "k7", "c1"):
        assert not list(small.quads(iri(node))), node
        assert not list(small.quads(None, None, iri(node))), node
    # What did not identify Acme stays.
    assert list(small.quads(iri("bella"), None, None, DATA_GRAPH))
    assert list(small.quads(iri("bella"), None, None, INFERRED_GRAPH))
    # The erasure is recorded, without naming the customer.
    provenance = list(small.quads(receipt.activity, None, None, PROVENANCE_GRAPH))
    [removed] = [q[2] for q in provenance if q[1] == CKM.triplesRemoved]
    assert removed.toPython() == receipt.removed > 0
    assert not [q for q in provenance if "acme" in str(q[2]).lower()]
    assert Literal("erase-customer") in {q[2] for q in provenance}


def test_a_shared_interaction_keeps_its_other_customer(small: KnowledgeGraph):
    small.write(turtle_delta("ex:i42 ckm:withCustomer ex:bella ."))
    plan, _receipt = small.erase_customer(iri("acme"))
    assert "interactions" not in plan.counts()
    assert set(small.quads(iri("i42"), CKM.withCustomer)) == {
        (iri("i42"), CKM.withCustomer, iri("bella"), DATA_GRAPH)
    }


def test_erasing_an_unknown_customer_changes_nothing(small: KnowledgeGraph):
    before = dump_bytes(small)
    with pytest.raises(UnknownCustomer):
        small.erase_customer(iri("nobody"))
    assert dump_bytes(small) == before
