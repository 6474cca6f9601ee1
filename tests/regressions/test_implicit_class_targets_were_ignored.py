"""A shape that is also a class targets that class's instances (SHACL §2.1.3.3).

The compiled engine looked only at explicit targets: with ``ex:Person a rdfs:Class,
sh:NodeShape`` and no sh:targetClass, nothing was validated and the data "conformed"
(15 W3C tests answered wrong, e.g. core/targets/targetClassImplicit-001).
"""

from __future__ import annotations

from tests.regressions.shacl_cases import found

SHAPES = """
ex:Person a rdfs:Class, sh:NodeShape ;
    sh:property [ sh:path ex:name ; sh:minCount 1 ] .
"""


def test_instances_of_the_shape_class_and_its_subclasses_are_validated():
    data = "ex:Student rdfs:subClassOf ex:Person . ex:ann a ex:Person . ex:bob a ex:Student ."
    assert found(SHAPES, data) == [("ann", "MinCount", None), ("bob", "MinCount", None)]


def test_a_shape_that_is_not_a_class_has_no_implicit_target():
    assert found("ex:Person a sh:NodeShape ; sh:class ex:X .", "ex:ann a ex:Person .") == []
