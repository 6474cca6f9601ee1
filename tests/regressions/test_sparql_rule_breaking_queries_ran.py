"""A SHACL-SPARQL query that breaks the pre-binding rules (MINUS, VALUES, SERVICE, a
sub-query that does not return ``$this``, ``AS`` on a pre-bound variable) or names an
undeclared prefix makes the shapes graph ill-formed: refused when the engine is made.

The compiled engine ran such queries (6 W3C failure tests answered), and a query with
an undeclared prefix failed only during the first validation (sparql/node/prefixes-001);
prefixes declared by an ontology that ``sh:prefixes`` imports were not seen.
"""

from __future__ import annotations

import pytest

from kg.errors import InvalidShapes
from tests.regressions.shacl_cases import engine, found

BROKEN = {
    "minus": ("SELECT $this WHERE { $this ?p ?o MINUS { $this ?p 1 } }", "MINUS"),
    "values": ("SELECT $this WHERE { VALUES ?x { 1 } }", "VALUES"),
    "service": ("SELECT $this WHERE { SERVICE <http://x.org/> { ?a ?b ?c } }", "SERVICE"),
    "sub-select": ("SELECT $this WHERE { $this ?p ?o { SELECT ?o WHERE { ?o ?q ?r } } }", "$this"),
    "as-prebound": ("SELECT $this WHERE { BIND (1 AS $this) }", "assigned with AS"),
    "prefix": ("SELECT $this WHERE { $this undeclared:p ?o }", "cannot be read"),
}


@pytest.mark.parametrize("kind", ["compiled", "pyshacl", "turbo"])
@pytest.mark.parametrize(("query", "reason"), BROKEN.values(), ids=BROKEN.keys())
def test_refused_when_the_engine_is_made(kind: str, query: str, reason: str):
    shapes = f'ex:S sh:targetNode ex:a ; sh:sparql [ sh:select "{query}" ] .'
    with pytest.raises(InvalidShapes, match=reason.replace("$", r"\$")):
        engine(shapes, kind)


def test_prefixes_of_an_imported_ontology_are_declared():
    shapes = """
    ex:Ontology sh:declare [ sh:prefix "ex" ; sh:namespace "http://example.org/"^^xsd:anyURI ] .
    ex:Prefixes <http://www.w3.org/2002/07/owl#imports> ex:Ontology .
    ex:S sh:targetNode ex:a ; sh:sparql [ sh:prefixes ex:Prefixes ;
        sh:select "SELECT $this ?value WHERE { $this ex:p ?value }" ] .
    """
    assert found(shapes, "ex:a ex:p ex:v .") == [("a", "SPARQL", "v")]
