"""The ontology's OWL 2 RL rules, compiled once for the data.

The reference engine closes the ontology alone once (``reasonable`` and the rules it
lacks, :mod:`kg.reasoning.reference`): the schema rules of Table 9 (scm-*) and cls-oo
are then applied, and every later call starts from that closure. The axioms in it are
read into the instance-level rules they make fire (:mod:`kg.reasoning.compiled.axioms`)
and the inconsistencies they forbid (:mod:`kg.reasoning.consistency`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kg.reasoning.compiled.axioms import Axioms, ClassRules, PropertyRules
from kg.reasoning.consistency import Constraints
from kg.reasoning.terms import SAME, THING, Numbered, Numbering
from kg.store.base import Triple


@dataclass(frozen=True)
class CompiledSchema:
    """The ontology's closure, numbered, and the rules it makes fire on data.

    ``compilable`` is False when the closure makes two distinct terms the same
    (``owl:sameAs``): every rule would have to be rewritten (eq-rep-p, eq-rep-s and
    eq-rep-o on axioms), and the reference engine answers every call.
    ``thing_matters`` says whether a rule reads ``rdf:type owl:Thing``.
    """

    closure: frozenset[Triple]
    numbering: Numbering
    numbered_closure: list[Numbered]
    compilable: bool
    thing_matters: bool
    properties: dict[int, PropertyRules]
    classes: dict[int, ClassRules]
    # Predicates whose triples a rule or the consistency check looks up by object.
    read_backwards: frozenset[int]
    constraints: Constraints

    @classmethod
    def of(cls, closure: Iterable[Triple]) -> CompiledSchema:
        """Compile the ontology's ``closure`` (from the reference engine)."""
        closure = frozenset(closure)
        numbering = Numbering.starting_with_constants()
        number = numbering.number
        numbered = [(number(s), number(p), number(o)) for s, p, o in closure]
        axioms = Axioms(numbered, numbering.term)
        # Reflexive owl:sameAs (every value of a functional property) changes nothing.
        compilable = not any(s != o for s, o in axioms.pairs[SAME])
        classes = axioms.class_rules()
        # Every subject is an owl:Thing to ``reasonable``; those types are worth deriving
        # only when a class rule reads them (they are never part of the output).
        thing_matters = THING in classes and classes[THING].reads_thing()
        constraints = Constraints.of(numbered, numbering.term)
        return cls(
            closure,
            numbering,
            numbered,
            compilable,
            thing_matters,
            axioms.property_rules(),
            classes,
            axioms.read_backwards() | constraints.backward_predicates,
            constraints,
        )
