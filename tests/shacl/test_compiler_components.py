"""Each SHACL feature the compiler supports, on a tiny shapes graph and data whose
expected results are worked out by hand (not by pySHACL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Namespace
from rdflib.namespace import SH

from kg.resources import SHAPES_TTL
from kg.validation import ValidationReport, load_shapes
from kg.validation.compiled import CompiledValidator, compile_shapes

EX = Namespace("https://example.org/")
PREFIXES = """
@prefix ex: <https://example.org/> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
MESSAGE = 'sh:message "broken" '

Row = tuple[str, str, str | None]


def validated(tmp_path: Path, shapes: str, data: str, focus=None) -> ValidationReport:
    """The compiled validator's report on ``data`` (Turtle) against ``shapes`` (Turtle)."""
    file = tmp_path / "shapes.ttl"
    file.write_text(PREFIXES + shapes, encoding="utf-8")
    graph = Graph().parse(data=PREFIXES + data, format="turtle")
    return CompiledValidator(shapes_file=file).validate_triples(set(graph), focus)


def results(tmp_path: Path, shapes: str, data: str, focus=None) -> set[Row]:
    """(focus local name, component local name, value) of every result."""
    report = validated(tmp_path, shapes, data, focus)
    return {
        (
            r.focus_node.removeprefix(str(EX)),
            r.constraint.removeprefix(str(SH)).removesuffix("ConstraintComponent"),
            None if r.value is None else r.value.removeprefix(str(EX)),
        )
        for r in report.results
    }


def on_values(target: str, constraint: str) -> str:
    """A node shape with ``target`` and one property shape (path and constraint)."""
    return f"ex:S a sh:NodeShape ; {target} ; sh:property [ {constraint} ; {MESSAGE} ] ."


def on_node(target: str, constraint: str) -> str:
    """A node shape with ``target`` and a node-level constraint."""
    return f"ex:S a sh:NodeShape ; {target} ; {constraint} ; {MESSAGE} ."


CLASS_A, SUBJECTS_P = "sh:targetClass ex:A", "sh:targetSubjectsOf ex:p"
HAS = "sh:property [ sh:path ex:{} ; sh:hasValue ex:{} ]"
SPARQL = (
    'sh:sparql [ a sh:SPARQLConstraint ; sh:message "bad {?value}" ; sh:prefixes ex: ; '
    'sh:select "SELECT $this ?value WHERE { $this ex:p ?value . '
    'FILTER NOT EXISTS { ?value ex:q ?x } }" ] . '
    'ex: sh:declare [ sh:prefix "ex" ; sh:namespace "https://example.org/"^^xsd:anyURI ]'
)

CASES = {
    "targetClass-includes-subclasses": (
        on_values(CLASS_A, "sh:path ex:p ; sh:minCount 1"),
        "ex:B rdfs:subClassOf ex:A . ex:a1 a ex:A . ex:b1 a ex:B . ex:c1 a ex:C . "
        "ex:a2 a ex:A ; ex:p 1 .",
        {("a1", "MinCount", None), ("b1", "MinCount", None)},
    ),
    "targetSubjectsOf-maxCount": (
        on_values("sh:targetSubjectsOf ex:q", "sh:path ex:p ; sh:maxCount 1"),
        "ex:x ex:q 1 ; ex:p ex:o1, ex:o2 . ex:y ex:p ex:o1, ex:o2 .",
        {("x", "MaxCount", None)},
    ),
    "maxCount-counts-terms-not-values": (
        on_values(SUBJECTS_P, "sh:path ex:p ; sh:maxCount 1"),
        # Oxigraph would store both as "-1"^^xsd:integer; SHACL sees two terms.
        'ex:x ex:p "-1"^^xsd:nonNegativeInteger, "-1"^^xsd:integer . ex:y ex:p "-1"^^xsd:integer .',
        {("x", "MaxCount", None)},
    ),
    "inversePath-minCount": (
        on_values(CLASS_A, "sh:path [ sh:inversePath ex:p ] ; sh:minCount 1"),
        "ex:a1 a ex:A . ex:a2 a ex:A . ex:z ex:p ex:a2 . ex:a1 ex:p ex:z .",
        {("a1", "MinCount", None)},
    ),
    "alternativePath-class": (
        on_values(
            CLASS_A,
            "sh:path [ sh:alternativePath ( ex:p [ sh:inversePath ex:q ] ) ] ; sh:class ex:K",
        ),
        "ex:a1 a ex:A ; ex:p ex:k1 . ex:k1 a ex:K . ex:w ex:q ex:a1 .",
        {("a1", "Class", "w")},
    ),
    "sequencePath-hasValue": (
        on_values(CLASS_A, "sh:path ( ex:p ex:q ) ; sh:hasValue ex:v"),
        "ex:a1 a ex:A ; ex:p ex:m1 . ex:m1 ex:q ex:v . "
        "ex:a2 a ex:A ; ex:p ex:m2 . ex:m2 ex:q ex:other .",
        {("a2", "HasValue", None)},
    ),
    "datatype-with-ill-typed-literal": (
        on_values(SUBJECTS_P, "sh:path ex:p ; sh:datatype xsd:integer"),
        'ex:a ex:p "5"^^xsd:integer, "01"^^xsd:integer, "abc"^^xsd:integer, "7", ex:iri .',
        {("a", "Datatype", "abc"), ("a", "Datatype", "7"), ("a", "Datatype", "iri")},
    ),
    "in": (
        on_values(SUBJECTS_P, "sh:path ex:p ; sh:in ( ex:x ex:y )"),
        'ex:a ex:p ex:x, ex:z, "x" .',
        {("a", "In", "z"), ("a", "In", "x")},
    ),
    "or-of-datatypes": (
        on_values(
            SUBJECTS_P,
            "sh:path ex:p ; sh:or ( [ sh:datatype xsd:string ] [ sh:datatype rdf:langString ] )",
        ),
        'ex:a ex:p "a"@en, "b", 3 .',
        {("a", "Or", "3")},
    ),
    "not-and-on-node-shape": (
        on_node(
            SUBJECTS_P,
            f"sh:not [ sh:and ( [ {HAS.format('p', 'x')} ] [ {HAS.format('q', 'y')} ] ) ]",
        ),
        "ex:a1 ex:p ex:x ; ex:q ex:y . ex:a2 ex:p ex:x .",
        {("a1", "Not", "a1")},
    ),
    "nested-counts-in-or": (
        on_node(
            SUBJECTS_P,
            "sh:or ( [ sh:property [ sh:path ex:q ; sh:maxCount 0 ] ] "
            "[ sh:property [ sh:path ex:r ; sh:minCount 2 ] ] )",
        ),
        "ex:a1 ex:p 1 . ex:a2 ex:p 1 ; ex:q 1 . ex:a3 ex:p 1 ; ex:q 1 ; ex:r 1, 2 .",
        {("a2", "Or", "a2")},
    ),
    "equals": (
        on_values(SUBJECTS_P, "sh:path ex:p ; sh:equals ex:q"),
        "ex:a ex:p 1, 2 ; ex:q 1, 3 . ex:b ex:p 1 ; ex:q 1 .",
        {("a", "Equals", "2"), ("a", "Equals", "3")},
    ),
    "lessThanOrEquals": (
        on_values("sh:targetSubjectsOf ex:start", "sh:path ex:start ; sh:lessThanOrEquals ex:end"),
        'ex:a ex:start "2024-05-01"^^xsd:date ; ex:end "2024-04-01"^^xsd:date . '
        'ex:b ex:start "2024-01-01"^^xsd:date ; ex:end "2024-01-01"^^xsd:date . '
        'ex:c ex:start "x" ; ex:end 3 .',
        {("a", "LessThanOrEquals", "2024-05-01"), ("c", "LessThanOrEquals", "x")},
    ),
    "min-and-maxInclusive": (
        on_values(SUBJECTS_P, "sh:path ex:p ; sh:minInclusive 1 ; sh:maxInclusive 5"),
        'ex:a ex:p 0, 3, 6, "abc" .',
        {
            ("a", "MinInclusive", "0"),
            ("a", "MaxInclusive", "6"),
            ("a", "MinInclusive", "abc"),
            ("a", "MaxInclusive", "abc"),
        },
    ),
    "pattern": (
        on_values(SUBJECTS_P, 'sh:path ex:p ; sh:pattern "^[A-Z]{2}$"'),
        'ex:a ex:p "LI", "li" .',
        {("a", "Pattern", "li")},
    ),
    "pattern-with-flags": (
        on_values(SUBJECTS_P, 'sh:path ex:p ; sh:pattern "^[A-Z]{2}$" ; sh:flags "i"'),
        'ex:b ex:p "li", "l1" .',
        {("b", "Pattern", "l1")},
    ),
    "qualifiedValueShape": (
        on_values(
            SUBJECTS_P,
            "sh:path ex:p ; sh:qualifiedValueShape [ sh:class ex:K ] ; "
            "sh:qualifiedMinCount 1 ; sh:qualifiedMaxCount 1",
        ),
        "ex:k1 a ex:K . ex:k2 a ex:K . ex:a1 ex:p ex:k1 . ex:a2 ex:p ex:z . "
        "ex:a3 ex:p ex:k1, ex:k2 .",
        {("a2", "QualifiedMinCount", None), ("a3", "QualifiedMaxCount", None)},
    ),
    "class-on-node-shape": (
        on_node(SUBJECTS_P, "sh:class ex:K"),
        "ex:a ex:p 1 . ex:b a ex:K ; ex:p 1 .",
        {("a", "Class", "a")},
    ),
    "sparql-constraint": (
        f"ex:S a sh:NodeShape ; {SUBJECTS_P} ; {SPARQL} .",
        "ex:a ex:p ex:v1, ex:v2 . ex:v1 ex:q 1 .",
        {("a", "SPARQL", "v2")},
    ),
    "deactivated-node-shape": (
        on_node(CLASS_A, "sh:deactivated true ; sh:property [ sh:path ex:p ; sh:minCount 1 ]"),
        "ex:a a ex:A .",
        set(),
    ),
    "deactivated-property-shape": (
        on_values(CLASS_A, "sh:path ex:q ; sh:minCount 1 ; sh:deactivated true"),
        "ex:a a ex:A .",
        set(),
    ),
}


@pytest.mark.parametrize(("shapes", "data", "expected"), CASES.values(), ids=CASES.keys())
def test_component(tmp_path: Path, shapes: str, data: str, expected: set[Row]) -> None:
    assert results(tmp_path, shapes, data) == expected


def test_focus_restricts_the_report(tmp_path: Path) -> None:
    shapes, data, _expected = CASES["targetClass-includes-subclasses"]
    assert results(tmp_path, shapes, data, focus={EX.b1, EX.c1}) == {("b1", "MinCount", None)}


def test_severity_message_path_and_source_shape(tmp_path: Path) -> None:
    shapes = (
        "ex:S a sh:NodeShape ; sh:targetClass ex:A ; sh:property ex:S-p . "
        "ex:S-p sh:path [ sh:inversePath ex:p ] ; sh:minCount 1 ; sh:severity sh:Warning ; "
        'sh:message "needs one"@en .'
    )
    (result,) = validated(tmp_path, shapes, "ex:a a ex:A .").results
    assert (result.severity, result.message, result.path, result.source_shape) == (
        "Warning",
        "needs one",
        f"^{EX.p}",
        str(EX["S-p"]),
    )


def test_sparql_message_template_names_focus_and_value(tmp_path: Path) -> None:
    shapes = (
        "ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:p ; "
        'sh:sparql [ sh:message "{$this} has {?value}" ; '
        'sh:select "SELECT $this ?value WHERE { $this <https://example.org/p> ?value }" ] .'
    )
    (result,) = validated(tmp_path, shapes, "ex:a ex:p ex:v .").results
    assert result.message == f"{EX.a} has {EX.v}"


NOW_COMPILED = {
    "xone": (
        on_node(SUBJECTS_P, "sh:xone ( [ sh:class ex:K ] [ sh:class ex:L ] )"),
        "ex:a ex:p 1 ; a ex:K . ex:b ex:p 1 ; a ex:K, ex:L . ex:c ex:p 1 .",
        {("b", "Xone", "b"), ("c", "Xone", "c")},
    ),
    "closed": (
        "ex:S a sh:NodeShape ; sh:targetClass ex:A ; sh:closed true ; "
        "sh:ignoredProperties ( rdf:type ) ; sh:property [ sh:path ex:p ] .",
        "ex:a a ex:A ; ex:p 1 ; ex:q ex:x .",
        {("a", "Closed", "x")},
    ),
    "range-inside-or": (
        on_node(CLASS_A, "sh:or ( [ sh:property [ sh:path ex:p ; sh:minInclusive 1 ] ] )"),
        "ex:a a ex:A ; ex:p 0 . ex:b a ex:A ; ex:p 2 .",
        {("a", "Or", "a")},
    ),
    "no-message": (
        "ex:S sh:targetClass ex:A ; sh:class ex:K .",
        "ex:a a ex:A .",
        {("a", "Class", "a")},
    ),
    "zeroOrMorePath": (
        "ex:T sh:targetClass ex:A ; sh:property ex:S . "
        "ex:S sh:path [ sh:zeroOrMorePath ex:p ] ; sh:class ex:A .",
        # a itself (zero steps) is an A; a's ex:p chain reaches b and c, which are not.
        "ex:a a ex:A ; ex:p ex:b . ex:b ex:p ex:c .",
        {("a", "Class", "b"), ("a", "Class", "c")},
    ),
}


@pytest.mark.parametrize(
    ("shapes", "data", "expected"), NOW_COMPILED.values(), ids=NOW_COMPILED.keys()
)
def test_formerly_refused_features_are_compiled(
    tmp_path: Path, shapes: str, data: str, expected: set[Row]
) -> None:
    graph = Graph().parse(data=PREFIXES + shapes, format="turtle")
    assert compile_shapes(graph).fallback == {}
    assert results(tmp_path, shapes, data) == expected


def test_a_shape_without_message_gets_the_default_one(tmp_path: Path) -> None:
    shapes = "ex:S sh:targetClass ex:A ; sh:class ex:K ."
    (result,) = validated(tmp_path, shapes, "ex:a a ex:A .").results
    assert result.message == f"Value {EX.a} of {EX.a} is not an instance of {EX.K}"


# SHACL-AF (not SHACL Core or SHACL-SPARQL): a SPARQL-based target the compiler does
# not translate; pySHACL validates that shape.
SPARQL_TARGET = """
ex:S a sh:NodeShape ;
    sh:target [ a sh:SPARQLTarget ;
        sh:select "SELECT ?this WHERE { ?this <https://example.org/p> 1 }" ] ;
    sh:property [ sh:path ex:q ; sh:minCount 1 ] .
ex:T a sh:NodeShape ; sh:targetClass ex:A ; sh:property [ sh:path ex:q ; sh:maxCount 0 ] .
"""


def test_a_shape_the_compiler_does_not_translate_is_run_by_the_reference(tmp_path: Path):
    graph = Graph().parse(data=PREFIXES + SPARQL_TARGET, format="turtle")
    compiled = compile_shapes(graph)
    assert set(compiled.fallback) == {EX.S}
    assert "sh:target" in compiled.fallback[EX.S]
    # x is a target of the SPARQL target (p 1) and lacks q; y is an A and has a q.
    data = "ex:x ex:p 1 . ex:z ex:p 2 . ex:y a ex:A ; ex:q 3 ."
    assert results(tmp_path, SPARQL_TARGET, data) == {
        ("x", "MinCount", None),
        ("y", "MaxCount", None),
    }


def test_the_ckm_shapes_compile() -> None:
    compiled = compile_shapes(load_shapes(SHAPES_TTL))
    components = {str(c.reporting.component).removeprefix(str(SH)) for c in compiled.constraints}
    assert compiled.fallback == {}
    assert len(compiled.constraints) > 150
    assert len(compiled.prebound) == 25  # the CKM shapes' SHACL-SPARQL constraints
    assert "QualifiedMinCountConstraintComponent" in components
