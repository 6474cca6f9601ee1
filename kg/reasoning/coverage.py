"""The start-up report: which OWL 2 RL rules the ontology in use triggers, who runs each.

Read from the ontology's closure when the compiled reasoner is made. A rule the
ontology triggers is run by the compiled chaining, by the consistency check, or once on
the ontology's closure (:mod:`kg.reasoning.rules` says which); the report warns when
only the reference engine runs it (slower: every write) or no engine does, and notes
the ontology's constructs outside OWL 2 RL, from which no rule concludes anything.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib.namespace import OWL, RDF, RDFS, XSD, NamespaceManager
from rdflib.term import BNode, Node

from kg.reasoning.rules import RULES
from kg.reasoning.terms import cardinality
from kg.store.base import Triple

# Predicates whose axioms trigger rules, and the rules they trigger.
_BY_PREDICATE: dict[Node, tuple[str, ...]] = {
    RDFS.domain: ("prp-dom",),
    RDFS.range: ("prp-rng",),
    RDFS.subPropertyOf: ("prp-spo1",),
    OWL.equivalentProperty: ("prp-eqp1", "prp-eqp2"),
    OWL.inverseOf: ("prp-inv1", "prp-inv2"),
    OWL.propertyChainAxiom: ("prp-spo2",),
    OWL.hasKey: ("prp-key",),
    OWL.propertyDisjointWith: ("prp-pdw",),
    OWL.sourceIndividual: ("prp-npa1", "prp-npa2"),
    OWL.intersectionOf: ("cls-int1", "cls-int2"),
    OWL.unionOf: ("cls-uni",),
    OWL.complementOf: ("cls-com",),
    OWL.someValuesFrom: ("cls-svf1", "cls-svf2"),
    OWL.allValuesFrom: ("cls-avf",),
    OWL.hasValue: ("cls-hv1", "cls-hv2"),
    OWL.oneOf: ("cls-oo",),
    RDFS.subClassOf: ("cax-sco",),
    OWL.equivalentClass: ("cax-eqc1", "cax-eqc2"),
    OWL.disjointWith: ("cax-dw",),
    OWL.differentFrom: ("eq-diff1",),
}
# Classes whose instances (properties, axiom nodes) trigger rules.
_BY_TYPE: dict[Node, tuple[str, ...]] = {
    OWL.FunctionalProperty: ("prp-fp",),
    OWL.InverseFunctionalProperty: ("prp-ifp",),
    OWL.IrreflexiveProperty: ("prp-irp",),
    OWL.SymmetricProperty: ("prp-symp",),
    OWL.AsymmetricProperty: ("prp-asyp",),
    OWL.TransitiveProperty: ("prp-trp",),
    OWL.AllDisjointClasses: ("cax-adc",),
    OWL.AllDisjointProperties: ("prp-adp",),
}
# OWL constructs no OWL 2 RL rule reads (Profiles §4.2 leaves them out of RL).
_OUTSIDE_RL: dict[Node, str] = {
    OWL.minCardinality: "a minimum cardinality",
    OWL.cardinality: "an exact cardinality",
    OWL.qualifiedCardinality: "an exact qualified cardinality",
    OWL.minQualifiedCardinality: "a minimum qualified cardinality",
    OWL.hasSelf: "a self restriction",
    OWL.withRestrictions: "a datatype restriction (facets)",
    OWL.datatypeComplementOf: "a datatype complement",
    OWL.disjointUnionOf: "a disjoint union",
    OWL.onDataRange: "a qualified cardinality on a data range",
}
_STATUS_ENGINE = {
    "compiled": "the compiled rules, on every write",
    "ontology": "the closure of the ontology, at start",
    "consistency": "the consistency check, on every write (a clash refuses the write)",
    "reference": "the reference engine (reasonable), on the writes that need it",
    "no output": "no engine: nothing to output",
    "not implemented": "no engine",
}


@dataclass(frozen=True)
class CoverageNote:
    """One line of the report: a rule (or construct), an axiom of the ontology that
    triggers it, what runs it, and how loudly to say so (a ``logging`` level)."""

    rule: str
    axiom: str
    engine: str
    level: int


@dataclass(frozen=True)
class Coverage:
    """The report: every rule the ontology triggers, and what it holds that no rule reads."""

    notes: tuple[CoverageNote, ...]

    @property
    def warnings(self) -> list[CoverageNote]:
        return [note for note in self.notes if note.level >= logging.WARNING]

    @property
    def triggered(self) -> set[str]:
        return {note.rule for note in self.notes if note.rule in RULES}

    @classmethod
    def of(
        cls, closure: Iterable[Triple], compilable: bool, namespaces: NamespaceManager
    ) -> Coverage:
        """The report on an ontology's ``closure``; ``compilable`` is False when the
        compiled rules cannot hold it (two of its terms are the same)."""
        reader = _Reader(closure, namespaces)
        notes: list[CoverageNote] = []
        for rule, axioms in sorted(reader.triggered().items()):
            status = RULES[rule].status
            level = logging.WARNING if status in ("reference", "not implemented") else logging.INFO
            notes.append(CoverageNote(rule, reader.example(axioms), _STATUS_ENGINE[status], level))
        for construct, axioms in sorted(reader.outside_rl().items()):
            notes.append(
                CoverageNote(
                    construct,
                    reader.example(axioms),
                    "no engine: outside OWL 2 RL, nothing is entailed or checked from it "
                    "(the SHACL shapes may check what it says)",
                    logging.INFO,
                )
            )
        if not compilable:
            notes.append(
                CoverageNote(
                    "eq-rep-p",
                    reader.example(reader.equalities()),
                    "the reference engine, on every write: the ontology makes two of its "
                    "terms the same, which the compiled rules cannot hold (slower)",
                    logging.WARNING,
                )
            )
        return cls(tuple(notes))

    def to_text(self) -> str:
        lines = [f"OWL 2 RL: the ontology triggers {len(self.triggered)} of {len(RULES)} rules"]
        for note in self.notes:
            flag = "WARNING " if note.level >= logging.WARNING else ""
            lines.append(f"- {flag}{note.rule}: {note.engine}; e.g. {note.axiom}")
        return "\n".join(lines)

    def log(self, logger: logging.Logger) -> None:
        """One info line with the whole report, and a warning for each rule only the
        reference engine, or no engine, runs."""
        logger.info("%s", self.to_text())
        for note in self.warnings:
            logger.warning("OWL 2 RL rule %s (%s): %s", note.rule, note.axiom, note.engine)


# What a class expression or axiom node is made of, in the order it is written.
_EXPRESSION_PREDICATES = (
    RDF.type,
    OWL.onProperty,
    OWL.someValuesFrom,
    OWL.allValuesFrom,
    OWL.hasValue,
    OWL.maxCardinality,
    OWL.maxQualifiedCardinality,
    OWL.minCardinality,
    OWL.cardinality,
    OWL.qualifiedCardinality,
    OWL.minQualifiedCardinality,
    OWL.onClass,
    OWL.onDataRange,
    OWL.hasSelf,
    OWL.intersectionOf,
    OWL.unionOf,
    OWL.oneOf,
    OWL.complementOf,
    OWL.members,
    OWL.distinctMembers,
    OWL.onDatatype,
    OWL.withRestrictions,
)
_AXIOM_KINDS = frozenset({OWL.AllDifferent, OWL.AllDisjointClasses, OWL.AllDisjointProperties})


class _Reader:
    """The closure's axioms, written in Turtle with the ontology's prefixes (a blank
    node as the expression it stands for: ``[ owl:onProperty p ; owl:hasValue v ]``)."""

    def __init__(self, closure: Iterable[Triple], namespaces: NamespaceManager) -> None:
        self._namespaces = namespaces
        self._triples = list(closure)
        self._about: dict = defaultdict(lambda: defaultdict(list))
        for s, p, o in self._triples:
            if isinstance(s, BNode):
                self._about[s][p].append(o)
        self._on_class = {s: o for s, p, o in self._triples if p == OWL.onClass}
        # The named term an expression belongs to: ckm:X owl:equivalentClass [ … ].
        self._owner: dict = {}
        for predicate in (RDFS.range, RDFS.domain, RDFS.subClassOf, OWL.equivalentClass):
            for s, p, o in self._triples:
                if p == predicate and isinstance(o, BNode) and not isinstance(s, BNode):
                    self._owner[o] = (s, p)

    def name(self, node: Node, depth: int = 0) -> str:
        if not isinstance(node, BNode):
            return node.n3(self._namespaces)
        about = self._about.get(node, {})
        if depth > 3:
            return "[ … ]"
        if RDF.first in about:
            return "( " + " ".join(self.name(m, depth + 1) for m in self._members(node)) + " )"
        parts = []
        for predicate in _EXPRESSION_PREDICATES:
            for value in about.get(predicate, ()):
                if predicate == RDF.type and value not in _AXIOM_KINDS:
                    continue
                verb = "a" if predicate == RDF.type else self.name(predicate)
                parts.append(f"{verb} {self.name(value, depth + 1)}")
        parts += [  # facets of a datatype restriction: xsd:minInclusive 1…
            f"{self.name(p)} {self.name(v)}"
            for p, values in about.items()
            if str(p).startswith(str(XSD))
            for v in values
        ]
        return "[ " + " ; ".join(parts) + " ]" if parts else "[]"

    def _members(self, head: Node) -> list:
        items, node, seen = [], head, set()
        while (
            isinstance(node, BNode) and node not in seen and RDF.first in self._about.get(node, {})
        ):
            seen.add(node)
            items.append(self._about[node][RDF.first][0])
            rest = self._about[node].get(RDF.rest, [RDF.nil])
            node = rest[0]
        return items

    def write(self, triple: Triple) -> str:
        s, p, _o = triple
        if isinstance(s, BNode) and (p in _EXPRESSION_PREDICATES or p in _OUTSIDE_RL):
            # The expression says it all; written beside the named term it belongs to.
            expression = self.name(s)
            if s in self._owner:
                owner, link = self._owner[s]
                return f"{self.name(owner)} {self.name(link)} {expression}"
            return expression
        return " ".join(self.name(term) for term in triple)

    def triggered(self) -> dict[str, list[Triple]]:
        """Each rule the closure triggers, with the axioms that trigger it."""
        found: dict[str, list[Triple]] = defaultdict(list)
        for s, p, o in self._triples:
            if s == o and p in (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass):
                continue  # reflexive: scm-cls and scm-op, triggering nothing
            text = (s, p, o)
            for rule in _BY_PREDICATE.get(p, ()):
                found[rule].append(text)
            if p == RDF.type:
                for rule in _BY_TYPE.get(o, ()):
                    found[rule].append(text)
                if o == OWL.AllDifferent:  # eq-diff2 lists owl:members, eq-diff3 distinctMembers
                    for predicate, rule in (
                        (OWL.members, "eq-diff2"),
                        (OWL.distinctMembers, "eq-diff3"),
                    ):
                        if self._about.get(s, {}).get(predicate):
                            found[rule].append(text)
            if p == OWL.sameAs and s != o:
                for rule in ("eq-sym", "eq-trans", "eq-rep-s", "eq-rep-o"):
                    found[rule].append(text)
            if p in (OWL.maxCardinality, OWL.maxQualifiedCardinality):
                rule = self._max_rule(s, p, o)
                if rule:
                    found[rule].append(text)
        return found

    def _max_rule(self, restriction: Node, p: Node, count: Node) -> str | None:
        value = cardinality(count)
        if p == OWL.maxCardinality:
            return {0: "cls-maxc1", 1: "cls-maxc2"}.get(value)  # type: ignore[arg-type]
        on_class = self._on_class.get(restriction)
        if on_class is None:
            return None  # on a data range: outside OWL 2 RL
        thing = on_class == OWL.Thing
        return {
            0: "cls-maxqc2" if thing else "cls-maxqc1",
            1: "cls-maxqc4" if thing else "cls-maxqc3",
        }.get(value)  # type: ignore[arg-type]

    def outside_rl(self) -> dict[str, list[Triple]]:
        """Each construct outside OWL 2 RL the closure holds, with its axioms."""
        found: dict[str, list[Triple]] = defaultdict(list)
        for s, p, o in self._triples:
            text = (s, p, o)
            if p in _OUTSIDE_RL:
                found[_OUTSIDE_RL[p]].append(text)
            elif p == RDF.type and o == OWL.ReflexiveProperty:
                found["a reflexive property"].append(text)
            elif p in (OWL.maxCardinality, OWL.maxQualifiedCardinality):
                value = cardinality(o)
                if value is not None and value > 1:
                    found["a maximum cardinality above 1"].append(text)
        return found

    def equalities(self) -> list[Triple]:
        return [t for t in self._triples if t[1] == OWL.sameAs and t[0] != t[2]]

    def example(self, axioms: list[Triple]) -> str:
        """One of ``axioms`` written out (one about a named term reads best), and how
        many more there are. Only the few candidates are written: writing every axiom
        of the closure took seconds."""
        named = sorted((t for t in axioms if not isinstance(t[0], BNode)), key=str)[:5]
        candidates = [self.write(t) for t in named or sorted(axioms, key=str)[:5]]
        first = min(candidates, key=len)
        return first if len(axioms) == 1 else f"{first} (and {len(axioms) - 1} more)"
