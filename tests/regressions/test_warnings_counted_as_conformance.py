"""``sh:conforms`` is false when the report has any result, whatever its severity
(SHACL §3.6.1); the write road still refuses a write only on a Violation.

The report said "conforms" for a report holding only warnings.
"""

from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import SH

from kg.graph import KnowledgeGraph
from tests.kg.conftest import turtle_delta
from tests.regressions.shacl_cases import report


def test_a_warning_makes_the_report_not_conform():
    shapes = "ex:S sh:targetNode ex:a ; sh:severity sh:Warning ; sh:class ex:K ."
    found = report(shapes, "ex:a ex:p 1 .")
    assert not found.conforms and found.accepted
    assert (None, SH.conforms, Literal(False)) in found.to_rdf()


def test_the_write_road_accepts_a_write_with_only_warnings(small: KnowledgeGraph):
    receipt = small.write(turtle_delta("ex:acme ckm:receivesReward ckm:MonetaryReward ."))
    assert receipt.report.warnings and not receipt.report.violations
    assert receipt.report.accepted and not receipt.report.conforms
