"""An ``sh:property`` inside a property shape validates the value nodes of the outer
shape (SHACL §4.8.2).

The compiled engine compiled only the property shapes of node shapes: the nested one
was never run (W3C core/property/property-001, validation-reports/shared). A result is
reported once per way the shape is reached (two people at one address: two results).
"""

from __future__ import annotations

from tests.regressions.shacl_cases import found

SHAPES = """
ex:PersonShape a sh:NodeShape ; sh:targetClass ex:Person ;
    sh:property [ sh:path ex:address ; sh:property ex:CityShape ] .
ex:CityShape sh:path ex:city ; sh:class ex:City .
"""
DATA = """
ex:ann a ex:Person ; ex:address ex:home .
ex:bob a ex:Person ; ex:address ex:home .
ex:home ex:city ex:atlantis .
"""


def test_the_nested_shape_validates_each_address_once_per_person():
    assert found(SHAPES, DATA) == [("home", "Class", "atlantis")] * 2


def test_a_proper_city_conforms():
    assert found(SHAPES, DATA + "ex:atlantis a ex:City .") == []
