"""Two RDF payloads blew up Oxigraph's parsers (found by the hostile-input corpus,
tests/security/corpus/): JSON-LD nested 6,000 levels deep overflowed the parser's stack
and killed the server (a segmentation fault), and RDF/XML of 618 bytes declaring eight
levels of nested entities expanded to a 100 MB literal (ten levels: out of memory) —
POST /validate let anyone send either. Both are now refused as malformed RDF (400).
A top-level JSON ``null`` was also taken as an empty JSON-LD document."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from kg.store.parsing import RdfSyntaxError, parse_quads, syntax_named

NESTED = '{"@id": "http://e/a", "http://e/b": ' + '{"http://e/c": ' * 6000 + '"x"' + "}" * 6001
ENTITIES = '<!ENTITY e0 "aaaaaaaaaa">' + "".join(
    f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 8)
)
BOMB = f"""<?xml version="1.0"?><!DOCTYPE r [{ENTITIES}]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://e/">
<rdf:Description rdf:about="http://e/x"><ex:p>&e7;</ex:p></rdf:Description></rdf:RDF>"""
PROTEGE_STYLE = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [<!ENTITY ckm "https://w3id.org/ckm#"><!ENTITY xsd "http://www.w3.org/2001/XMLSchema#">]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ckm="&ckm;">
<rdf:Description rdf:about="&ckm;a"><ckm:n rdf:datatype="&xsd;integer">1</ckm:n></rdf:Description>
</rdf:RDF>"""


def _parse(payload: str, syntax: str):
    return parse_quads(
        payload, syntax_named(syntax), target_graph=URIRef("urn:g"), base_iri="http://e/"
    )


@pytest.mark.parametrize(
    ("payload", "syntax"), [(NESTED, "jsonld"), (BOMB, "rdfxml"), ("null", "jsonld")]
)
def test_the_payload_is_refused_as_malformed(payload: str, syntax: str):
    with pytest.raises(RdfSyntaxError):
        _parse(payload, syntax)


def test_entities_that_abbreviate_namespaces_are_still_read():
    [quad] = _parse(PROTEGE_STYLE, "rdfxml")
    assert str(quad[0]) == "https://w3id.org/ckm#a"
