"""Oxigraph stores xsd:nonNegativeInteger (and every integer subtype) as xsd:integer.

A firm written with ``ckm:employeeCount "40"^^xsd:nonNegativeInteger`` came back from
the store as ``"40"^^xsd:integer``; the shape demanded xsd:nonNegativeInteger, so any
later write touching the firm was refused. The shape now accepts both datatypes.
"""

from __future__ import annotations

from kg.graph import KnowledgeGraph
from tests.kg.conftest import iri, turtle_delta


def test_a_later_write_touching_a_stored_firm_is_accepted(small: KnowledgeGraph):
    receipt = small.write(turtle_delta('ex:medsoft ckm:businessField "Medical software" .'))
    assert receipt.report.conforms
    assert receipt.added == 1


def test_a_negative_employee_count_is_still_refused(small: KnowledgeGraph):
    report = small.check(turtle_delta("ex:medsoft ckm:employeeCount -3 ."))
    assert any(v.focus_node == str(iri("medsoft")) for v in report.violations)
