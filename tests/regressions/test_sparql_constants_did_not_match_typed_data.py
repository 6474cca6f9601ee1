"""A SHACL-SPARQL query compares the data with constants as SPARQL writes them.

The compiled engine keeps typed literals under a datatype of its own (so that "01" and
"1" stay two terms); a user's query reading that copy saw no integer 17 and no date,
so ``FILTER (?age < 18)`` matched nothing and the minor passed. Queries now read the
data as Oxigraph encodes it, and report the terms as written.
"""

from __future__ import annotations

from tests.regressions.shacl_cases import found

SHAPES = '''
ex:S sh:targetSubjectsOf ex:age ; sh:sparql [
    sh:select """SELECT $this ?value WHERE {
        $this <http://example.org/age> ?value FILTER (?value < 18) }""" ] .
'''


def test_a_numeric_filter_finds_the_minor():
    data = 'ex:kid ex:age 17 . ex:adult ex:age 40 . ex:padded ex:age "017"^^xsd:integer .'
    assert found(SHAPES, data) == [("kid", "SPARQL", "17"), ("padded", "SPARQL", "17")]
