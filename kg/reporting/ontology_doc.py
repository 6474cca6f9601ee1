"""HTML documentation of the CKM ontology, generated with pyLODE's OntPub profile.

pyLODE documents classes and properties but not named individuals, and it takes every
``skos:ConceptScheme`` for the ontology itself (their titles would be run together into
the page title). The CKM ontology keeps its controlled lists (CKM styles, value spheres,
channels…) as SKOS concept schemes of named individuals, so :func:`ontology_html` hands
pyLODE a copy of the ontology without the concept-scheme typing, adds a "Named
Individuals" section in pyLODE's own layout, and lists each class's instances.
"""

from __future__ import annotations

from collections.abc import Sequence

from dominate.tags import a, h4, li, nav, ul
from pylode import OntPub
from pylode.rdf_elements import ONTDOC
from pylode.utils import load_background_onts_titles, section_html
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from kg.vocab import CKM

INDIVIDUALS_SECTION = "named_individuals"
# What an individual's table shows, in this order (pyLODE copies labels into
# dcterms:title and definitions into dcterms:description).
INDIVIDUAL_PROPERTIES: tuple[URIRef, ...] = (
    RDFS.isDefinedBy,
    DCTERMS.title,
    DCTERMS.description,
    SKOS.altLabel,
    RDF.type,
    SKOS.inScheme,
    SKOS.hasTopConcept,
    SKOS.broader,
    SKOS.scopeNote,
    SKOS.example,
    DCTERMS.source,
)

Link = tuple[str, str]


def ontology_html(ontology: Graph, links: Sequence[Link] = ()) -> str:
    """The ontology's documentation as one self-contained HTML page (CSS inlined).

    Args:
        ontology: the ontology graph (not modified).
        links: ``(href, text)`` pairs shown as a navigation bar above the document.
    """
    return _CkmOntPub(_prepared(ontology), links).make_html()


def _prepared(ontology: Graph) -> Graph:
    """A copy of ``ontology`` as pyLODE should see it (see the module docstring)."""
    graph = Graph()
    for prefix, namespace in ontology.namespaces():
        graph.bind(prefix, namespace, override=True)
    titled = set(ontology.subjects(DCTERMS.title, None))
    for triple in ontology:
        if triple[1:] == (RDF.type, SKOS.ConceptScheme):
            continue
        if triple[1] == RDFS.label and triple[0] in titled:  # pyLODE would show both
            continue
        graph.add(triple)
    for individual in ontology.subjects(RDF.type, OWL.NamedIndividual):
        for kind in ontology.objects(individual, RDF.type):
            if isinstance(kind, URIRef) and (kind, RDF.type, OWL.Class) in ontology:
                graph.add((kind, ONTDOC.hasInstance, individual))
    return graph


class _CkmOntPub(OntPub):
    """OntPub with a section for named individuals and a navigation bar."""

    def __init__(self, ontology: Graph, links: Sequence[Link]) -> None:
        super().__init__(ontology, sort_subjects=True)  # by IRI, not by hash order
        self._links = links
        self._label_individual_properties(ontology)

    def _label_individual_properties(self, ontology: Graph) -> None:
        """Give every property an individual's table shows a title, as pyLODE does for
        the properties it knows (the CKM annotation properties from the ontology)."""
        ontology_titles = load_background_onts_titles(self.back_onts)
        for prop in self._individual_properties(ontology):
            if prop in self.props_labeled:
                continue
            title = self.back_onts.value(prop, DCTERMS.title) or ontology.value(prop, RDFS.label)
            description = self.back_onts.value(prop, DCTERMS.description) or ontology.value(
                prop, SKOS.definition
            )
            source = next((t for ns, t in ontology_titles.items() if prop.startswith(ns)), None)
            self.props_labeled[prop] = {
                "title": title or prop.fragment or prop,
                "description": description,
                "ont_title": source or "CKM ontology",
            }

    @staticmethod
    def _individual_properties(ontology: Graph) -> list[URIRef]:
        own_annotations = sorted(
            p
            for p in ontology.subjects(RDF.type, OWL.AnnotationProperty)
            if isinstance(p, URIRef) and p.startswith(str(CKM))
        )
        return [*INDIVIDUAL_PROPERTIES, *own_annotations]

    def _make_main_sections(self) -> None:
        super()._make_main_sections()
        with self.content:
            section_html(
                "Named Individuals",
                self.ont,
                self.back_onts,
                self.ns,
                OWL.NamedIndividual,
                self._individual_properties(self.ont),
                self.toc,
                INDIVIDUALS_SECTION,
                self.fids,
                self.props_labeled,
            )

    def _make_toc(self) -> None:
        super()._make_toc()
        entries = self.toc.get(INDIVIDUALS_SECTION) or []
        if not entries:
            return
        first = self.doc.body.get(id="toc")[0].get(cls="first")[0]
        item = li(h4(a("Named Individuals", href=f"#{INDIVIDUALS_SECTION}")))
        item.add(ul((li(a(title, href=href)) for href, title in entries), cls="second"))
        # before "Namespaces" and "Legend", which pyLODE puts last
        first.children.insert(len(first.children) - 2, item)
        item.parent = first

    def _make_body(self) -> None:
        super()._make_body()
        if self._links:
            bar = nav(
                (a(text, href=href) for href, text in self._links),
                id="ckm-nav",
                style="display:flex;gap:1.2em;font-size:.95em;margin:.5em 0 1em",
            )
            self.content.children.insert(0, bar)
            bar.parent = self.content
