"""SHACL-SPARQL pre-binds ``$this`` by values insertion (SHACL Appendix "Pre-binding of
Variables"): every group of the query sees the focus node, also one that only
filters on it.

The compiled engine joined the query with the focus nodes instead: ``$this`` used only
in a FILTER, in a nested group or in BIND was unbound there, and the query found
nothing (W3C pre-binding-001 to 005 and 007). ``$PATH`` was left in the text
(property/sparql-001); ``$shapesGraph`` and ``$currentShape`` were unbound
(shapesGraph-001).
"""

from __future__ import annotations

import pytest

from tests.regressions.shacl_cases import found

QUERIES = {
    "only-in-a-filter": "SELECT $this WHERE { FILTER ($this = ex:bad) }",
    "in-a-union-branch": (
        "SELECT $this WHERE { { FILTER (false) } UNION { FILTER ($this = ex:bad) } }"
    ),
    "in-a-nested-group": (
        "SELECT $this WHERE { { { FILTER ($this = ex:bad) } FILTER bound($this) } }"
    ),
    "in-bind": "SELECT $this WHERE { BIND ($this AS ?that) FILTER (?that = ex:bad) }",
    "in-a-sub-select": "SELECT $this WHERE { { SELECT $this WHERE { FILTER ($this = ex:bad) } } }",
}


@pytest.mark.parametrize("query", QUERIES.values(), ids=QUERIES.keys())
def test_this_is_bound_in_every_group(query: str):
    shapes = (
        "ex:S sh:targetNode ex:bad, ex:good ; sh:sparql [ sh:prefixes ex: ; "
        f'sh:select "{query}" ] . '
        'ex: sh:declare [ sh:prefix "ex" ; sh:namespace "http://example.org/"^^xsd:anyURI ] .'
    )
    assert found(shapes, "ex:bad ex:p 1 . ex:good ex:p 1 .") == [("bad", "SPARQL", "bad")]


def test_path_is_the_property_shapes_path():
    shapes = (
        "ex:S sh:targetNode ex:a ; sh:property [ sh:path ( ex:p ex:q ) ; sh:sparql [ "
        'sh:select "SELECT $this ?value WHERE { $this $PATH ?value FILTER (?value > 1) }" ] ] .'
    )
    assert found(shapes, "ex:a ex:p ex:m . ex:m ex:q 1, 2 .") == [("a", "SPARQL", "2")]


def test_shapes_graph_and_current_shape_are_bound():
    shapes = (
        "ex:S sh:targetNode ex:a ; ex:limit 1 ; sh:sparql [ sh:select "
        '"SELECT $this WHERE { GRAPH $shapesGraph { '
        '$currentShape <http://example.org/limit> 1 } }" ] .'
    )
    assert found(shapes, "ex:a ex:p 1 .") == [("a", "SPARQL", "a")]
