"""Which ``ckm:`` terms a data write may use: those the ontology in use declares.

A misspelt term is not an error RDF can see: ``ex:acme a ckm:Costumer`` is a triple
like any other, no shape targets ``ckm:Costumer`` and the reasoner may even make the
node a customer by another road. So a data write is refused whole, before it is
validated, when it uses in the ``ckm:`` namespace (``https://w3id.org/ckm#``) a term
that neither the shipped ontology nor ``CKM_EXTRA_ONTOLOGY`` declares

- as a class (the object of ``rdf:type``), a property (a predicate), a datatype (of a
  literal), or an individual (any other object) — unless the data describes that node
  (a data node may be named in the ``ckm:`` namespace: ``ckm:ghost a ckm:Customer``);
- or an IRI that only looks like the namespace (``http://``, another case, ``/`` for
  ``#``: ``https://w3id.org/ckm/Customer``), wherever it stands.

The refusal names each term, how it was used and the nearest declared terms of the
same kind (by similarity of their local names). A subject in the ``ckm:`` namespace is
a data node, never refused here; IRIs under the base the store mints (``/id/…``) and
the sibling namespaces of the project (shapes, problems, import traces) are not terms.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rdflib import Graph, Literal
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rdflib.term import URIRef

from kg.errors import UnknownTerm
from kg.store.base import Quad
from kg.vocab import CKM

NAMESPACE = str(CKM)
# https://w3id.org/ckm#X or …/ckm/X in any scheme or case: a typo of the namespace.
_LOOK_ALIKE = re.compile(r"(?i)https?://(?:www\.)?w3id\.org/ckm(?:#|/)(?P<local>[A-Za-z][\w-]*)")
# The project's own namespaces beside the ontology's (shapes, problem types, import traces).
_SIBLINGS = frozenset({"shapes", "problems", "import"})
_CLASS_TYPES = frozenset({OWL.Class, RDFS.Class})
_PROPERTY_TYPES = frozenset(
    {OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property}
)
SUGGESTIONS = 3

Kind = str  # "class", "property", "datatype", "individual"


@dataclass(frozen=True)
class KnownTerms:
    """The ``ckm:`` terms an ontology declares, by kind (local names)."""

    by_kind: dict[Kind, frozenset[str]]

    @classmethod
    def of(cls, ontology: Graph) -> KnownTerms:
        """The terms ``ontology`` declares: the ``ckm:`` IRIs it describes, each of the
        kind its types (or its sub-class/sub-property axioms) give it."""
        kinds: dict[Kind, set[str]] = {k: set() for k in ("class", "property", "datatype")}
        declared: set[str] = set()
        for subject in set(ontology.subjects()):
            if not (isinstance(subject, URIRef) and str(subject).startswith(NAMESPACE)):
                continue
            local = str(subject)[len(NAMESPACE) :]
            declared.add(local)
            types = set(ontology.objects(subject, RDF.type))
            if types & _CLASS_TYPES or (subject, RDFS.subClassOf, None) in ontology:
                kinds["class"].add(local)
            if types & _PROPERTY_TYPES or (subject, RDFS.subPropertyOf, None) in ontology:
                kinds["property"].add(local)
            if RDFS.Datatype in types:
                kinds["datatype"].add(local)
        individuals = declared - kinds["class"] - kinds["property"] - kinds["datatype"]
        by_kind = {kind: frozenset(names) for kind, names in kinds.items()}
        return cls({**by_kind, "individual": frozenset(individuals), "any": frozenset(declared)})

    def suggestions(self, local: str, kind: Kind) -> list[str]:
        """The nearest declared terms to ``local`` (as ``ckm:`` CURIEs), those of
        ``kind`` first; empty when nothing declared is close.

        >>> terms = KnownTerms({"class": frozenset({"Customer", "Firm"}),
        ...                     "any": frozenset({"Customer", "Firm", "country"})})
        >>> terms.suggestions("Costumer", "class"), terms.suggestions("contry", "class")
        (['ckm:Customer'], ['ckm:country'])
        """
        if local in self.by_kind["any"]:  # a look-alike IRI of a declared term
            return [f"ckm:{local}"]
        pools = [self.by_kind.get(kind, frozenset())]
        if kind != "datatype":  # other terms are no datatypes: nothing near to offer
            pools.append(self.by_kind["any"])
        for pool in pools:
            by_folded = {name.casefold(): name for name in sorted(pool)}
            wanted = local.casefold()
            close = difflib.get_close_matches(wanted, by_folded, n=3 * SUGGESTIONS, cutoff=0.6)
            # A typo is a few keystrokes: fewest edits first (a swap of adjacent letters
            # counts one), then the fewest letters not shared (Costumer has Customer's
            # letters, not Consumer's), then difflib's order.
            close.sort(key=lambda name: (_edits(wanted, name), _unshared(wanted, name)))
            if close:
                return [f"ckm:{by_folded[name]}" for name in close[:SUGGESTIONS]]
        return []

    def catalogue(self, ontology: Graph) -> list[dict[str, str]]:
        """Every declared term with its kind, label and definition from ``ontology``
        (``rdfs:label``/``skos:prefLabel``, ``skos:definition``/``rdfs:comment``; English
        first), by CURIE — what an editor completes.

        >>> g = Graph().parse(data="@prefix ckm: <https://w3id.org/ckm#> . "
        ...     "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . "
        ...     "ckm:Firm a rdfs:Class ; rdfs:label 'firm'@en .", format="turtle")
        >>> [(e["curie"], e["kind"], e["label"]) for e in KnownTerms.of(g).catalogue(g)]
        [('ckm:Firm', 'class', 'firm')]
        """
        entries = []
        for local in sorted(self.by_kind["any"]):
            iri = URIRef(NAMESPACE + local)
            kind = next(
                (k for k in ("class", "property", "datatype") if local in self.by_kind[k]),
                "individual",
            )
            entries.append(
                {
                    "curie": f"ckm:{local}",
                    "iri": str(iri),
                    "kind": kind,
                    "label": _text(ontology, iri, (RDFS.label, SKOS.prefLabel)),
                    "definition": _text(ontology, iri, (SKOS.definition, RDFS.comment)),
                }
            )
        return entries

    def refuse_unknown(
        self, added: Iterable[Quad], *, described: Callable[[URIRef], bool], base_iri: str
    ) -> None:
        """Refuse a data write whose added quads use an undeclared ``ckm:`` term.

        ``described(node)`` tells whether the stored data describes ``node`` (it is the
        subject of a data triple); a node the write itself describes counts too.

        Raises:
            UnknownTerm: the message names each term, how it was used and the nearest
                declared terms; nothing was written.
        """
        quads = list(added)
        subjects = {q[0] for q in quads}
        unknown: dict[str, tuple[Kind, str]] = {}  # IRI -> (kind, local name)
        for subject, predicate, obj, _graph in quads:
            uses: list[tuple[object, Kind]] = [(subject, "subject"), (predicate, "property")]
            if isinstance(obj, Literal):
                uses.append((obj.datatype, "datatype"))
            else:
                uses.append((obj, "class" if predicate == RDF.type else "individual"))
            for term, kind in uses:
                if not isinstance(term, URIRef) or str(term) in unknown:
                    continue
                found = self._unknown(term, kind, base_iri)
                if found is None:
                    continue
                namespaced = kind == "individual" and str(term).startswith(NAMESPACE)
                if namespaced and (term in subjects or described(term)):
                    continue  # a data node named in the ckm: namespace
                unknown[str(term)] = (kind, found)
        if unknown:
            self._refuse(unknown)

    def _unknown(self, term: URIRef, kind: Kind, base_iri: str) -> str | None:
        """The local name of ``term`` when it is an undeclared ckm: term used as
        ``kind`` or a look-alike of the namespace; None when it may be written."""
        text = str(term)
        if text.startswith(NAMESPACE):
            local = text[len(NAMESPACE) :]
            if kind == "subject" or local in self.by_kind["any"]:
                return None
            return local
        if text.startswith(base_iri):
            return None
        match = _LOOK_ALIKE.fullmatch(text)
        if match is None or match["local"].casefold() in _SIBLINGS:
            return None
        return match["local"]

    def _refuse(self, unknown: dict[str, tuple[Kind, str]]) -> None:
        reasons: list[str] = []
        suggestions: dict[str, list[str]] = {}
        for iri, (kind, local) in sorted(unknown.items()):
            near = self.suggestions(local, "any" if kind == "subject" else kind)
            suggestions[iri] = near
            if iri.startswith(NAMESPACE):
                named = f"unknown term ckm:{local} (used as {_ARTICLE[kind]})"
            else:
                named = f"unknown term <{iri}> (not the ckm: namespace, {NAMESPACE})"
            hint = f": did you mean {' or '.join(near)}?" if near else ""
            reasons.append(named + hint)
        named = "; ".join(reasons)
        raise UnknownTerm(
            named + ("" if named.endswith("?") else ".") + " Nothing was written: use a "
            "term the ontology declares (ontology/ckm.ttl) or declare your own in an "
            "ontology extension (CKM_EXTRA_ONTOLOGY).",
            sorted(unknown),
            suggestions,
        )


def _text(graph: Graph, subject: URIRef, predicates: tuple[URIRef, ...]) -> str:
    """The first of ``predicates`` that ``subject`` has: its English (or untagged) value,
    else any; empty when it has none."""
    for predicate in predicates:
        values = [o for o in graph.objects(subject, predicate) if isinstance(o, Literal)]
        if values:
            values.sort(key=lambda v: (v.language not in ("en", None), v.language or "", str(v)))
            return str(values[0])
    return ""


_ARTICLE = {
    "class": "a class",
    "property": "a property",
    "datatype": "a datatype",
    "individual": "an individual",
    "subject": "a subject",
}


def _edits(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions and swaps
    of two adjacent letters, each one edit.

    >>> _edits("cusotmer", "customer"), _edits("costumer", "customer")
    (1, 2)
    """
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def _unshared(a: str, b: str) -> int:
    """How many letters one word has that the other lacks (as multisets).

    >>> _unshared("costumer", "customer"), _unshared("costumer", "consumer")
    (0, 2)
    """
    return sum(((Counter(a) - Counter(b)) + (Counter(b) - Counter(a))).values())
