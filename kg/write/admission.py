"""What a data write may contain, checked before it is validated.

The data graphs hold what firms record; the ontology is changed by an ontology release
and ``ckm migrate``, the system graphs by the write road alone. A data write is refused
whole, with the reason, when it

- describes a term of the ontology or of a W3C vocabulary (``ckm:Customer
  rdfs:subClassOf ckm:Interaction`` would make every customer an interaction);
- states schema (classes, properties, restrictions, sub-class or equivalence axioms),
  whatever its subject: the reasoner would read it as ontology;
- says an ontology term is the same as, or different from, something;
- names an IRI the system mints for itself (``urn:ckm:…`` activities, agents, graphs)
  or forges a write activity (``ckm:WriteActivity``, its counters): only the write road
  records provenance;
- holds a literal the store's dump formats cannot carry back (``rdf:langString`` or
  ``rdf:dirLangString`` without a language tag, an ill-formed language tag, text that is
  not Unicode), so that every accepted write can be dumped and restored.

Removals are not checked: deleting what an older release let in is always allowed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import Literal
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rdflib.term import URIRef

from kg.errors import ReservedTerm, UnstorableLiteral
from kg.store.base import Quad
from kg.vocab import CKM, DATA_GRAPH
from kg.write.terms import is_system_iri, is_vocabulary_term

# Predicates that state schema (RDFS and OWL 2 axioms about classes and properties).
SCHEMA_PREDICATES = frozenset(
    [RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range]
    + [
        OWL[name]
        for name in [
            "equivalentClass",
            "equivalentProperty",
            "inverseOf",
            "disjointWith",
            "propertyDisjointWith",
            "complementOf",
            "unionOf",
            "intersectionOf",
            "oneOf",
            "disjointUnionOf",
            "onProperty",
            "onProperties",
            "someValuesFrom",
            "allValuesFrom",
            "hasValue",
            "hasSelf",
            "cardinality",
            "minCardinality",
            "maxCardinality",
            "qualifiedCardinality",
            "minQualifiedCardinality",
            "maxQualifiedCardinality",
            "onClass",
            "onDataRange",
            "hasKey",
            "propertyChainAxiom",
            "withRestrictions",
            "datatypeComplementOf",
        ]
    ]
)
# Classes whose instances are schema (a class, a property, a restriction, an ontology).
SCHEMA_CLASSES = frozenset(
    [RDFS.Class, RDFS.Datatype, RDF.Property, RDFS.ContainerMembershipProperty]
    + [
        OWL[name]
        for name in [
            "Class",
            "Restriction",
            "Ontology",
            "ObjectProperty",
            "DatatypeProperty",
            "AnnotationProperty",
            "OntologyProperty",
            "FunctionalProperty",
            "InverseFunctionalProperty",
            "TransitiveProperty",
            "SymmetricProperty",
            "AsymmetricProperty",
            "ReflexiveProperty",
            "IrreflexiveProperty",
            "AllDisjointClasses",
            "AllDisjointProperties",
            "DeprecatedClass",
            "DeprecatedProperty",
        ]
    ]
)
IDENTITY_PREDICATES = frozenset([OWL.sameAs, OWL.differentFrom])
# What only the write road's provenance records say.
PROVENANCE_TERMS = frozenset(
    [CKM.WriteActivity, CKM.triplesAdded, CKM.triplesRemoved, CKM.changedGraph]
)
# BCP 47 well-formedness as RDF 1.1 (and N-Quads) requires of a language tag.
_LANGUAGE_TAG = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")
_NO_TAG_DATATYPES = (RDF.langString, URIRef(str(RDF) + "dirLangString"))
_IRI_FORBIDDEN = re.compile(r"[\x00-\x20<>\"{}|^`\\]")


def admit(added: Iterable[Quad]) -> None:
    """Refuse a data write whose added quads break a rule of this module.

    Raises:
        ReservedTerm: ontology or system terms described, schema stated, provenance
            forged; the message names the terms and says what to do instead.
        UnstorableLiteral: a literal or IRI the dump formats cannot carry.
    """
    reserved: dict[str, str] = {}
    for quad in added:
        for term in quad:
            _check_storable(term)
        subject, predicate, obj, graph = quad
        for term in (subject, predicate, obj):
            if is_system_iri(term):
                reserved.setdefault(str(term), "is an IRI the system mints for itself")
        if graph != DATA_GRAPH and is_system_iri(graph):
            reserved.setdefault(str(graph), "is a graph name reserved for the system")
        if predicate in PROVENANCE_TERMS or (predicate == RDF.type and obj in PROVENANCE_TERMS):
            reserved.setdefault(
                str(obj if predicate == RDF.type else predicate),
                "belongs to the write road's provenance records",
            )
        if is_vocabulary_term(subject):
            reserved.setdefault(str(subject), "is a term of the ontology or a W3C vocabulary")
        if predicate in SCHEMA_PREDICATES or (predicate == RDF.type and obj in SCHEMA_CLASSES):
            reserved.setdefault(
                str(predicate if predicate != RDF.type else obj), "states schema, not data"
            )
        if predicate in IDENTITY_PREDICATES and is_vocabulary_term(obj):
            reserved.setdefault(str(obj), "is a term of the ontology or a W3C vocabulary")
    if reserved:
        reasons = "; ".join(f"{term} {why}" for term, why in sorted(reserved.items()))
        raise ReservedTerm(
            f"data writes cannot change the ontology's terms, state schema, or write what "
            f"the system records itself: {reasons}. Nothing was written. The ontology "
            "changes with an ontology release (ckm migrate); provenance is recorded by "
            "the write road.",
            sorted(reserved),
        )


def refuse_scheme_membership(added: Iterable[Quad]) -> None:
    """Refuse a data write that puts something in a ``ckm:`` concept scheme: a firm's
    concept enters an open scheme only through ``KnowledgeGraph.add_concept`` (the
    admin's road, which checks that the scheme is open and the label new; issue 17 E2).

    Raises:
        ReservedTerm: the write states ``skos:inScheme`` a ``ckm:`` scheme.
    """
    schemes = sorted(
        {str(o) for _s, p, o, _g in added if p == SKOS.inScheme and str(o).startswith(str(CKM))}
    )
    if schemes:
        raise ReservedTerm(
            f"only a firm's admin adds a concept to a concept scheme ({', '.join(schemes)}): "
            "use ckm concepts add or POST /api/schemes/{name}/concepts. Nothing was written.",
            schemes,
        )


def _check_storable(term: object) -> None:
    if isinstance(term, Literal):
        language = term.language
        if language is None and term.datatype in _NO_TAG_DATATYPES:
            raise UnstorableLiteral(
                f"the literal {str(term)!r} has datatype {term.datatype} but no language "
                'tag; give it a tag ("text"@en) or make it a plain string'
            )
        if language is not None and not _LANGUAGE_TAG.fullmatch(language):
            raise UnstorableLiteral(f"{language!r} is not a well-formed language tag (BCP 47)")
        _check_unicode(str(term), "a literal")
    elif isinstance(term, URIRef):
        text = str(term)
        if _IRI_FORBIDDEN.search(text):
            raise UnstorableLiteral(
                f'{text!r} is not a valid IRI (space, control character or one of <>"{{}}|^`\\)'
            )
        _check_unicode(text, "an IRI")


def _check_unicode(text: str, what: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise UnstorableLiteral(f"{what} holds text that is not Unicode ({error.reason})") from None
