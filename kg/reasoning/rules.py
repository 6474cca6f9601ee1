"""Every rule of OWL 2 RL and where it runs: the table ``docs/REASONING.md`` cites.

W3C OWL 2 Web Ontology Language Profiles (Second Edition), §4.3 "Reasoning in OWL 2 RL
and RDF Graphs using Rules", Tables 4 (equality), 5 (properties), 6 (classes), 7 (class
axioms), 8 (datatypes) and 9 (schema vocabulary): 78 rules. Each has a status saying
which engine gives its conclusions:

- ``compiled``: the compiled chaining (:mod:`kg.reasoning.compiled.chaining`) on every
  write; the reference engine by ``reasonable`` or by :mod:`kg.reasoning.complement`.
- ``ontology``: a rule about the ontology's own axioms, applied once when the ontology
  is closed at start (the compiled rules are made from that closure); data that adds
  axioms goes to the reference engine, which applies it on every call.
- ``consistency``: a rule concluding "false", checked by
  :mod:`kg.reasoning.consistency` in both engines; a write it matches is refused.
- ``reference``: the compiled rules hand the call to the reference engine.
- ``no output``: its conclusions are about vocabulary terms or literals, which the
  inferred graph never holds, and feed no other rule (or feed one where noted).
- ``not implemented``: no engine gives its conclusions; the start-up report says so.

Each rule has a test of its own in ``tests/kg/reasoning/test_owl2rl_rules.py``, with its
conclusion worked out by hand from the table and checked with ``owlrl`` as well.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Status = Literal["compiled", "ontology", "consistency", "reference", "no output", "not implemented"]


@dataclass(frozen=True)
class Rule:
    """One rule of the tables: its id, table, status and how each engine runs it."""

    id: str
    table: int
    status: Status
    compiled: str
    reference: str


_REASONABLE = "reasonable"
_COMPLEMENT = "kg.reasoning.complement"
_CHECK = "kg.reasoning.consistency"
_CHAIN = "kg.reasoning.compiled.chaining"
_CLOSED = "ontology closure at start"


def _rules() -> list[Rule]:
    rows: list[Rule] = []

    def add(table: int, status: Status, compiled: str, reference: str, *ids: str) -> None:
        rows.extend(Rule(i, table, status, compiled, reference) for i in ids)

    # Table 4: the semantics of equality.
    add(
        4,
        "no output",
        "implicit: a term's sameness with itself substitutes nothing and is never output; "
        "its one consequence, x owl:differentFrom x being inconsistent, is checked",
        "the same",
        "eq-ref",
    )
    add(4, "compiled", _CHAIN, _REASONABLE, "eq-sym", "eq-trans", "eq-rep-s", "eq-rep-o")
    add(
        4,
        "reference",
        "a call that makes a predicate the same as another goes to the reference engine",
        _REASONABLE,
        "eq-rep-p",
    )
    add(4, "consistency", _CHECK, _CHECK, "eq-diff1", "eq-diff2", "eq-diff3")
    # Table 5: the semantics of axioms about properties.
    add(
        5,
        "no output",
        "axiomatic: the built-in annotation properties are owl:AnnotationProperty; "
        "annotations entail nothing and are left out of reasoning",
        "the same",
        "prp-ap",
    )
    add(
        5,
        "compiled",
        _CHAIN,
        _REASONABLE,
        "prp-dom",
        "prp-rng",
        "prp-fp",
        "prp-ifp",
        "prp-symp",
        "prp-trp",
        "prp-spo1",
        "prp-eqp1",
        "prp-eqp2",
        "prp-inv1",
        "prp-inv2",
    )
    add(5, "compiled", _CHAIN, _COMPLEMENT, "prp-spo2", "prp-key")
    add(
        5,
        "consistency",
        _CHECK,
        _CHECK,
        "prp-irp",
        "prp-asyp",
        "prp-pdw",
        "prp-adp",
        "prp-npa1",
        "prp-npa2",
    )
    # Table 6: the semantics of classes.
    add(
        6,
        "ontology",
        _CLOSED + " (owl:Thing and owl:Nothing are classes, always entailed)",
        _REASONABLE,
        "cls-thing",
        "cls-nothing1",
    )
    add(
        6,
        "compiled",
        _CHAIN,
        _REASONABLE,
        "cls-int1",
        "cls-int2",
        "cls-uni",
        "cls-svf1",
        "cls-svf2",
        "cls-avf",
        "cls-hv1",
        "cls-hv2",
    )
    add(6, "compiled", _CHAIN, _COMPLEMENT, "cls-maxc2", "cls-maxqc3", "cls-maxqc4")
    add(
        6,
        "ontology",
        _CLOSED + " (the enumerated individuals are the ontology's)",
        _COMPLEMENT,
        "cls-oo",
    )
    add(
        6,
        "consistency",
        _CHECK,
        _CHECK,
        "cls-nothing2",
        "cls-com",
        "cls-maxc1",
        "cls-maxqc1",
        "cls-maxqc2",
    )
    # Table 7: the semantics of class axioms.
    add(7, "compiled", _CHAIN, _REASONABLE, "cax-sco", "cax-eqc1", "cax-eqc2")
    add(7, "consistency", _CHECK, _CHECK, "cax-dw", "cax-adc")
    # Table 8: the semantics of datatypes.
    add(
        8,
        "no output",
        "axiomatic: the datatypes of the map are rdfs:Datatype (vocabulary terms)",
        "the same",
        "dt-type1",
    )
    add(
        8,
        "no output",
        "literals are never subjects in the inferred graph; where cls-svf1 reads the "
        "type (a datatype as filler) the chaining tests the value (kg.reasoning.datatypes)",
        _COMPLEMENT + " (for cls-svf1)",
        "dt-type2",
    )
    add(
        8,
        "not implemented",
        'two literals of equal value in different forms ("1"^^xsd:int, "1"^^xsd:integer) '
        "are not made the same, so neither's statements are copied to the other; rdflib "
        "writes equal values of one datatype in one canonical form, and the consistency "
        "check compares literals by value",
        "the same (reasonable lacks it)",
        "dt-eq",
    )
    add(
        8,
        "consistency",
        "two literals of different values made the same (owl:sameAs) are inconsistent "
        "(with eq-diff1); owl:differentFrom between literals is never output",
        "the same",
        "dt-diff",
    )
    add(8, "consistency", _CHECK, _CHECK, "dt-not-type")
    # Table 9: the semantics of schema vocabulary.
    add(
        9,
        "ontology",
        _CLOSED + "; their only consequence for data, x a owl:Thing, is trivial (derived "
        "where a rule reads it, never output)",
        _REASONABLE + " (the same)",
        "scm-cls",
        "scm-op",
        "scm-dp",
    )
    add(
        9,
        "ontology",
        _CLOSED + "; the instance rules give the same data entailments where the closure "
        "lacks the schema triple",
        _REASONABLE,
        "scm-sco",
        "scm-eqc1",
        "scm-eqc2",
        "scm-spo",
        "scm-eqp1",
        "scm-eqp2",
        "scm-dom1",
        "scm-dom2",
        "scm-rng1",
        "scm-rng2",
        "scm-hv",
        "scm-int",
        "scm-uni",
    )
    add(9, "ontology", _CLOSED, _COMPLEMENT, "scm-svf1", "scm-svf2", "scm-avf1", "scm-avf2")
    return rows


RULES: dict[str, Rule] = {rule.id: rule for rule in _rules()}
