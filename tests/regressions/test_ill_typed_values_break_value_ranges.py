"""SHACL compares by SPARQL's operators (§4.3 value range, §4.5.3-4 lessThan), and
SPARQL finds no order for an ill-typed literal, an IRI, or a date against a date-time:
the comparison is not true, so each is a violation of ``sh:minInclusive`` and kin.

pySHACL 0.40 passes some of these (an ill-typed ``"-3"^^xsd:nonNegativeInteger`` meets
``sh:minInclusive 0`` there); the compiled engine follows the spec. The differential
tests (tests/shacl/conftest.py) leave exactly these results out of the comparison.
"""

from __future__ import annotations

from tests.regressions.shacl_cases import found

SHAPES = "ex:S sh:targetSubjectsOf ex:n ; sh:property [ sh:path ex:n ; sh:minInclusive 0 ] ."


def test_what_sparql_cannot_order_breaks_the_range():
    data = (
        'ex:ok ex:n 5 . ex:ill ex:n "-3"^^xsd:nonNegativeInteger . ex:iri ex:n ex:x . '
        'ex:text ex:n "seven" . ex:date ex:n "2024-01-01"^^xsd:date .'
    )
    assert [focus for focus, _c, _v in found(SHAPES, data)] == ["date", "ill", "iri", "text"]


def test_a_date_against_a_date_time_breaks_less_than():
    shapes = (
        "ex:S sh:targetSubjectsOf ex:start ; "
        "sh:property [ sh:path ex:start ; sh:lessThan ex:end ] ."
    )
    data = (
        'ex:a ex:start "2024-01-01"^^xsd:date ; ex:end "2025-01-01"^^xsd:date . '
        'ex:b ex:start "2024-01-01"^^xsd:date ; ex:end "2025-01-01T00:00:00Z"^^xsd:dateTime .'
    )
    assert found(shapes, data) == [("b", "LessThan", "2024-01-01")]
