"""The RDF/XML release of the ontology, generated from the hand-edited Turtle source."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph
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
    graph.serialize(partial, format="pretty-xml", encoding="utf-8")
    partial.replace(target)
    return len(graph)


def release_matches_source(source: Path = ONTOLOGY_TTL, release: Path = ONTOLOGY_OWL) -> bool:
    """True when the RDF/XML release holds exactly the triples of the Turtle source."""
    return isomorphic(Graph().parse(source, format="turtle"), Graph().parse(release, format="xml"))
