"""Loading a file a second time was refused: Oxigraph stores ``"40"^^xsd:
nonNegativeInteger`` as ``"40"^^xsd:integer``, so the write road validated the stored
value and the loaded one as two employee counts (sh:maxCount 1) — an idempotent
re-import, or a CRM export sent twice, failed (found by the storage-fault tests,
tests/reliability/test_storage_faults.py)."""

from __future__ import annotations

from kg.graph import KnowledgeGraph
from tests.kg.conftest import SMALL_TTL, turtle_delta


def test_the_same_data_written_twice_is_accepted_and_adds_nothing(small: KnowledgeGraph):
    again = small.write(turtle_delta(SMALL_TTL.read_text()))
    assert again.report.conforms
    assert again.added == 0


def test_a_second_value_is_still_refused(small: KnowledgeGraph):
    report = small.check(turtle_delta('ex:medsoft ckm:employeeCount "41"^^xsd:integer .'))
    assert report.violations
