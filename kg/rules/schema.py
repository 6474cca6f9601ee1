"""The ontology's OWL 2 RL rules, compiled once for the data.

``reasonable`` is run once on the ontology alone; its closure (subclass and equivalence
closure, the ontology's individuals with their types…) is what every later call starts
from, and the axioms in it are read into the instance-level rules they make fire (see
:mod:`kg.rules.axioms`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import reasonable
from rdflib.namespace import OWL

from kg.rules.axioms import Axioms, ClassRules, PropertyRules
from kg.rules.terms import SAME, THING, TYPE, N, Numbering, plain
from kg.store.base import Triple

# What ``reasonable`` runs but is not compiled here: an ontology using it is reasoned
# over by ``reasonable`` on every call instead.
_UNCOMPILED_PREDICATES = (OWL.allValuesFrom, OWL.equivalentProperty)
_UNCOMPILED_CHARACTERISTICS = frozenset(
    N[c]
    for c in (
        OWL.InverseFunctionalProperty,
        OWL.SymmetricProperty,
        OWL.TransitiveProperty,
        OWL.IrreflexiveProperty,
        OWL.AsymmetricProperty,
    )
)


@dataclass(frozen=True)
class CompiledSchema:
    """The ontology's closure, numbered, and the rules it makes fire on data.

    ``compilable`` is False when the ontology uses a rule not compiled here (transitive,
    symmetric, inverse-functional… properties, ``owl:allValuesFrom``,
    ``owl:equivalentProperty``, ``owl:sameAs`` between distinct terms); the rules are
    then incomplete. ``thing_matters`` says whether a rule reads ``rdf:type owl:Thing``.
    """

    closure: frozenset[Triple]
    numbering: Numbering
    numbered_closure: list[tuple[int, int, int]]
    compilable: bool
    thing_matters: bool
    properties: dict[int, PropertyRules]
    classes: dict[int, ClassRules]
    # Predicates whose triples a rule looks up by object (cls-svf1 from the filler's side).
    read_backwards: frozenset[int]

    @classmethod
    def of(cls, ontology: Iterable[Triple]) -> CompiledSchema:
        """Run ``reasonable`` once on ``ontology`` and compile its closure."""
        runner = reasonable.PyReasoner()
        runner.from_graph(list(ontology))
        closure = frozenset((plain(s), p, plain(o)) for s, p, o in runner.reason())
        numbering = Numbering.starting_with_constants()
        number = numbering.number
        numbered = [(number(s), number(p), number(o)) for s, p, o in closure]
        axioms = Axioms(numbered)
        pairs = axioms.pairs
        # Reflexive owl:sameAs (every value of a functional property) changes nothing.
        compilable = not (
            any(pairs[N[p]] for p in _UNCOMPILED_PREDICATES)
            or any(o in _UNCOMPILED_CHARACTERISTICS for _s, o in pairs[TYPE])
            or any(s != o for s, o in pairs[SAME])
        )
        # Every subject is an owl:Thing to ``reasonable``; those types are worth deriving
        # only when a class rule reads them (they are never part of the output).
        thing_matters = any(
            table.get(THING, set()) - {THING}
            for table in (axioms.super_classes, axioms.intersections_with, axioms.unions_with)
        )
        classes = axioms.class_rules()
        backwards = frozenset(p for rules in classes.values() for _r, p in rules.some_values)
        return cls(
            closure,
            numbering,
            numbered,
            compilable,
            thing_matters,
            axioms.property_rules(),
            classes,
            backwards,
        )
