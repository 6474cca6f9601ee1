"""The ontology's concept schemes, open and closed, and a firm's own concepts in them.

Issue 17 E2. A list the literature closes (the three value spheres, Gibbert's five CKM
styles…) is closed in the ontology by ``owl:equivalentClass [ owl:oneOf (…) ]`` on its
list class; a list the literature leaves open (RI practices "can be different in other
contexts", seed 004 l.348; the partnership design values, given as examples in seed 000
l.171-175) has no such closure, and a firm's admin may add concepts to its scheme. A
scheme is therefore closed exactly when a class of its members is an ``owl:oneOf``
enumeration: the ontology alone decides, and a release that opens a list opens its
scheme here too.

A firm's concept lives in the data graph under the store's id namespace (``ckm:`` is
reserved for the ontology), typed ``skos:Concept`` and with the scheme's list class, so
the shapes that accept members of the scheme (``ckmsh:MemberOf…``) and the ``sh:class``
checks accept it.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import Graph, Literal
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rdflib.term import Node, URIRef

from kg.errors import ClosedScheme, ConceptRefused, DuplicateConcept, UnknownScheme
from kg.store.base import Quad
from kg.vocab import CKM, DATA_GRAPH
from kg.write.delta import Delta
from kg.write.intents import Outcome
from kg.write.state import WriteState


@dataclass(frozen=True)
class Concept:
    """One concept of a scheme; ``added`` is True for a firm's own (data graph)."""

    iri: URIRef
    label: str
    definition: str | None
    kinds: tuple[URIRef, ...]
    added: bool = False
    # Every label it has (preferred, rdfs:label, alternative): what a new label must avoid.
    names: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "iri": str(self.iri),
            "label": self.label,
            "definition": self.definition,
            "kinds": [_local(k) for k in self.kinds],
            "added": self.added,
        }


@dataclass(frozen=True)
class Scheme:
    """A concept scheme of the ontology: whether it is open, the list classes its
    concepts belong to (``kinds``), and the concepts (the ontology's first)."""

    iri: URIRef
    label: str
    definition: str | None
    closed: bool
    kinds: tuple[URIRef, ...]
    concepts: tuple[Concept, ...] = field(default=())

    @property
    def name(self) -> str:
        return _local(self.iri)

    def as_dict(self, *, with_concepts: bool = True) -> dict[str, object]:
        summary: dict[str, object] = {
            "name": self.name,
            "iri": str(self.iri),
            "label": self.label,
            "definition": self.definition,
            "open": not self.closed,
            "kinds": [_local(k) for k in self.kinds],
            "size": len(self.concepts),
        }
        if with_concepts:
            summary["concepts"] = [c.as_dict() for c in self.concepts]
        return summary


def ontology_schemes(ontology: Graph) -> dict[str, Scheme]:
    """Every ``ckm:`` concept scheme of ``ontology`` by local name, with the ontology's
    own concepts, sorted by name."""
    schemes = {}
    for iri in sorted(set(ontology.subjects(RDF.type, SKOS.ConceptScheme)), key=str):
        if not isinstance(iri, URIRef) or not iri.startswith(str(CKM)):
            continue
        concepts = tuple(
            sorted(
                (_concept(ontology, m) for m in set(ontology.subjects(SKOS.inScheme, iri))),
                key=lambda c: c.label.casefold(),
            )
        )
        kinds = tuple(sorted({k for c in concepts for k in c.kinds}, key=str))
        closed = any(_enumerated(ontology, k) for k in kinds)
        schemes[_local(iri)] = Scheme(
            iri, _text(ontology, iri, RDFS.label) or _local(iri),
            _text(ontology, iri, SKOS.definition), closed, kinds, concepts,
        )  # fmt: skip
    return schemes


def scheme_named(schemes: dict[str, Scheme], name: str) -> Scheme:
    """The scheme ``name`` (its local name, e.g. ``ResourceIntegratingPracticeScheme``).

    Raises:
        UnknownScheme: no such scheme; the message lists the known ones.
    """
    scheme = schemes.get(name)
    if scheme is None:
        raise UnknownScheme(f"no concept scheme named {name!r}; known: {', '.join(schemes)}")
    return scheme


def with_added(scheme: Scheme, data: Iterable[Quad]) -> Scheme:
    """``scheme`` with the firm's concepts that ``data`` (data-graph quads about the
    scheme's members) holds, after the ontology's."""
    graph = Graph()
    for s, p, o, _g in data:
        graph.add((s, p, o))
    added = sorted(
        (
            _concept(graph, m, added=True)
            for m in set(graph.subjects(SKOS.inScheme, scheme.iri))
            if isinstance(m, URIRef)
        ),
        key=lambda c: c.label.casefold(),
    )
    return Scheme(
        scheme.iri,
        scheme.label,
        scheme.definition,
        scheme.closed,
        scheme.kinds,
        (*scheme.concepts, *added),
    )


@dataclass
class ConceptAddition:
    """Add a firm's concept to an open scheme: checked in the writer's turn, so two
    admins adding the same label at once cannot both succeed. Other writes may not
    state ``skos:inScheme`` a ``ckm:`` scheme (:func:`kg.write.admission.refuse_scheme_membership`).

    ``iri`` is minted by the caller; ``kind`` is the list class (needed when the
    scheme's concepts belong to several, as the design values do).
    """

    scheme: Scheme
    iri: URIRef
    label: str
    definition: str
    kind: URIRef | None = None
    broader: URIRef | None = None
    language: str = "en"
    outcome: Outcome = field(default_factory=Outcome)
    # The one intent the write road lets state skos:inScheme a ckm: scheme.
    adds_concept: bool = True

    def delta(self, state: WriteState) -> Delta:
        """The concept's quads in the data graph.

        Raises:
            ClosedScheme, DuplicateConcept, ConceptRefused (see :func:`checked_kind`).
        """
        scheme = self.scheme
        if scheme.closed:
            raise ClosedScheme(
                f"{scheme.name} is a closed list (the literature gives all its members); "
                "only an ontology release changes it"
            )
        label = " ".join(self.label.split())
        if not label or not self.definition.strip():
            raise ConceptRefused("a concept needs a label and a definition")
        kind = checked_kind(scheme, self.kind)
        members = {c.iri for c in scheme.concepts}
        held_labels = [(c.iri, name) for c in scheme.concepts for name in c.names or (c.label,)]
        for quad in state.quads(None, SKOS.inScheme, scheme.iri, DATA_GRAPH):
            members.add(quad[0])  # type: ignore[arg-type]
            for predicate in LABEL_PREDICATES:
                for _s, _p, value, _g in state.quads(quad[0], predicate, None, DATA_GRAPH):
                    held_labels.append((quad[0], str(value)))  # type: ignore[arg-type]
        for member, held in held_labels:
            if same_label(held, label):
                raise DuplicateConcept(
                    f"{scheme.name} already has a concept labelled {held!r}: {member}",
                    str(member),
                )
        if self.broader is not None and self.broader not in members:
            raise ConceptRefused(f"the broader concept {self.broader} is not in {scheme.name}")
        self.outcome.created = True
        text = Literal(label, lang=self.language)
        triples: list[tuple[Node, Node, Node]] = [
            (self.iri, RDF.type, SKOS.Concept),
            (self.iri, RDF.type, kind),
            (self.iri, SKOS.inScheme, scheme.iri),
            (self.iri, SKOS.prefLabel, text),
            (self.iri, RDFS.label, text),
            (self.iri, SKOS.definition, Literal(self.definition.strip(), lang=self.language)),
        ]
        if self.broader is not None:
            triples.append((self.iri, SKOS.broader, self.broader))
        return Delta(added=frozenset((s, p, o, DATA_GRAPH) for s, p, o in triples))  # type: ignore[misc]


# The labels a concept is known by; a new concept may not take any of them (SKOS §5.4).
LABEL_PREDICATES = (SKOS.prefLabel, RDFS.label, SKOS.altLabel)


def same_label(held: str, given: str) -> bool:
    r"""True when two labels name the same thing to a reader: equal after Unicode
    compatibility normalisation (NFKC: full-width letters, ligatures), case folding and
    collapsing white space.

    >>> same_label("Joint budgeting", " \uff2aoint  BUDGETING\n")
    True
    """

    def key(text: str) -> str:
        return " ".join(unicodedata.normalize("NFKC", text).casefold().split())

    return key(held) == key(given)


def checked_kind(scheme: Scheme, kind: URIRef | None) -> URIRef:
    """The list class a new concept of ``scheme`` gets.

    Raises:
        ConceptRefused: ``kind`` is not one of the scheme's classes, or none is given
            where the scheme has several.
    """
    names = ", ".join(_local(k) for k in scheme.kinds)
    if kind is None:
        if len(scheme.kinds) == 1:
            return scheme.kinds[0]
        raise ConceptRefused(f"{scheme.name} holds concepts of several kinds; choose one: {names}")
    if kind not in scheme.kinds:
        raise ConceptRefused(f"{_local(kind)} is not a kind of {scheme.name}; choose one: {names}")
    return kind


def minted_concept_iri(base_iri: str, label: str) -> URIRef:
    """A new IRI ``{base_iri}concept/{words}-{random}`` in the store's id namespace.

    >>> str(minted_concept_iri("http://example.org/id/", "Joint budgeting!"))[:45]
    'http://example.org/id/concept/joint-budgeting'
    """
    plain = unicodedata.normalize("NFKC", label).lower()
    words = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40].strip("-")
    suffix = uuid.uuid4().hex[:8]
    return URIRef(f"{base_iri}concept/{words}-{suffix}" if words else f"{base_iri}concept/{suffix}")


def kind_named(name: str) -> URIRef:
    """The list class of a kind's local name (``LocalDesign``) or full IRI."""
    return URIRef(name) if ":" in name else CKM[name]


def _concept(graph: Graph, iri: Node, *, added: bool = False) -> Concept:
    kinds = tuple(
        sorted(
            (
                k
                for k in graph.objects(iri, RDF.type)
                if isinstance(k, URIRef) and k.startswith(str(CKM))
            ),
            key=str,
        )
    )
    label = _text(graph, iri, SKOS.prefLabel) or _text(graph, iri, RDFS.label) or _local(iri)
    names = tuple(sorted({str(v) for p in LABEL_PREDICATES for v in graph.objects(iri, p)}))  # type: ignore[arg-type]
    return Concept(iri, label, _text(graph, iri, SKOS.definition), kinds, added, names)  # type: ignore[arg-type]


def _enumerated(ontology: Graph, cls: URIRef) -> bool:
    """True when ``cls`` is equivalent to an ``owl:oneOf`` enumeration (a closed list)."""
    return any(
        (equivalent, OWL.oneOf, None) in ontology
        for equivalent in ontology.objects(cls, OWL.equivalentClass)
    )


def _text(graph: Graph, subject: Node, predicate: URIRef) -> str | None:
    values = sorted(str(v) for v in graph.objects(subject, predicate))  # type: ignore[arg-type]
    return values[0] if values else None


def _local(iri: Node) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rsplit("/", 1)[-1]
