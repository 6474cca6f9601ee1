"""SPARQL-based constraint components (SHACL §6: ``sh:ConstraintComponent`` with
``sh:validator``, ``sh:nodeValidator``, ``sh:propertyValidator``) are constraints.

The compiled engine ignored a shape's use of such a component: no result, silently
(W3C sparql/component/*). Its parameters are pre-bound by their local names, an ASK
validator is asked once per value node with ``$value`` pre-bound, ``$PATH`` is the
property shape's path.
"""

from __future__ import annotations

from tests.regressions.shacl_cases import found

COMPONENT = """
ex:LanguageComponent a sh:ConstraintComponent ;
    sh:parameter [ sh:path ex:lang ] ;
    sh:validator [ a sh:SPARQLAskValidator ;
        sh:ask "ASK { FILTER (isLiteral($value) && langMatches(lang($value), $lang)) }" ] ;
    sh:propertyValidator [ a sh:SPARQLSelectValidator ;
        sh:select \"\"\"SELECT $this ?value WHERE { $this $PATH ?value .
            FILTER (!isLiteral(?value) || !langMatches(lang(?value), $lang)) }\"\"\" ] .
"""


def test_an_ask_validator_on_a_node_shape():
    shapes = COMPONENT + 'ex:S sh:targetObjectsOf ex:label ; ex:lang "de" .'
    data = 'ex:a ex:label "Hallo"@de , "Hello"@en .'
    assert found(shapes, data) == [("Hello", "LanguageComponent", "Hello")]


def test_a_select_validator_with_path_on_a_property_shape():
    shapes = (
        COMPONENT + 'ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:label ; ex:lang "de" ] .'
    )
    data = 'ex:a ex:label "Hallo"@de , "Hello"@en .'
    assert found(shapes, data) == [("a", "LanguageComponent", "Hello")]


def test_a_shape_without_the_parameter_does_not_use_the_component():
    shapes = COMPONENT + "ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:label ] ."
    assert found(shapes, 'ex:a ex:label "Hello"@en .') == []
