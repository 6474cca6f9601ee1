"""The RDF/XML release of the ontology, generated from the hand-edited Turtle source."""

from __future__ import annotations

from pathlib import Path

from rdflib import OWL, RDF, Graph
from rdflib.compare import isomorphic

from kg.resources import ONTOLOGY_OWL, ONTOLOGY_TTL


def build_release(source: Path = ONTOLOGY_TTL, target: Path = ONTOLOGY_OWL) -> int:
    """Write ``target`` as RDF/XML with the same triples as the Turtle ``source``.

    The file is replaced in one step (written beside it, then renamed), so a reader
    never sees half a release.

    Returns:
        The number of triples written.
    Raises:
        rdflib's parser errors when the Turtle is malformed; ``target`` is then untouched.
    """
    graph = Graph().parse(source, format="turtle")
    partial = target.with_suffix(".owl.partial")
    partial.write_text(_with_annotation_declarations_first(graph), encoding="utf-8")
    partial.replace(target)
    return len(graph)


def _with_annotation_declarations_first(graph: Graph) -> str:
    """RDF/XML with every annotation property declared before the ontology header.

    The OWL API bundled with HermiT drops header annotations (such as the licence) whose
    property is declared after the header, so the declarations go first.
    """
    # Plain RDF/XML, one description per node: rdflib's "pretty-xml" writes lists as
    # rdf:parseType="Collection" and, for some hash seeds, wires the cells of two lists
    # with equal members into one another (tests/regressions/
    # test_the_rdfxml_release_garbled_lists.py).
    xml = graph.serialize(format="xml")
    declarations = "".join(
        f'  <owl:AnnotationProperty rdf:about="{p}"/>\n'
        for p in sorted(graph.subjects(RDF.type, OWL.AnnotationProperty))
    )
    start = xml.index(">", xml.index("<rdf:RDF")) + 1
    return xml[:start] + "\n" + declarations + xml[start:].lstrip("\n")


def release_matches_source(source: Path = ONTOLOGY_TTL, release: Path = ONTOLOGY_OWL) -> bool:
    """True when the RDF/XML release holds exactly the triples of the Turtle source."""
    return isomorphic(Graph().parse(source, format="turtle"), Graph().parse(release, format="xml"))
