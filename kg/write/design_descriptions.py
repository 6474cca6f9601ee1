"""A design parameter given in words: the literal is kept on its description property.

Issue 17 E2. Seed 000 gives the partnership design values as examples (l.175: places
"for example" restaurants, hotels, trade fairs; methods that "ranged from simple talks
... to even trips"), so a firm may describe a setting in its own words:
``ckm:localDesign "the clinic and informal dinners"``. The design properties are object
properties, and OWL 2 DL lets no object property take a literal; refusing the write would
lose what the firm knows. The write road therefore moves such a literal to the
parameter's datatype property (``ckm:localDesignDescription``) before the write is
admitted and validated, and the shape ``KnowledgePartnership-designDescribedOnly`` warns
that no category is given. IRIs stay where they are (the shapes check them).
"""

from __future__ import annotations

from rdflib import Literal

from kg.store.base import Quad
from kg.vocab import CKM
from kg.write.delta import Delta

# Each design property and the datatype property that keeps a setting given in words.
DESCRIPTION_OF = {
    CKM[f"{parameter}Design"]: CKM[f"{parameter}DesignDescription"]
    for parameter in ("temporal", "social", "local", "methodical")
}


def described_in_words(delta: Delta) -> Delta:
    """``delta`` with every literal on a design property moved to its description
    property (added and removed alike, so that a later removal finds it).

    >>> from rdflib import URIRef
    >>> p, g = URIRef("http://example.org/id/p1"), URIRef("urn:ckm:graph:data")
    >>> given = (p, CKM.localDesign, Literal("the clinic"), g)
    >>> [str(q[1]) for q in described_in_words(Delta(added=frozenset({given}))).added]
    ['https://w3id.org/ckm#localDesignDescription']
    """
    if not any(_in_words(q) for q in delta.added | delta.removed):
        return delta
    return Delta(
        removed=frozenset(map(_moved, delta.removed)), added=frozenset(map(_moved, delta.added))
    )


def _in_words(quad: Quad) -> bool:
    return quad[1] in DESCRIPTION_OF and isinstance(quad[2], Literal)


def _moved(quad: Quad) -> Quad:
    if not _in_words(quad):
        return quad
    subject, predicate, obj, graph = quad
    return (subject, DESCRIPTION_OF[predicate], obj, graph)
